import { describe, expect, it } from 'vitest';
import { queryMatchesTerm } from '../../../src/core/glossary/queryMatch.ts';

describe('glossary search by what is typed', () => {
  it.each([
    ['участковых инспекторов', 'участковый инспектор полиции', 'ru'],
    ['инспектора', 'участковый инспектор полиции', 'ru'],
    ['полициясының', 'Жергілікті полиция қызметі', 'kk'],
    ['politsiiasynyñ', 'Жергілікті полиция қызметі', 'kk'],
    // Possessive + case chains on the last word of a Kazakh term, in both alphabets.
    ['қызметінің', 'Жергілікті полиция қызметі', 'kk'],
    ['qyzmetınıñ', 'Жергілікті полиция қызметі', 'kk'],
    ['бөлімшесіндегі', 'полиция бөлімшесі', 'kk'],
    ['bölımşesındegı', 'полиция бөлімшесі', 'kk'],
    ['әкімдіктерінің', 'әкімдік', 'kk'],
    ['local police services', 'Local police service', 'en'],
    ['МВД', 'МВД', 'ru'],
    ['LPS', 'LPS', 'en'],
  ])('«%s» finds %s', (query, term, lang) => {
    expect(queryMatchesTerm(query, term, lang)).toBe(true);
  });

  it.each([
    ['инспекторо', 'участковый инспектор', 'ru'],
    ['участковых инс', 'участковый инспектор', 'ru'],
    ['полициясы', 'Жергілікті полиция қызметі', 'kk'],
    ['Maslikhat', 'Maslikhat', 'en'],
    ['LP', 'LPS', 'en'],
  ])('the unfinished «%s» already finds %s', (query, term, lang) => {
    expect(queryMatchesTerm(query, term, lang, true)).toBe(true);
  });

  it.each([
    ['акимов', 'МВД', 'ru'],
    ['а', 'LPS', 'en'],
    ['lps', 'LPS', 'en'],
    ['инспекторы участковые', 'участковый инспектор', 'ru'],
    ['полиции инспектор', 'участковый инспектор полиции', 'ru'],
    ['маслина', 'маслихат', 'ru'],
    ['policy', 'police', 'en'],
    ['әкімшілік', 'әкім', 'kk'],
    ['қызметкерлерінің', 'Жергілікті полиция қызметі', 'kk'],
    ['бөлімдегі', 'полиция бөлімшесі', 'kk'],
  ])('«%s» does not find %s', (query, term, lang) => {
    expect(queryMatchesTerm(query, term, lang)).toBe(false);
  });
});
