import { describe, expect, it } from 'vitest';
import { buildTermIndex, findTerms } from '../../../src/core/glossary/match.ts';
import { entryId, projectId } from '../../../src/core/model/ids.ts';
import type { TermEntry, TermStatus } from '../../../src/core/model/term.ts';

let next = 0;
function entry(terms: Record<string, string | string[]>, status: TermStatus = 'approved'): TermEntry {
  next += 1;
  return {
    id: entryId(`e${next}`),
    projectId: projectId('p'),
    terms: Object.entries(terms).flatMap(([lang, t]) =>
      (Array.isArray(t) ? t : [t]).map((text) => ({ lang, text, status })),
    ),
    createdAt: 0,
    updatedAt: 0,
  };
}

const akim = entry({ ru: 'аким', en: 'Akim', kk: 'әкім' });
const akimat = entry({ ru: 'акимат', en: 'Akimat', kk: 'әкімдік' });
const maslikhat = entry({ ru: 'маслихат', en: 'Maslikhat', kk: 'мәслихат' });
const lps = entry({
  ru: 'служба местной полиции',
  en: ['Local police service', 'LPS'],
  kk: 'Жергілікті полиция қызметі',
});
const localPolice = entry({ ru: 'местная полиция', en: 'local police' });
const police = entry({ ru: 'полиция', en: 'police', kk: 'полиция' });
const mia = entry({ ru: 'МВД', en: ['Ministry of Internal Affairs', 'MIA'] });
const authority = entry({ en: 'authority', ru: 'орган' });
const index = buildTermIndex([akim, akimat, maslikhat, lps, localPolice, police, mia, authority]);

/** Hits as [matched text, entry id] pairs, in text order. */
const hits = (text: string, lang: string) =>
  findTerms(index, text, lang).map((h) => [text.slice(h.start, h.end), h.entryId]);

describe('findTerms must match', () => {
  const cases: [string, string, string, string][] = [
    // lang, text, expected span, entry
    ['ru', 'решение маслихата района', 'маслихата', maslikhat.id],
    ['ru', 'согласовано с маслихатом', 'маслихатом', maslikhat.id],
    ['ru', 'отчёт перед акиматами', 'акиматами', akimat.id],
    ['ru', 'назначается акимом области', 'акимом', akim.id],
    ['ru', 'акимы областей', 'акимы', akim.id],
    ['ru', 'сотрудники местной полиции', 'местной полиции', localPolice.id],
    ['ru', 'начальник службы местной полиции', 'службы местной полиции', lps.id],
    ['ru', 'Маслихат утвердил', 'Маслихат', maslikhat.id],
    ['ru', 'в МВД', 'МВД', mia.id],
    ['kk', 'мәслихаттың шешімі', 'мәслихаттың', maslikhat.id],
    ['kk', 'әкімдікке хат', 'әкімдікке', akimat.id],
    ['kk', 'аудан әкімдігінің', 'әкімдігінің', akimat.id],
    ['kk', 'облыс әкімі', 'әкімі', akim.id],
    ['kk', 'әкімдерге', 'әкімдерге', akim.id],
    ['kk', 'полицияның қызметкері', 'полицияның', police.id],
    ['kk', 'Жергілікті полиция қызметінің бастығы', 'Жергілікті полиция қызметінің', lps.id],
    ['kk', 'mäslihattyñ şeşımı', 'mäslihattyñ', maslikhat.id],
    ['kk-Latn', 'audan äkımdıgınıñ', 'äkımdıgınıñ', akimat.id],
    ['en', 'appointed by Akims of regions', 'Akims', akim.id],
    ['en', "with the consent of Maslikhat's deputies", "Maslikhat's", maslikhat.id],
    ['en', "the akimats' reports", "akimats'", akimat.id],
    ['en', 'a latin akimat here', 'akimat', akimat.id],
    ['en', 'AKIMAT', 'AKIMAT', akimat.id],
    ['en', 'the head of LPS reports', 'LPS', lps.id],
    ['en', 'the Local Police Service begins', 'Local Police Service', lps.id],
    ['en', 'the Ministry of Internal Affairs of Kazakhstan', 'Ministry of Internal Affairs', mia.id],
    ['en', 'Departments of MIA', 'MIA', mia.id],
    ['en', 'local authorities', 'authorities', authority.id],
    ['en', 'history Жергілікті полиция қызметі can', 'Жергілікті полиция қызметі', lps.id],
    ['en', 'nature protection police', 'police', police.id],
  ];
  it.each(cases)('%s: %s → %s', (lang, text, span, id) => {
    expect(hits(text, lang)).toContainEqual([span, id]);
  });
});

