import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractCandidates, type Candidate } from '../../../src/core/glossary/extractCandidates.ts';
import { segmentText } from '../../../src/core/text/segment.ts';

const article = readFileSync(
  new URL('../../fixtures/glossary/district-police.en.txt', import.meta.url),
  'utf8',
);
const texts = segmentText(article, 'en').map((s, i) => ({ id: `s${i}`, text: s.text, lang: 'en' }));
const candidates = extractCandidates(texts);
const byText = (text: string) => candidates.find((c) => c.text === text);
const terms = (c: Candidate | undefined) => c?.entry.terms.map((t) => `${t.lang}:${t.text}`).sort();

describe('extractCandidates on an article like the demo', () => {
  it('finds a Kazakh name left in English text, paired with the English phrase before the dash', () => {
    const c = byText('Жергілікті полиция қызметі');
    expect(c?.lang).toBe('kk');
    expect(c?.sources).toEqual(['foreignScript']);
    expect(c?.frequency).toBe(3);
    expect(terms(c)).toEqual(['en:LPS', 'en:Local police service', 'kk:Жергілікті полиция қызметі']);
  });
  it('finds an acronym introduced with the MT calque "further" and its expansion', () => {
    expect(terms(byText('LPS'))).toContain('en:Local police service');
    expect(byText('LPS')?.frequency).toBe(4);
    expect(byText('Local police service')?.sources).toContain('acronym');
  });
  it('finds an acronym in brackets right after its expansion', () => {
    expect(terms(byText('MSO'))).toEqual(['en:MSO', 'en:Migration Service Office']);
  });
  it('finds an acronym used without introduction when its expansion is in the text', () => {
    expect(terms(byText('MIA'))).toEqual(['en:MIA', 'en:Ministry of Internal Affairs']);
  });
  it('finds footnote-marked terms with their definitions, tied by the number of stars', () => {
    expect(byText('Akim')?.entry.definition).toBe('the head of the regional executive');
    expect(byText('Maslikhat')?.entry.definition).toBe('elected representative body of the region');
    expect(byText('Akimat')?.entry.definition).toBe('executive office of the region');
    expect(byText('Maslikhat')?.sources).toEqual(['footnote', 'definition']);
    expect(byText('deputies')).toBeUndefined();
  });
  it('counts inflected occurrences with their contexts', () => {
    const akim = byText('Akim');
    expect(akim?.frequency).toBe(3);
    const spans = akim?.contexts.map((c) => texts.find((t) => t.id === c.id)?.text.slice(c.start, c.end));
    expect(spans).toEqual(['Akim', 'akims', 'Akim']);
  });
  it('finds repeated capitalised names but not one-off ones or sentence starters', () => {
    expect(byText('Ministry of Internal Affairs')?.sources).toContain('capitalised');
    expect(byText('Ministry of Internal Affairs')?.frequency).toBe(3);
    expect(byText('District')).toBeUndefined();
    expect(byText('The Ministry of Internal Affairs')).toBeUndefined();
    expect(byText('Internal Affairs')).toBeUndefined();
  });
  it('proposes every term as proposed and sorts by frequency', () => {
    expect(candidates.flatMap((c) => c.entry.terms.map((t) => t.status))).not.toContain('approved');
    const freqs = candidates.map((c) => c.frequency);
    expect(freqs).toEqual([...freqs].sort((a, b) => b - a));
  });
  it('proposes nothing for plain text', () => {
    expect(
      extractCandidates([
        { id: 'a', text: 'The road policy of the region is not a police matter.', lang: 'en' },
      ]),
    ).toEqual([]);
  });
  it('finds Latin acronyms in Russian text and Russian acronyms introduced with "далее"', () => {
    const ru = extractCandidates([
      { id: 'r1', text: 'Служба местной полиции (далее – СМП) подчиняется МВД.', lang: 'ru' },
      { id: 'r2', text: 'Начальник СМП отчитывается перед акимом, см. отчёт LPS.', lang: 'ru' },
    ]);
    expect(terms(ru.find((c) => c.text === 'СМП'))).toEqual(['ru:СМП', 'ru:Служба местной полиции']);
    expect(ru.find((c) => c.text === 'LPS')?.lang).toBe('en');
  });
});

describe('counting candidates per unit', () => {
  const unit = (n: number, mt: string, corrected?: string) => [
    { id: `${n}|m|en`, text: mt, lang: 'en', unit: `${n}|en` },
    ...(corrected ? [{ id: `${n}|r|en`, text: corrected, lang: 'en', unit: `${n}|en` }] : []),
  ];
  const texts = [
    ...unit(
      0,
      'The Local Police Service (further LPS) was founded.',
      'The Local Police Service (LPS) was founded.',
    ),
    ...unit(1, 'The LPS patrols the streets.', 'The LPS patrols the streets daily.'),
    ...unit(2, 'The LPS and the LPS volunteers met.'),
  ];
  it('counts the machine translation and the corrected rendering of one unit once', () => {
    const lps = extractCandidates(texts).find((c) => c.text === 'LPS');
    expect(lps?.frequency).toBe(4);
    expect(lps?.contexts.map((c) => c.id)).toEqual(['0|m|en', '1|m|en', '2|m|en', '2|m|en']);
  });
  it('still counts texts without a unit one by one', () => {
    const plain = texts.map(({ unit: _unit, ...t }) => t);
    expect(extractCandidates(plain).find((c) => c.text === 'LPS')?.frequency).toBe(6);
  });
});
