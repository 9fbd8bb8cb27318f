import { readFileSync } from 'node:fs';
import { parseTable } from '../../../src/core/formats/csv.ts';
import { allChecks, checkDocument, type CheckPair } from '../../../src/core/checks/index.ts';

export type EvalRow = CheckPair & { readonly targetLang: string; readonly expected: readonly string[] };
export type Score = { tp: number; fp: number; fn: number; precision: number; recall: number };

export function loadEvalSet(): EvalRow[] {
  const text = readFileSync(new URL('../../fixtures/checks/eval.tsv', import.meta.url), 'utf8');
  const table = parseTable(text, '\t');
  if (!table.ok) throw new Error(`eval.tsv line ${table.error.line}: ${table.error.message}`);
  return table.value.rows.map(({ cells }) => ({
    id: cells[0] as string,
    targetLang: cells[1] as string,
    source: cells[2] as string,
    target: cells[3] as string,
    expected: (cells[4] as string).split(' ').filter(Boolean),
  }));
}

/**
 * Runs the engine over the evaluation set. Clean pairs of one target language and mode (bilingual or
 * target-only) form one document; each pair with a labelled error is checked inside that document, in place of
 * its clean twin, so document-wide checks see a realistic document rather than five renderings of one source.
 * Each pair's set of fired check ids is scored against its labels.
 */
export function evaluate(rows: readonly EvalRow[], spell?: (w: string) => boolean) {
  const groupOf = (r: EvalRow) => `${r.targetLang}:${r.source ? 'bi' : 'mono'}`;
  const clean = new Map<string, EvalRow[]>();
  for (const r of rows)
    if (r.expected.length === 0) clean.set(groupOf(r), [...(clean.get(groupOf(r)) ?? []), r]);
  const fired = new Map<string, Set<string>>();
  const run = (doc: readonly EvalRow[], targetLang: string, only?: string) => {
    const result = checkDocument(doc, { sourceLang: 'ru', targetLang, ...(spell ? { spell } : {}) });
    for (const r of doc) {
      if (only === undefined || r.id === only)
        fired.set(r.id, new Set((result.get(r.id) ?? []).map((i) => i.check)));
    }
  };
  for (const [group, doc] of clean) run(doc, group.split(':')[0] as string);
  for (const r of rows) {
    if (r.expected.length === 0) continue;
    const twins = (clean.get(groupOf(r)) ?? []).filter((c) => !r.source || c.source !== r.source);
    run([...twins, r], r.targetLang, r.id);
  }
  const familyOf = new Map(allChecks.map((c) => [c.id, c.family as string]));
  const byFamily = new Map<string, { tp: number; fp: number; fn: number }>();
  const mistakes: string[] = [];
  const bump = (check: string, field: 'tp' | 'fp' | 'fn') => {
    const f = familyOf.get(check) ?? check;
    const s = byFamily.get(f) ?? { tp: 0, fp: 0, fn: 0 };
    s[field] += 1;
    byFamily.set(f, s);
  };
  for (const r of rows) {
    const got = fired.get(r.id) ?? new Set<string>();
    for (const c of got) {
      if (r.expected.includes(c)) bump(c, 'tp');
      else {
        bump(c, 'fp');
        mistakes.push(`${r.id} false alarm ${c}: ${r.target}`);
      }
    }
    for (const c of r.expected) {
      if (!got.has(c)) {
        bump(c, 'fn');
        mistakes.push(`${r.id} missed ${c}: ${r.target}`);
      }
    }
  }
  const score = (s: { tp: number; fp: number; fn: number }): Score => ({
    ...s,
    precision: s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp),
    recall: s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn),
  });
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const s of byFamily.values()) {
    total.tp += s.tp;
    total.fp += s.fp;
    total.fn += s.fn;
  }
  return {
    families: new Map([...byFamily].map(([f, s]) => [f, score(s)])),
    overall: score(total),
    mistakes,
  };
}
