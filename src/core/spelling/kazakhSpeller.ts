import type { Speller } from '../checks/types.ts';
import type { AffixLexicon } from './AffixLexicon.ts';

/**
 * The Kazakh Hunspell dictionary adds one suffix to a stem, so it knows "қызметінің" but not the longer chains
 * verbs build ("қос" → "қосылған", "жылжы" → "жылжыту", "реформала" → "реформалаудың"), and it has few of the
 * Russian loanwords official texts are full of ("файлын", "муниципалдық"). A word is also taken as correct when
 * it is a known word (Kazakh, or a Russian loan stem) followed by a chain of Kazakh suffixes whose vowels keep
 * the stem's harmony; a chain in the wrong row ("қызметтар") stays unknown for the harmony check to name.
 *
 * The chain, written with both rows' letters (harmony is checked separately): voice (-ыл -ын -ыс -т -дыр -ғыз),
 * negation (-ма), a verb form (-у -ған -атын -ып -са -мақ -ушы …), then noun endings: plural, possessive, case,
 * and the derivational -лы -сыз -лық -дай.
 */
const V = '[ыі]';
const A = '[ае]';
const VOICE = `(?:${V}?л|${V}?н|${V}?с|т|[дт]${V}р|[ғгқк]${V}з)`;
const NEGATION = `(?:[мбп]${A})`;
const VERB = `(?:у|[ғгқк]${A}н|${A}?й?т${V}н|${V}?п|${A}|й|[дт]${V}|с${A}|м${A}[қк]|уш${V}|${A}т${V}н|${V}?ң${V}з|[дт]${V}р)`;
const PLURAL = `(?:[лдт]${A}р)`;
const POSSESSIVE = `(?:${V}?м${V}з|${V}?ң${V}з|${V}?м|${V}?ң|с?${V})`;
const CASE = `(?:н?${V}ң|[дт]${V}ң|[ғгқкн]${A}|[нд]?${V}|[ндт]${V}|н|н?[дт]${A}н?|н${A}н|[мбп]${A}н|ш${A}|н?[дт]${A}[ғгқк]${V}|[дт]${A}й|м${V}н|с${V}ң)`;
const DERIVED = `(?:[лдт]${V}[қк]?|с${V}з|ш${V}л|[дт]${A}й|[ғгқк]${V}|${V}?р${A}[қк])`;
const CHAIN = new RegExp(
  `^(?:${VOICE}{0,2}${NEGATION}?${VERB}?)?${DERIVED}?${PLURAL}?${POSSESSIVE}?${CASE}?${DERIVED}?${CASE}?$`,
  'u',
);

type Row = 'back' | 'front' | undefined;

/** The row of a stem's last vowel; у (as in the verbal noun "шығу") defers to the vowel before it, и ю э decide nothing. */
export function stemRow(stem: string): Row {
  if (stem.endsWith('ь')) return undefined;
  for (let i = stem.length - 1; i >= 0; i -= 1) {
    const ch = stem.charAt(i);
    if ('аоұыяё'.includes(ch)) return 'back';
    if ('әеөүі'.includes(ch)) return 'front';
    if ('июэ'.includes(ch)) return undefined;
  }
  return undefined;
}

function chainKeepsRow(row: Row, chain: string): boolean {
  let back = row === 'back';
  let front = row === 'front';
  for (const ch of chain) {
    if ('аоұығқ'.includes(ch)) back = true;
    else if ('еөүігк'.includes(ch)) front = true;
  }
  return !(back && front);
}

// A final voiceless consonant is voiced before a vowel: "кітап" → "кітабы", "әкімдік" → "әкімдігі".
const UNVOICED: Readonly<Record<string, string>> = { г: 'к', ғ: 'қ', б: 'п' };

const MIN_STEM = 3;
const POSSESSIVE_ACCUSATIVE = /[^ндт][ыі]н$/u;
const KAZAKH_LETTER = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/u;
// Letters of a suffix chain a Russian keyboard loses, and how many final letters are tried.
const CHAIN_KAZAKH: Readonly<Record<string, string>> = { к: 'қ', г: 'ғ', н: 'ң', и: 'і' };
const CHAIN_TAIL = 6;

