import { readFileSync } from 'node:fs';
import { checkPair } from '../../../src/core/checks/index.ts';
import type { Speller } from '../../../src/core/checks/types.ts';
import { parseTable } from '../../../src/core/formats/csv.ts';
import { AffixLexicon } from '../../../src/core/spelling/AffixLexicon.ts';
import { kazakhSpeller } from '../../../src/core/spelling/kazakhSpeller.ts';

/** One row of tests/fixtures/kazakh/eval.tsv: a Russian source, its Kazakh rendering and the error put in it. */
export type KazakhEvalRow = {
  readonly id: string;
  readonly origin: string;
  readonly source: string;
  readonly target: string;
  readonly error: '' | 'lookalike' | 'harmony' | 'spelling';
  /** The word the error was put into, as it stands in the target. */
  readonly word: string;
};

export function loadKazakhEvalSet(): KazakhEvalRow[] {
  const text = readFileSync(new URL('../../fixtures/kazakh/eval.tsv', import.meta.url), 'utf8');
  const table = parseTable(text, '\t');
  if (!table.ok) throw new Error(`eval.tsv line ${table.error.line}: ${table.error.message}`);
  return table.value.rows.map(({ cells }) => ({
    id: cells[0] as string,
    origin: cells[1] as string,
    source: cells[2] as string,
    target: cells[3] as string,
    error: cells[4] as KazakhEvalRow['error'],
    word: cells[5] as string,
  }));
}

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

/** The shipped Kazakh and the installed Russian dictionary, as the worker reads them. */
export function loadSpellers(): { kk: Speller; ru: Speller } {
  const kk = new AffixLexicon(read('dictionaries/kk_KZ/kk_KZ.aff'), read('dictionaries/kk_KZ/kk_KZ.dic'));
  const ru = new AffixLexicon(
    read('node_modules/dictionary-ru/index.aff'),
    read('node_modules/dictionary-ru/index.dic'),
  );
  return {
    kk: kazakhSpeller(kk, ru),
    ru: { lang: 'ru', correct: (w) => ru.correct(w) },
  };
}

/** The checks each kind of error is theirs to find. */
export const OWNERS: Readonly<Record<Exclude<KazakhEvalRow['error'], ''>, readonly string[]>> = {
  lookalike: ['kazakh-lookalike-letters', 'kazakh-lookalike-words'],
  harmony: ['kazakh-vowel-harmony'],
  spelling: ['kazakh-spelling'],
};
export const KAZAKH_CHECKS = [...new Set(Object.values(OWNERS).flat())];

type Counts = { tp: number; fp: number; fn: number; precision: number; recall: number };

/**
 * Scores the Kazakh checks on the set. A finding is right when it marks the word the error was put into (any
 * Kazakh check marking a broken word is right); anything else it marks is a false alarm. Recall per kind of
 * error counts the errors marked by that kind's own checks. `source-spelling` is scored on the Russian
 * sources, which are all taken as clean.
 */
export function evaluateKazakh(rows: readonly KazakhEvalRow[], spellers = loadSpellers()) {
  const perCheck = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (check: string, field: 'tp' | 'fp' | 'fn') => {
    const c = perCheck.get(check) ?? { tp: 0, fp: 0, fn: 0 };
    c[field] += 1;
    perCheck.set(check, c);
  };
  const mistakes: string[] = [];
  let cleanFlagged = 0;
  let cleanFlaggedAny = 0;
  let sourcesFlagged = 0;
  const clean = rows.filter((r) => r.error === '');
  const context = { sourceLang: 'ru', targetLang: 'kk', speller: spellers.kk, sourceSpeller: spellers.ru };
  for (const row of rows) {
    const issues = checkPair({ id: row.id, source: row.source, target: row.target }, context);
    const kazakh = issues.filter((i) => KAZAKH_CHECKS.includes(i.check));
    if (issues.some((i) => i.check === 'source-spelling')) {
      sourcesFlagged += 1;
      for (const i of issues.filter((x) => x.check === 'source-spelling'))
        mistakes.push(`${row.id} source-spelling «${String(i.params?.word)}»: ${row.source}`);
    }
    if (row.error === '') {
      if (kazakh.length > 0) cleanFlagged += 1;
      if (issues.some((i) => i.check !== 'source-spelling')) cleanFlaggedAny += 1;
    }
    const at = row.error ? row.target.indexOf(row.word) : -1;
    const onWord = (i: (typeof issues)[number]) =>
      at >= 0 && (i.target ?? []).some((s) => s.start <= at && s.end >= at + row.word.length);
    for (const issue of kazakh) {
      if (onWord(issue)) bump(issue.check, 'tp');
      else {
        bump(issue.check, 'fp');
        mistakes.push(`${row.id} false alarm ${issue.check} «${String(issue.params?.word)}»: ${row.target}`);
      }
    }
    if (row.error) {
      const owners = OWNERS[row.error];
      if (!kazakh.some((i) => owners.includes(i.check) && onWord(i))) {
        bump(owners[owners.length - 1] as string, 'fn');
        mistakes.push(`${row.id} missed ${row.error} «${row.word}»: ${row.target}`);
      }
    }
  }
  const score = (c: { tp: number; fp: number; fn: number }): Counts => ({
    ...c,
    precision: c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp),
    recall: c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn),
  });
  const recallByError = Object.fromEntries(
    (Object.keys(OWNERS) as (keyof typeof OWNERS)[]).map((kind) => {
      const of = rows.filter((r) => r.error === kind);
      const found = of.filter((r) => !mistakes.some((m) => m.startsWith(`${r.id} missed`)));
      return [kind, of.length === 0 ? 1 : found.length / of.length];
    }),
  );
  return {
    rows: rows.length,
    clean: clean.length,
    checks: new Map([...perCheck].map(([check, c]) => [check, score(c)])),
    recallByError,
    /** Share of clean renderings on which a Kazakh check fired. */
    cleanFlagged: cleanFlagged / clean.length,
    /** Share of clean renderings on which any check at all fired. */
    cleanFlaggedAnyCheck: cleanFlaggedAny / clean.length,
    /** Share of (clean) Russian sources the source spelling check fired on. */
    sourcesFlagged: sourcesFlagged / rows.length,
    mistakes,
  };
}
