import { entryId, projectId } from '../model/ids.ts';
import type { Term, TermEntry } from '../model/term.ts';
import {
  findAcronyms,
  findCapitalisedNames,
  findDefinitions,
  findFootnotes,
  findForeignScript,
  type CandidateSource,
  type Finding,
  type SourceText,
} from './candidateRules.ts';
import { foldWord } from './inflection.ts';
import { buildTermIndex, findTerms } from './match.ts';

export type { CandidateSource, SourceText } from './candidateRules.ts';

/** Where a candidate occurs: the id of the text (segment) and the span in it. */
export type CandidateContext = { readonly id: string; readonly start: number; readonly end: number };

/** A glossary entry as the extractor proposes it: every term proposed, ready for the reviewer to edit. */
export type CandidateEntry = { readonly terms: readonly Term[]; readonly definition?: string };

export type Candidate = {
  readonly text: string;
  readonly lang: string;
  /** Why it was proposed, in the order the evidence was found. */
  readonly sources: readonly CandidateSource[];
  /** Occurrences, inflected forms included (findTerms does the counting). */
  readonly frequency: number;
  readonly contexts: readonly CandidateContext[];
  readonly entry: CandidateEntry;
};

type Draft = {
  text: string;
  lang: string;
  sources: CandidateSource[];
  definition?: string;
  related: { text: string; lang: string }[];
};

const keyOf = (text: string, lang: string) => `${lang}\u0000${foldWord(text, false)}`;

/** Union-find over term keys: an acronym, its expansion and a translation seen with it make one entry. */
function groupRelated(drafts: Map<string, Draft>): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(k, root);
    return root;
  };
  for (const [key, d] of drafts) {
    find(key);
    for (const r of d.related) {
      const other = keyOf(r.text, r.lang);
      if (drafts.has(other)) parent.set(find(other), find(key));
    }
  }
  return new Map([...drafts.keys()].map((k) => [k, find(k)]));
}

/**
 * Splits drafts into layers where no text contains another, so each is counted on its own:
 * "Ministry of Internal Affairs" keeps its count when "Ministry of Internal Affairs of Kazakhstan" is a
 * candidate too (findTerms would give the shared span to the longer one).
 */
function layers(drafts: readonly [string, Draft][]): [string, Draft][][] {
  const result: [string, Draft][][] = [];
  for (const item of drafts) {
    const folded = foldWord(item[1].text, false);
    const nests = (other: Draft) => {
      const o = foldWord(other.text, false);
      return o.includes(folded) || folded.includes(o);
    };
    const layer = result.find((l) => l.every(([, d]) => !nests(d)));
    if (layer) layer.push(item);
    else result.push([item]);
  }
  return result;
}

function countContexts(
  texts: readonly SourceText[],
  drafts: Map<string, Draft>,
): Map<string, CandidateContext[]> {
  const contexts = new Map<string, CandidateContext[]>();
  for (const layer of layers([...drafts])) {
    const entries: TermEntry[] = layer.map(([key, d]) => ({
      id: entryId(key),
      projectId: projectId(''),
      terms: [{ lang: d.lang, text: d.text, status: 'proposed' }],
      createdAt: 0,
      updatedAt: 0,
    }));
    const index = buildTermIndex(entries);
    for (const t of texts) {
      for (const hit of findTerms(index, t.text, t.lang)) {
        const list = contexts.get(hit.entryId) ?? [];
        list.push({ id: t.id, start: hit.start, end: hit.end });
        contexts.set(hit.entryId, list);
      }
    }
  }
  const unitOf = new Map(texts.map((t) => [t.id, t.unit ?? t.id]));
  for (const [key, list] of contexts) contexts.set(key, onePerUnit(list, unitOf));
  return contexts;
}

/**
 * Within one unit only the text with the most occurrences counts: the corrected rendering repeats the
 * machine translation's terms, and they are one use, not two.
 */
function onePerUnit(
  list: readonly CandidateContext[],
  unitOf: ReadonlyMap<string, string>,
): CandidateContext[] {
  const byText = new Map<string, CandidateContext[]>();
  for (const c of list) byText.set(c.id, [...(byText.get(c.id) ?? []), c]);
  const best = new Map<string, string>();
  for (const [id, found] of byText) {
    const unit = unitOf.get(id) ?? id;
    const current = best.get(unit);
    if (current === undefined || found.length > (byText.get(current)?.length ?? 0)) best.set(unit, id);
  }
  const kept = new Set(best.values());
  return list.filter((c) => kept.has(c.id));
}

/**
 * Term candidates in a document's texts (segments, in order): foreign-script spans, acronyms with their
 * expansions, footnote-marked words and their definitions, and repeated capitalised names. Each comes with
 * its frequency, where it occurs and a prefilled entry (related terms and definition), most frequent first.
 */
export function extractCandidates(texts: readonly SourceText[]): Candidate[] {
  const { findings: definitions, byStars } = findDefinitions(texts);
  const findings: Finding[] = [
    ...findForeignScript(texts),
    ...findAcronyms(texts),
    ...findFootnotes(texts, byStars),
    ...definitions,
    ...findCapitalisedNames(texts),
  ];
  const drafts = new Map<string, Draft>();
  for (const f of findings) {
    const key = keyOf(f.text, f.lang);
    const d = drafts.get(key) ?? { text: f.text, lang: f.lang, sources: [], related: [] };
    if (!d.sources.includes(f.source)) d.sources.push(f.source);
    if (f.definition && !d.definition) d.definition = f.definition;
    for (const r of f.related ?? []) {
      if (!d.related.some((x) => keyOf(x.text, x.lang) === keyOf(r.text, r.lang))) d.related.push({ ...r });
    }
    drafts.set(key, d);
  }
  // A related term that was not itself found (a translation after a dash) still belongs in the entry.
  for (const d of [...drafts.values()]) {
    for (const r of d.related) {
      const key = keyOf(r.text, r.lang);
      if (!drafts.has(key))
        drafts.set(key, { text: r.text, lang: r.lang, sources: [...d.sources], related: [] });
    }
  }
  const groups = groupRelated(drafts);
  const members = new Map<string, Draft[]>();
  for (const [key, root] of groups)
    members.set(root, [...(members.get(root) ?? []), drafts.get(key) as Draft]);
  const contexts = countContexts(texts, drafts);
  const candidates: Candidate[] = [];
  for (const [key, d] of drafts) {
    const group = members.get(groups.get(key) as string) ?? [d];
    const found = contexts.get(key) ?? [];
    const definition = d.definition ?? group.find((g) => g.definition)?.definition;
    candidates.push({
      text: d.text,
      lang: d.lang,
      sources: d.sources,
      frequency: found.length,
      contexts: found,
      entry: {
        terms: [d, ...group.filter((g) => g !== d)].map((g) => ({
          lang: g.lang,
          text: g.text,
          status: 'proposed',
        })),
        ...(definition ? { definition } : {}),
      },
    });
  }
  return candidates.sort((a, b) => b.frequency - a.frequency || a.text.localeCompare(b.text));
}
