// Kazakh spelling: dictionary load times (nspell expanding every form vs. AffixLexicon stripping suffixes at
// look-up time), look-up speed, and the checks' scores on the held-out Kazakh evaluation set.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AffixLexicon } from '../src/core/spelling/AffixLexicon.ts';
import { StemTable } from '../src/core/spelling/StemTable.ts';
import { kazakhSpeller } from '../src/core/spelling/kazakhSpeller.ts';
import { evaluateKazakh, loadKazakhEvalSet } from '../tests/core/spelling/kazakhEvaluation.ts';
import { evaluateKazakhDates, loadKazakhDateSet } from '../tests/core/checks/kazakhDatesEvaluation.ts';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const time = <T>(f: () => T): [T, number] => {
  const start = performance.now();
  const value = f();
  return [value, Math.round((performance.now() - start) * 10) / 10];
};

export async function bench(): Promise<Record<string, number | string>> {
  const kkAff = read('dictionaries/kk_KZ/kk_KZ.aff');
  const kkDic = read('dictionaries/kk_KZ/kk_KZ.dic');
  const ruAff = read('node_modules/dictionary-ru/index.aff');
  const ruDic = read('node_modules/dictionary-ru/index.dic');
  const [kk, kkBuild] = time(() => new AffixLexicon(kkAff, kkDic));
  const [ru, ruBuild] = time(() => new AffixLexicon(ruAff, ruDic));
  const [, kkBuildAgain] = time(() => new AffixLexicon(kkAff, kkDic));
  // The form the worker keeps in the Cache API after a first load: stems sorted in one string.
  const kkCompiled = kk.compile();
  const ruCompiled = ru.compile();
  const [, kkFromCompiled] = time(() => new AffixLexicon(kkAff, StemTable.fromCompiled(kkCompiled)!));
  const [, ruFromCompiled] = time(() => new AffixLexicon(ruAff, StemTable.fromCompiled(ruCompiled)!));
  const require = createRequire(import.meta.url);
  const nspell = require('nspell') as typeof import('nspell');
  const [, nspellKk] = time(() => nspell(kkAff, kkDic));

  const speller = kazakhSpeller(kk, ru);
  const rows = loadKazakhEvalSet();
  const words = rows.flatMap((r) => r.target.match(/[\p{L}]+/gu) ?? []);
  const [, lookups] = time(() => {
    for (let i = 0; i < 100_000; i += 1) speller.correct(words[i % words.length] as string);
  });
  const [result, evalMs] = time(() =>
    evaluateKazakh(rows, { kk: speller, ru: { lang: 'ru', correct: (w) => ru.correct(w) } }),
  );
  const figures: Record<string, number | string> = {
    kkDictionaryBuildMs: kkBuild,
    kkDictionaryBuildAgainMs: kkBuildAgain,
    ruDictionaryBuildMs: ruBuild,
    kkDictionaryFromCompiledMs: kkFromCompiled,
    ruDictionaryFromCompiledMs: ruFromCompiled,
    nspellKkLoadMs: nspellKk,
    kkLookups100kMs: lookups,
    evalRows: result.rows,
    evalMs,
    cleanFlaggedShare: Number(result.cleanFlagged.toFixed(3)),
    cleanFlaggedAnyCheckShare: Number(result.cleanFlaggedAnyCheck.toFixed(3)),
    russianSourcesFlaggedShare: Number(result.sourcesFlagged.toFixed(3)),
  };
  for (const [check, s] of result.checks) {
    figures[`${check}.precision`] = Number(s.precision.toFixed(3));
    figures[`${check}.recall`] = Number(s.recall.toFixed(3));
  }
  // Dates and numbers: the Kazakh rendering against the Russian source and against the English rendering.
  const dates = evaluateKazakhDates(loadKazakhDateSet()).result;
  for (const [key, s] of dates) {
    figures[`dates.${key}.precision`] = Number(s.precision.toFixed(3));
    if (!key.includes('.')) {
      figures[`dates.${key}.recall`] = Number(s.recall.toFixed(3));
      figures[`dates.${key}.cleanFlaggedShare`] = Number((s.cleanFlagged / s.clean).toFixed(3));
    }
  }
  for (const [kind, recall] of Object.entries(result.recallByError))
    figures[`recall.${kind}`] = Number(recall.toFixed(3));
  return figures;
}
