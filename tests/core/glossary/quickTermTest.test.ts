import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTermIndex, findTerms, findTermsInEveryToken } from '../../../src/core/glossary/match.ts';
import { entryId, projectId } from '../../../src/core/model/ids.ts';
import type { TermEntry } from '../../../src/core/model/term.ts';

// findTerms rules most texts out with one pass over their characters before tokenising them; whatever it rules
// out, trying every token must find nothing in either. Pieces mix whole and cut terms, their inflections and
// cases, acronyms, Kazakh in both scripts, apostrophes, hyphens, combining marks and astral letters.
const entries: TermEntry[] = [
  { ru: 'маслихат', en: 'maslikhat', kk: 'мәслихат' },
  { ru: 'акимат', en: 'Akimat', kk: 'әкімдік' },
  { ru: 'МВД', en: 'MIA' },
  { ru: 'служба местной полиции', en: 'local police service', kk: 'Жергілікті полиция қызметі' },
  { ru: 'ИИН', en: 'IIN' },
  { en: 'e-mail', ru: 'я' },
].map((terms, i) => ({
  id: entryId(`e${i}`),
  projectId: projectId('p'),
  terms: Object.entries(terms).map(([lang, text]) => ({ lang, text, status: 'approved' as const })),
  createdAt: 0,
  updatedAt: 0,
}));
const index = buildTermIndex(entries);

const PIECES = [
  'маслихат',
  'Маслихатом',
  'маслихата',
  'масли',
  'акиматами',
  'Акимат',
  'по',
  'мвд',
  'МВД',
  'МВ',
  'службы',
  'местной',
  'полиции',
  'мәслихаттың',
  'mäslihattyñ',
  'äkımdıgınıñ',
  'Жергілікті',
  'қызметінің',
  'maslikhat',
  "Maslikhat's",
  "akimats'",
  'Akimats',
  'MIA',
  'Mia',
  'local',
  'police',
  'service',
  'IIN',
  'e',
  'mail',
  'я',
  'Я',
  ' ',
  '-',
  "'",
  '’',
  'ʼ',
  '.',
  ',',
  '5',
  '\u0301',
  'e\u0301',
  'İ',
  'I',
  'ё',
  '𝐀',
  '\ud835',
];
const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }).map((parts) => parts.join(''));

describe('the quick test before finding terms', () => {
  it.each(['ru', 'en', 'kk', 'kk-Latn'])('rules out no text with a term (%s)', (lang) => {
    fc.assert(
      fc.property(texts, (t) => {
        expect(findTerms(index, t, lang)).toEqual(findTermsInEveryToken(index, t, lang));
      }),
      { numRuns: 4000 },
    );
  });
});
