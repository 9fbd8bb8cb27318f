import { readFileSync } from 'node:fs';
import { parseTable } from '../../../src/core/formats/csv.ts';
import { allChecks, checkDocument, type CheckPair } from '../../../src/core/checks/index.ts';

export type EvalRow = CheckPair & {
  readonly targetLang: string;
  readonly expected: readonly string[];
  readonly origin?: string;
};
export type Score = {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** Share of clean pairs on which a check of this family fired. */
  falseAlarmRate: number;
};

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
 * The held-out set (tests/fixtures/checks-heldout/pairs.tsv): plain tab-separated columns, no quoting, so a
 * cell may start with a quote mark; `\u{XXXX}` stands for a character that cannot be seen (zero-width space,
 * a leading space). Bad rows are reported with their line.
 */
export function loadHeldOutSet(
  url = new URL('../../fixtures/checks-heldout/pairs.tsv', import.meta.url),
): EvalRow[] {
  const lines = readFileSync(url, 'utf8').split('\n');
  const unescape = (cell: string) =>
    cell.replace(/\\u\{([0-9a-fA-F]{1,6})\}/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
  const rows: EvalRow[] = [];
  lines.forEach((line, i) => {
    if (i === 0 || line === '') return;
    const cells = line.split('\t');
    if (cells.length !== 6) throw new Error(`pairs.tsv line ${i + 1}: ${cells.length} columns, expected 6`);
    const [id, targetLang, source, target, expected, origin] = cells.map(unescape) as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    rows.push({ id, targetLang, source, target, expected: expected.split(' ').filter(Boolean), origin });
  });
  return rows;
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
  const familyOf = new Map<string, string>(allChecks.map((c) => [c.id, c.family]));
  const cleanRows = rows.filter((r) => r.expected.length === 0);
  const cleanFlagged = new Map<string, number>();
  let cleanAny = 0;
  for (const r of cleanRows) {
    const got = fired.get(r.id) ?? new Set<string>();
    if (got.size > 0) cleanAny += 1;
    for (const f of new Set([...got].map((c) => familyOf.get(c) ?? c)))
      cleanFlagged.set(f, (cleanFlagged.get(f) ?? 0) + 1);
  }
  const errorRows = rows.filter((r) => r.expected.length > 0);
  const errorsFound = errorRows.filter((r) => r.expected.some((c) => fired.get(r.id)?.has(c))).length;
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
  const score = (s: { tp: number; fp: number; fn: number }, family?: string): Score => ({
    ...s,
    precision: s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp),
    recall: s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn),
    falseAlarmRate:
      cleanRows.length === 0
        ? 0
        : (family === undefined ? cleanAny : (cleanFlagged.get(family) ?? 0)) / cleanRows.length,
  });
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const s of byFamily.values()) {
    total.tp += s.tp;
    total.fp += s.fp;
    total.fn += s.fn;
  }
  return {
    families: new Map([...byFamily].map(([f, s]) => [f, score(s, f)])),
    overall: score(total),
    /** Segment level: share of clean pairs with any issue, share of error pairs with an expected issue. */
    segments: {
      clean: cleanRows.length,
      cleanFlagged: cleanAny,
      cleanFlaggedRate: cleanRows.length === 0 ? 0 : cleanAny / cleanRows.length,
      errors: errorRows.length,
      errorsFound,
      errorRecall: errorRows.length === 0 ? 1 : errorsFound / errorRows.length,
    },
    mistakes,
  };
}
