import { describe, expect, it } from 'vitest';
import { romanize, skeletonOf, translitMatch } from '../../../src/core/align/romanize.ts';

describe('romanize', () => {
  it.each([
    ['аким', 'akim'],
    ['әкім', 'akim'],
    ['Қызылорда', 'qyzylorda'],
    ['Шымкент', 'shymkent'],
    ['Жансүгіров', 'zhansugirov'],
    ['Ёлка', 'yolka'],
    ['Щучинск', 'shchuchinsk'],
    ['Müller', 'muller'],
    ['Straße', 'strasse'],
  ])('%s → %s', (word, latin) => {
    expect(romanize(word)).toBe(latin);
  });
});

describe('translitMatch: names and loanwords across Cyrillic and Latin', () => {
  it.each([
    ['аким', 'akim'],
    ['әкім', 'akim'],
    ['аким', 'әкім'],
    ['Токаев', 'Tokayev'],
    ['Токаева', 'Tokayev'],
    ['Қызылорда', 'Kyzylorda'],
    ['Кызылорды', 'Kyzylorda'],
    ['Алматы', 'Almaty'],
    ['Астане', 'Astana'],
    ['Астанада', 'Astana'],
    ['Масимов', 'Massimov'],
    ['Жансугуров', 'Zhansugurov'],
    ['Жансүгіров', 'Zhansugurov'],
    ['Кудебаев', 'Kudebayev'],
    ['Күдебаев', 'Kudebayev'],
    ['Талдыкорган', 'Taldykorgan'],
    ['Талдықорған', 'Taldykorgan'],
    ['Капшагай', 'Kapshagay'],
    ['Қапшағайда', 'Kapshagay'],
    ['полиция', 'police'],
    ['министр', 'minister'],
    ['президента', 'president'],
    ['Хабаровск', 'Khabarovsk'],
    ['Щучинск', 'Shchuchinsk'],
    ['Мажилис', 'Mazhilis'],
    ['Мәжіліс', 'Mazhilis'],
    ['НАТО', 'NATO'],
  ])('%s ~ %s', (a, b) => {
    expect(translitMatch(a, b)).toBe(true);
    expect(translitMatch(b, a)).toBe(true);
  });

  it.each([
    ['аким', 'akimbo'],
    ['Астана', 'Almaty'],
    ['полиция', 'politics'],
    ['Ли', 'Lee'],
    ['', 'akim'],
    ['мэр', 'mayor'],
  ])('%s ≁ %s', (a, b) => {
    expect(translitMatch(a, b)).toBe(false);
  });

  it('folds spelling variants to one skeleton', () => {
    expect(skeletonOf('Tokayev')).toBe(skeletonOf('Токаев'));
    expect(skeletonOf('Kyzyl')).toBe(skeletonOf('Қызыл'));
    expect(skeletonOf('Massimov')).toBe(skeletonOf('Масимов'));
  });
});
