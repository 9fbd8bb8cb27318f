import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { AffixLexicon, russianKeyboard, supportsAffixFile } from '../../../src/core/spelling/AffixLexicon.ts';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const KK_AFF = read('dictionaries/kk_KZ/kk_KZ.aff');
const KK_DIC = read('dictionaries/kk_KZ/kk_KZ.dic');

describe('AffixLexicon on a small suffix dictionary', () => {
  const aff = 'SET UTF-8\nSFX A N 2\nSFX A 0 лар [аоұы][^қ]\nSFX A қ ғы қ\n';
  const dic = '3\nадам/A\nтарақ/A\nҚазақстан\n';
  const lexicon = new AffixLexicon(aff, dic);

  it.each([
    ['адам', true],
    ['адамлар', true],
    ['тарағы', true],
    ['Адам', true],
    ['АДАМЛАР', true],
    ['Қазақстан', true],
    ['ҚАЗАҚСТАН', true],
    ['тарақлар', false], // the condition excludes a final қ
    ['адамғы', false],
    ['қазақстан', false], // a name keeps its capital
    ['адамдар', false],
  ])('%s → %s', (word, expected) => {
    expect(lexicon.correct(word)).toBe(expected);
  });

  it('restores Kazakh letters a Russian keyboard lost, keeping the case and any Kazakh letter typed', () => {
    expect(lexicon.restore('тарагы')).toEqual(['тарағы']);
    expect(lexicon.restore('Казакстан')).toEqual(['Қазақстан']);
    expect(lexicon.restore('Қазакстан')).toEqual(['Қазақстан']);
    expect(lexicon.restore('адам')).toEqual([]);
    expect(lexicon.restore('кiтап')).toEqual([]);
  });

  it('reads only suffix-only affix files', () => {
    expect(supportsAffixFile(aff)).toBe(true);
    expect(supportsAffixFile(`${aff}PFX B Y 1\nPFX B 0 re .\n`)).toBe(false);
    expect(supportsAffixFile('SFX A Y 1\nSFX A 0 s/B .\n')).toBe(false);
    expect(supportsAffixFile(KK_AFF)).toBe(true);
    expect(russianKeyboard('Қазақстан әкімдігі')).toBe('Казакстан акимдиги');
  });
});

describe('AffixLexicon on the shipped kk_KZ dictionary', () => {
  const lexicon = new AffixLexicon(KK_AFF, KK_DIC);

  it('accepts inflected forms and rejects look-alike spellings, as Hunspell does', () => {
    for (const word of ['Республикасындағы', 'қызметінің', 'полициясының', 'кітабым', 'Қазақстан'])
      expect(lexicon.correct(word), word).toBe(true);
    for (const word of ['Республикасындагы', 'Казакстан', 'қызметтар'])
      expect(lexicon.correct(word), word).toBe(false);
    expect(lexicon.restore('Республикасындагы')).toEqual(['Республикасындағы']);
  });

  it('agrees with nspell, which expands every form, on a sample of its forms and of near misses', () => {
    const require = createRequire(import.meta.url);
    const nspell = require('nspell') as typeof import('nspell');
    const expanded = nspell(KK_AFF, KK_DIC) as unknown as { data: Record<string, unknown> } & {
      correct(w: string): boolean;
    };
    // nspell writes a few stripped forms with the condition's brackets in them; those are not words.
    const forms = Object.keys(expanded.data).filter((w, i) => i % 97 === 0 && !w.includes('['));
    expect(forms.length).toBeGreaterThan(10_000);
    for (const form of forms) if (!lexicon.correct(form)) expect.fail(`${form} rejected`);
    for (const form of forms) {
      const miss = form.slice(0, -1) + (form.endsWith('а') ? 'ы' : 'а');
      if (lexicon.correct(miss) !== expanded.correct(miss)) expect.fail(`${miss} disagrees`);
    }
  }, 60_000);
});
