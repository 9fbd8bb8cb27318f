import { readFileSync } from 'node:fs';
import { checkPair } from '../../../src/core/checks/index.ts';
import { parseTable } from '../../../src/core/formats/csv.ts';

/** One row of tests/fixtures/kazakh-dates/eval.tsv: a Russian source, its English and Kazakh renderings. */
export type KazakhDateRow = {
  readonly id: string;
  readonly source: string;
  readonly en: string;
  readonly target: string;
  readonly error: '' | 'date' | 'number';
  readonly word: string;
  /** Where the pair came from (see the set's README). */
  readonly origin: string;
};

export function loadKazakhDateSet(): KazakhDateRow[] {
  const text = readFileSync(new URL('../../fixtures/kazakh-dates/eval.tsv', import.meta.url), 'utf8');
  const table = parseTable(text, '\t');
  if (!table.ok) throw new Error(`kazakh-dates/eval.tsv line ${table.error.line}: ${table.error.message}`);
  return table.value.rows.map(({ cells }) => ({
    id: cells[0] as string,
    source: cells[1] as string,
    en: cells[2] as string,
    target: cells[3] as string,
    error: cells[4] as KazakhDateRow['error'],
    word: cells[5] as string,
    origin: cells[6] ?? '',
  }));
}

/** The checks that answer for dates and numbers; either may report a wrong day or a changed figure. */
export const DATE_NUMBER_CHECKS = ['date-mismatch', 'number-missing', 'number-extra'] as const;

type Score = { tp: number; fp: number; precision: number; recall: number };

/**
 * Scores the date and number checks on the Kazakh rendering of each row, once against the Russian source and
 * once against the English rendering taken as the source. A pair with an error counts as found when one of the
 * checks fires on it and a finding marks the changed text (`word`); every finding on a clean pair is a false
 * alarm, and so is a finding on an error pair that marks something else.
 */
export function evaluateKazakhDates(rows: readonly KazakhDateRow[]) {
  const result = new Map<
    string,
    Score & { found: number; errors: number; cleanFlagged: number; clean: number }
  >();
  const mistakes: string[] = [];
  for (const against of ['ru', 'en'] as const) {
    const perCheck = new Map<string, { tp: number; fp: number }>();
    let found = 0;
    let cleanFlagged = 0;
    const errors = rows.filter((r) => r.error !== '').length;
    for (const row of rows) {
      const source = against === 'ru' ? row.source : row.en;
      const issues = checkPair(
        { id: row.id, source, target: row.target },
        { sourceLang: against, targetLang: 'kk' },
      ).filter((i) => (DATE_NUMBER_CHECKS as readonly string[]).includes(i.check));
      const marksWord = (i: (typeof issues)[number]) => {
        const escaped = row.word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const at = row.target.search(new RegExp(`(?<![\\p{N}])${escaped}(?![\\p{N}])`, 'u'));
        return (i.target ?? []).some((s) => s.start < at + row.word.length && at < s.end);
      };
      let hit = false;
      for (const issue of issues) {
        const c = perCheck.get(issue.check) ?? { tp: 0, fp: 0 };
        const right = row.error !== '' && (marksWord(issue) || (issue.target ?? []).length === 0);
        if (right) {
          c.tp += 1;
          hit = true;
        } else {
          c.fp += 1;
          mistakes.push(`${against} ${row.id} false alarm ${issue.check}: ${JSON.stringify(issue.params)}`);
        }
        perCheck.set(issue.check, c);
      }
      if (row.error !== '' && hit) found += 1;
      if (row.error !== '' && !hit) mistakes.push(`${against} ${row.id} missed (${row.error}: ${row.word})`);
      if (row.error === '' && issues.length > 0) cleanFlagged += 1;
    }
    const clean = rows.filter((r) => r.error === '').length;
    const tp = [...perCheck.values()].reduce((n, c) => n + c.tp, 0);
    const fp = [...perCheck.values()].reduce((n, c) => n + c.fp, 0);
    result.set(against, {
      tp,
      fp,
      precision: tp + fp === 0 ? 1 : tp / (tp + fp),
      recall: found / errors,
      found,
      errors,
      cleanFlagged,
      clean,
    });
    for (const [check, c] of perCheck)
      result.set(`${against}.${check}`, {
        ...c,
        precision: c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp),
        recall: NaN,
        found: 0,
        errors,
        cleanFlagged: 0,
        clean,
      });
  }
  return { result, mistakes };
}
