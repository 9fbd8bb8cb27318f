import { tokenize, type Token } from './tokens.ts';

/**
 * Detectors behind extractCandidates. Each looks at one kind of evidence that a span is a term in the kinds
 * of document Audarma reviews (machine translations of Russian and Kazakh official texts) and returns raw
 * findings; extractCandidates merges them and counts occurrences.
 */
/**
 * A text to look in. `unit` groups the texts of one unit (its machine translation and its corrected
 * rendering): a term found in several of them is counted once for the unit.
 */
export type SourceText = {
  readonly id: string;
  readonly text: string;
  readonly lang: string;
  readonly unit?: string;
};

export type CandidateSource = 'foreignScript' | 'acronym' | 'footnote' | 'definition' | 'capitalised';

export type Finding = {
  readonly text: string;
  readonly lang: string;
  readonly source: CandidateSource;
  /** Other terms of the same concept seen with it (an acronym's expansion, a translation after a dash). */
  readonly related?: readonly { readonly text: string; readonly lang: string }[];
  readonly definition?: string;
};

const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/u;
export const isCyrillicLang = (lang: string): boolean =>
  /^(ru|kk|uk|be|ky|tt|bg|sr|mk)(?![-_]Latn)/i.test(lang);
const cyrillicLang = (span: string): string => (KAZAKH_LETTERS.test(span) ? 'kk' : 'ru');