/** The Kazakh dictionary with its suffix chains, Russian loan stems (when given) and look-alike restoration. */
export function kazakhSpeller(kk: AffixLexicon, ru?: AffixLexicon): Speller {
  const known = (stem: string): boolean => kk.correct(stem) || (ru !== undefined && ru.correct(stem));
  /** Whether `stem` is a known stem, and the row its suffixes follow. */
  const stemOf = (stem: string): { readonly row: Row } | undefined => {
    if (known(stem)) return { row: stemRow(stem) };
    const unvoiced = UNVOICED[stem.charAt(stem.length - 1)];
    if (unvoiced && known(stem.slice(0, -1) + unvoiced)) return { row: stemRow(stem) };
    if (!ru) return undefined;
    // Russian loans lose their soft sign ("профиль" → "профилі", "пароль" → "паролін": either row follows)
    // and a doubled final consonant ("класс" → "класы") before a Kazakh ending.
    if (ru.correct(`${stem}ь`)) return { row: undefined };
    if (ru.correct(stem + stem.charAt(stem.length - 1))) return { row: stemRow(stem) };
    return undefined;
  };
  const inflected = (lower: string): boolean => {
    for (let cut = lower.length - 1; cut >= MIN_STEM; cut -= 1) {
      const chain = lower.slice(cut);
      if (!CHAIN.test(chain)) continue;
      const found = stemOf(lower.slice(0, cut));
      if (found && chainKeepsRow(found.row, chain)) return true;
    }
    return false;
  };
  const single = (lower: string): boolean =>
    kk.correct(lower) ||
    (ru !== undefined && lower.length > MIN_STEM && ru.correct(lower)) ||
    inflected(lower);
  const correct = (word: string): boolean => {
    if (kk.correct(word)) return true;
    const lower = word.toLowerCase();
    if (single(lower)) return true;
    // Compounds written as one word: "қолжетімсіз", "бетбелгілерге".
    // The second part must be a word of its own, not a suffix chain ("қызмет" + "тар" is a slip, not a compound).
    for (let cut = MIN_STEM; cut <= lower.length - MIN_STEM - 1; cut += 1) {
      const rest = lower.slice(cut);
      if (kk.correct(lower.slice(0, cut)) && !CHAIN.test(rest) && single(rest)) return true;
    }
    return false;
  };
  /** Kazakh letters put back into the suffix chain of a word the dictionary has no form of ("муниципалдык"). */
  const restoreChain = (word: string): string[] => {
    const lower = word.toLowerCase();
    const from = Math.max(MIN_STEM, lower.length - CHAIN_TAIL);
    const spots: number[] = [];
    for (let i = from; i < lower.length; i += 1) if (CHAIN_KAZAKH[lower.charAt(i)]) spots.push(i);
    const out: string[] = [];
    for (let mask = 1; mask < 1 << spots.length; mask += 1) {
      const chars = [...lower];
      spots.forEach((at, bit) => {
        if (mask & (1 << bit)) chars[at] = CHAIN_KAZAKH[lower.charAt(at)] ?? lower.charAt(at);
      });
      const form = chars.join('');
      if (correct(form))
        out.push(word.charAt(0) !== lower.charAt(0) ? form.charAt(0).toUpperCase() + form.slice(1) : form);
      if (out.length > 0) break;
    }
    return out;
  };
  return {
    lang: 'kk',
    correct,
    // A word with no Kazakh letter is restored whenever the dictionary itself lacks it, even if a suffix chain
    // would explain it ("кате" as "кат" + "е" is far likelier "қате"); one with some Kazakh letters only
    // when nothing explains it.
    restore: (word) => {
      if (kk.correct(word) || (KAZAKH_LETTER.test(word) && correct(word))) return [];
      const restored = kk.restore(word);
      if (KAZAKH_LETTER.test(word)) return restored;
      if (!correct(word)) return restored.length > 0 ? restored : restoreChain(word);
      // "дыбысын" is "дыбысы" + accusative "н" (its sound, as an object), a form the dictionary lacks, not
      // "дыбысың" typed without ң. After н, д or т the "ы" is more likely the accusative itself ("тапсырманын").
      const lower = word.toLowerCase();
      if (!POSSESSIVE_ACCUSATIVE.test(lower) || !correct(lower.slice(0, -1))) return restored;
      return restored.filter((form) => form.toLowerCase() !== `${lower.slice(0, -1)}ң`);
    },
  };
}
