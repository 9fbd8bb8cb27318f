import type { TermHit } from '../../glossary/match.ts';
import { primaryOf } from '../util/lang.ts';
import type { Term } from '../../model/term.ts';
import type { CheckInput } from '../CheckInput.ts';
import type { Finding, PairCheck } from '../types.ts';

const isAcronym = (text: string): boolean => /^\p{Lu}{2,6}$/u.test(text.trim());

function targetTermsOf(input: CheckInput, entryId: string, status?: Term['status']): Term[] | undefined {
  const entry = input.entries?.get(entryId);
  if (!entry) return undefined;
  return entry.terms.filter(
    (t) => primaryOf(t.lang) === input.targetLang && (!status || t.status === status),
  );
}

function hitsOf(input: CheckInput, entryId: string): TermHit[] {
  return input.targetTerms.filter((h) => h.entryId === entryId && primaryOf(h.lang) === input.targetLang);
}

/**
 * Source terms (approved) whose entry's rendering is nowhere in the target, inflection-aware both ways
 * ("маслихатом" → "maslikhat", "акиматами" → "akimats" / "әкімдіктер"). A forbidden rendering in its place
 * is term-forbidden's finding, and acronyms are acronym-mismatch's.
 */
function missing(input: CheckInput, acronyms: boolean): Finding[] {
  const out: Finding[] = [];
  const hits = input.sourceTerms;
  if (hits.length === 0) return out;
  const seen = new Set<string>();
  for (const h of hits) {
    if (h.term.status !== 'approved' || primaryOf(h.lang) !== input.sourceLang || seen.has(h.entryId))
      continue;
    const text = input.source.slice(h.start, h.end);
    if (isAcronym(text) !== acronyms) continue;
    seen.add(h.entryId);
    const expected = targetTermsOf(input, h.entryId);
    // An entry with no term in the target language asks nothing of the target.
    if (expected && !expected.some((t) => t.status !== 'forbidden')) continue;
    const found = hitsOf(input, h.entryId);
    if (found.some((f) => f.term.status !== 'forbidden')) continue;
    if (found.length > 0) continue;
    const approved = expected?.filter((t) => t.status === 'approved') ?? [];
    const suggestion = (approved.length ? approved : (expected ?? [])).map((t) => t.text).join(' / ');
    out.push({
      messageKey: acronyms
        ? 'checks.glossary.acronym'
        : suggestion
          ? 'checks.glossary.missing'
          : 'checks.glossary.missingUnnamed',
      params: { term: text, expected: suggestion },
      source: [{ start: h.start, end: h.end }],
    });
  }
  return out;
}

export const termMissing: PairCheck = {
  id: 'term-missing',
  family: 'glossary',
  scope: 'pair',
  needsSource: true,
  severity: 'major',
  category: 'terminology',
  run: (input) => (input.glossary ? missing(input, false) : []),
};

export const acronymMismatch: PairCheck = {
  id: 'acronym-mismatch',
  family: 'glossary',
  scope: 'pair',
  needsSource: true,
  severity: 'major',
  category: 'terminology',
  run: (input) => (input.glossary ? missing(input, true) : []),
};

export const termForbidden: PairCheck = {
  id: 'term-forbidden',
  family: 'glossary',
  scope: 'pair',
  needsSource: false,
  severity: 'major',
  category: 'terminology',
  run(input) {
    if (!input.glossary) return [];
    const out: Finding[] = [];
    for (const h of input.targetTerms) {
      if (h.term.status !== 'forbidden' || primaryOf(h.lang) !== input.targetLang) continue;
      const span = { start: h.start, end: h.end };
      const approved = targetTermsOf(input, h.entryId, 'approved') ?? [];
      const only = approved.length === 1 ? approved[0] : undefined;
      out.push({
        messageKey: only ? 'checks.glossary.forbidden' : 'checks.glossary.forbiddenUnnamed',
        params: { term: input.target.slice(h.start, h.end), expected: only?.text ?? '' },
        target: [span],
        ...(only ? { fix: { span, replacement: only.text } } : {}),
      });
    }
    return out;
  },
};