describe('findTerms must not match', () => {
  const cases: [string, string][] = [
    ['ru', 'маслина на столе'],
    ['ru', 'акция протеста'],
    ['ru', 'акимовский район'],
    ['ru', 'полицейский участок'],
    ['ru', 'мвд'],
    ['kk', 'әкімшілік'],
    ['en', 'the policy of the state'],
    ['en', 'policemen'],
    ['en', 'lps are not acronyms'],
    ['en', 'Mia went home'],
    ['en', 'Akimbo'],
    ['en', 'Ministry of Internal'],
  ];
  it.each(cases)('%s: %s', (lang, text) => {
    expect(hits(text, lang)).toEqual([]);
  });
});

describe('findTerms must not join words across punctuation', () => {
  it.each([
    ['ru', 'местная, полиция'],
    ['en', 'local. Police service'],
  ])('%s: %s finds only the single-word term', (lang, text) => {
    expect(hits(text, lang).map(([, id]) => id)).toEqual([police.id]);
  });
});

describe('findTerms selection', () => {
  it('prefers the longest match and never overlaps', () => {
    expect(hits('the Local police service of law-enforcement bodies', 'en')).toEqual([
      ['Local police service', lps.id],
    ]);
  });
  it('returns hits in text order with offsets into the original text', () => {
    const text = 'Akim and Akimat and MIA';
    const found = findTerms(index, text, 'en');
    expect(found.map((h) => [h.start, h.end, h.lang])).toEqual([
      [0, 4, 'en'],
      [9, 15, 'en'],
      [20, 23, 'en'],
    ]);
  });
  it('reports the term that matched, Cyrillic Kazakh inside English included', () => {
    const [hit] = findTerms(index, 'Жергілікті полиция қызметі', 'en');
    expect(hit?.term.text).toBe('Жергілікті полиция қызметі');
    expect(hit?.lang).toBe('kk');
  });
  it('finds nothing with an empty glossary', () => {
    expect(findTerms(buildTermIndex([]), 'Akim', 'en')).toEqual([]);
  });
});

describe('findTerms folds a word before ruling out its first letter', () => {
  const fir = entry({ ru: 'ёлка', en: 'fir tree' });
  const interior = entry({ kk: 'ішкі істер', en: 'internal affairs' });
  const own = buildTermIndex([fir, interior]);
  const found = (text: string, lang: string) =>
    findTerms(own, text, lang).map((h) => [text.slice(h.start, h.end), h.entryId]);
  it.each([
    // lang, text, expected span, entry: the first letter matches a term only once folded
    ['ru', 'Ёлки в парке', 'Ёлки', fir.id],
    ['ru', 'Елки в парке', 'Елки', fir.id],
    ['ru', 'Е\u0308лки в парке', 'Е\u0308лки', fir.id],
    ['en', 'The Fir Tree stands', 'Fir Tree', fir.id],
    ['kk-Latn', 'Işkı ıster ministrlıgı', 'Işkı ıster', interior.id],
    ['kk', 'Ішкі істер министрлігі', 'Ішкі істер', interior.id],
  ])('%s: %s → %s', (lang, text, span, id) => {
    expect(found(text, lang)).toContainEqual([span, id]);
  });
  it.each([
    ['ru', 'Олки в парке'],
    ['en', 'The Sir Tree stands'],
  ])('not in %s: %s', (lang, text) => {
    expect(found(text, lang)).toEqual([]);
  });
});