// Definition lines: "* Akim - is the head of…", "** Maslikhat – representative body…", "Akimat — …" (the
// stars tie a definition to the footnote mark in the text). "is"/"это"/"бұл" after the dash is MT filler.
const DEFINITION =
  /^(\*{1,3})?\s*([\p{L}][\p{L}\p{M}\s'’-]{0,60}?)\s+[-–—]\s+(?:is\s+|это\s+|бұл\s+)?(.+?)[\s;.]*$/u;
const DEFINITIONS_HEADING =
  /terms\s+and\s+definitions|термины\s+и\s+определения|терминдер\s+мен\s+анықтамалар|glossary|глоссарий/iu;

/** Footnote-marked definitions and lines under a "terms and definitions" heading; star count → term. */
export function findDefinitions(texts: readonly SourceText[]): {
  findings: Finding[];
  byStars: Map<number, string>;
} {
  const findings: Finding[] = [];
  const byStars = new Map<number, string>();
  let underHeading = false;
  for (const t of texts) {
    const line = t.text.trim();
    if (DEFINITIONS_HEADING.test(line) && line.length < 60) {
      underHeading = true;
      continue;
    }
    const m = DEFINITION.exec(line);
    const stars = m?.[1];
    if (m && (stars || underHeading) && (m[2] as string).trim().split(/\s+/).length <= 5) {
      const term = (m[2] as string).trim();
      findings.push({ text: term, lang: t.lang, source: 'definition', definition: (m[3] as string).trim() });
      if (stars) byStars.set(stars.length, term);
    } else underHeading = false;
  }
  return { findings, byStars };
}

// A word carrying a footnote mark: "Akim*", "deputies**", "Akimats***" (no space before the stars).
const FOOTNOTE = /([\p{L}][\p{L}\p{M}'’-]*)(\*{1,3})(?![*\p{L}])/gu;

export function findFootnotes(texts: readonly SourceText[], byStars: ReadonlyMap<number, string>): Finding[] {
  const findings: Finding[] = [];
  for (const t of texts) {
    for (const m of t.text.matchAll(FOOTNOTE)) {
      const defined = byStars.get((m[2] as string).length);
      const word = (m[1] as string).replace(/['’]s?$/u, '');
      findings.push({ text: defined ?? word, lang: t.lang, source: 'footnote' });
    }
  }
  return findings;
}

const CYRILLIC_RUN =
  /\p{Script=Cyrillic}[\p{Script=Cyrillic}\p{M}]*(?:[\s-]+\p{Script=Cyrillic}[\p{Script=Cyrillic}\p{M}]*)*/gu;
const LATIN_RUN =
  /\p{Script=Latin}[\p{Script=Latin}\p{M}]+(?:[\s-]+\p{Script=Latin}[\p{Script=Latin}\p{M}]*)*/gu;
// "Local police service - Жергілікті полиция қызметі": a short phrase, a dash, then the foreign-script name.
const BEFORE_DASH = /(?:^|[,;:(]\s*)([\p{L}][\p{L}\p{M}\s'’-]*?)\s+[-–—]\s*$/u;

/** Spans in the other script: Kazakh or Russian names left in an English text, Latin names in Russian. */
export function findForeignScript(texts: readonly SourceText[]): Finding[] {
  const findings: Finding[] = [];
  for (const t of texts) {
    const cyrillicText = isCyrillicLang(t.lang);
    for (const m of t.text.matchAll(cyrillicText ? LATIN_RUN : CYRILLIC_RUN)) {
      const span = m[0].trim();
      if (span.replace(/\P{L}/gu, '').length < 3) continue;
      const lang = cyrillicText ? 'en' : cyrillicLang(span);
      const before = BEFORE_DASH.exec(t.text.slice(0, m.index));
      const translation = before?.[1]?.trim();
      const related =
        translation && translation.split(/\s+/).length <= 5 ? [{ text: translation, lang: t.lang }] : [];
      findings.push({ text: span, lang, source: 'foreignScript', related });
    }
  }
  return findings;
}

const CONNECTORS = new Set([
  'of',
  'the',
  'and',
  'for',
  'on',
  'in',
  'и',
  'по',
  'в',
  'на',
  'для',
  'мен',
  'және',
]);
const ACRONYM = /^\p{Lu}[\p{Lu}\d]{1,7}$/u;
const isConnector = (w: string) => CONNECTORS.has(w.toLowerCase());
const isCapitalised = (w: string) => /^\p{Lu}\p{Ll}/u.test(w);
// Capitalised only because they start a sentence: never the first word of a name.
const STARTERS = new Set(
  'a an as at and but by he her his i in it its not on our she such that the then these they this thus to we what when which'.split(
    ' ',
  ),
);

/** Word sequences of `tokens` whose content-word initials spell `acronym`, ending before `limit`. */
function expansionsIn(
  text: string,
  tokens: readonly Token[],
  acronym: string,
  limit: number,
  capitalsOnly: boolean,
): string[] {
  const letters = [...acronym.replace(/\d/g, '')];
  const found: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const first = tokens[i] as Token;
    if (first.end > limit || isConnector(first.text)) continue;
    let k = 0;
    for (let j = i; j < tokens.length && (tokens[j] as Token).end <= limit; j += 1) {
      const w = (tokens[j] as Token).text;
      if (j > i && !/^[\s-]+$/u.test(text.slice((tokens[j - 1] as Token).end, (tokens[j] as Token).start)))
        break;
      if (isConnector(w)) continue;
      if (w.slice(0, 1).toUpperCase() !== letters[k] || (capitalsOnly && !isCapitalised(w))) break;
      k += 1;
      if (k === letters.length) {
        found.push(text.slice(first.start, (tokens[j] as Token).end));
        break;
      }
    }
  }
  return found;
}

// "(further LPS)" is how MT renders Russian "(далее ЛПС)"; also "(hereinafter – LPS)", "(LPS)", Kazakh "бұдан әрі".
const INTRODUCED =
  /\(\s*(?:(?:[Ff]urther|[Hh]ereinafter(?:\s+referred\s+to\s+as)?|[Дд]алее(?:\s+по\s+тексту)?|[Бб]ұдан\s+әрі)\s*[-–—:]?\s*)?[«"“]?(\p{Lu}[\p{Lu}\d]{1,7})[»"”]?\s*\)/gu;

/** Acronyms introduced in brackets, or used with an expansion found elsewhere, or used more than once. */
export function findAcronyms(texts: readonly SourceText[]): Finding[] {
  const findings: Finding[] = [];
  const tokensOf = texts.map((t) => tokenize(t.text));
  const introduced = new Set<string>();
  texts.forEach((t, ti) => {
    for (const m of t.text.matchAll(INTRODUCED)) {
      const acronym = m[1] as string;
      introduced.add(acronym);
      let expansion = expansionsIn(t.text, tokensOf[ti] as Token[], acronym, m.index, false).at(-1);
      for (let back = ti - 1; expansion === undefined && back >= 0; back -= 1) {
        expansion = expansionsIn(
          (texts[back] as SourceText).text,
          tokensOf[back] as Token[],
          acronym,
          Infinity,
          false,
        ).at(-1);
      }
      findings.push({
        text: acronym,
        lang: t.lang,
        source: 'acronym',
        related: expansion ? [{ text: expansion, lang: t.lang }] : [],
      });
      if (expansion)
        findings.push({
          text: expansion,
          lang: t.lang,
          source: 'acronym',
          related: [{ text: acronym, lang: t.lang }],
        });
    }
  });
  const uses = new Map<string, { count: number; lang: string }>();
  texts.forEach((t, ti) => {
    for (const tok of tokensOf[ti] as Token[]) {
      if (!ACRONYM.test(tok.text) || introduced.has(tok.text)) continue;
      const u = uses.get(tok.text) ?? { count: 0, lang: t.lang };
      u.count += 1;
      uses.set(tok.text, u);
    }
  });
  for (const [acronym, { count, lang }] of uses) {
    const counts = new Map<string, number>();
    texts.forEach((t, ti) => {
      for (const e of expansionsIn(t.text, tokensOf[ti] as Token[], acronym, Infinity, true))
        counts.set(e, (counts.get(e) ?? 0) + 1);
    });
    const best = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (!best && count < 2) continue;
    findings.push({ text: acronym, lang, source: 'acronym', related: best ? [{ text: best, lang }] : [] });
    if (best) findings.push({ text: best, lang, source: 'acronym', related: [{ text: acronym, lang }] });
  }
  return findings;
}

/**
 * Names of two or more capitalised words, possibly joined by "of", "the"… ("Ministry of Internal Affairs"),
 * seen at least twice. Of nested names only those not always inside a longer one are kept.
 */
export function findCapitalisedNames(texts: readonly SourceText[]): Finding[] {
  const counts = new Map<string, { count: number; lang: string; words: number }>();
  for (const t of texts) {
    const tokens = tokenize(t.text);
    let run: Token[] = [];
    const flush = () => {
      while (run.length > 0 && isConnector((run.at(-1) as Token).text)) run.pop();
      for (let i = 0; i < run.length; i += 1) {
        const first = (run[i] as Token).text;
        if (!isCapitalised(first) || STARTERS.has(first.toLowerCase())) continue;
        for (let j = i + 1; j < run.length && j - i < 8; j += 1) {
          if (!isCapitalised((run[j] as Token).text)) continue;
          const name = t.text.slice((run[i] as Token).start, (run[j] as Token).end);
          const c = counts.get(name) ?? { count: 0, lang: t.lang, words: j - i + 1 };
          c.count += 1;
          counts.set(name, c);
        }
      }
      run = [];
    };
    for (const [i, tok] of tokens.entries()) {
      const prev = tokens[i - 1];
      const joined = prev !== undefined && /^\s+$/u.test(t.text.slice(prev.end, tok.start));
      if (!joined) flush();
      if (isCapitalised(tok.text) || (run.length > 0 && isConnector(tok.text))) run.push(tok);
      else flush();
    }
    flush();
  }
  const findings: Finding[] = [];
  for (const [name, c] of counts) {
    if (c.count < 2) continue;
    const subsumed = [...counts].some(
      ([other, o]) => other !== name && o.count === c.count && other.includes(name),
    );
    if (!subsumed) findings.push({ text: name, lang: c.lang, source: 'capitalised' });
  }
  return findings;
}
