// Precision, recall and false-alarm rate per check family on the held-out set
// (tests/fixtures/checks-heldout, written apart from the rules) and on the development set
// (tests/fixtures/checks/eval.tsv), printed as JSON.
// Usage: npx tsx scripts/measure-checks.ts [--set heldout|dev|both] [--mistakes]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { evaluate, loadEvalSet, loadHeldOutSet, type EvalRow } from '../tests/core/checks/evaluate.ts';

const argv = process.argv.slice(2);
const setFlag = argv.indexOf('--set');
const which = setFlag >= 0 ? argv[setFlag + 1] : 'both';
const showMistakes = argv.includes('--mistakes');

const require = createRequire(import.meta.url);
const nspell = require('nspell') as typeof import('nspell');
const dictionary = new URL('../node_modules/dictionary-en/', import.meta.url);
const speller = nspell({
  aff: readFileSync(new URL('index.aff', dictionary)),
  dic: readFileSync(new URL('index.dic', dictionary)),
});
const spell = (w: string): boolean => speller.correct(w);

const round = (x: number): number => Math.round(x * 1000) / 1000;

function report(rows: readonly EvalRow[]) {
  const r = evaluate(rows, spell);
  const families = Object.fromEntries(
    [...r.families]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([f, s]) => [
        f,
        {
          tp: s.tp,
          fp: s.fp,
          fn: s.fn,
          precision: round(s.precision),
          recall: round(s.recall),
          falseAlarmRate: round(s.falseAlarmRate),
        },
      ]),
  );
  return {
    pairs: rows.length,
    byLanguage: Object.fromEntries(
      [...new Set(rows.map((x) => x.targetLang))].map((l) => [
        l,
        rows.filter((x) => x.targetLang === l).length,
      ]),
    ),
    overall: {
      precision: round(r.overall.precision),
      recall: round(r.overall.recall),
      cleanFlaggedRate: round(r.segments.cleanFlaggedRate),
      errorSegmentRecall: round(r.segments.errorRecall),
      ...r.segments,
    },
    families,
    ...(showMistakes ? { mistakes: r.mistakes } : {}),
  };
}

const out: Record<string, unknown> = {};
if (which === 'heldout' || which === 'both') {
  const rows = loadHeldOutSet();
  out.heldout = report(rows);
  // Pairs added after the rules were last changed, and never used to change them since.
  const fresh = rows.filter((r) => r.origin === 'own-fresh');
  if (fresh.length > 0) out.heldoutFresh = report(fresh);
  // The second fresh batch: phone numbers and codes, dates sharing a day, two negations with one dropped.
  const fresh2 = rows.filter((r) => r.origin === 'own-fresh-2');
  if (fresh2.length > 0) out.heldoutFresh2 = report(fresh2);
}
if (which === 'dev' || which === 'both') out.dev = report(loadEvalSet());
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
