import { ALPHABETS } from '../../text/alphabets.ts';
import type { Finding, PairCheck } from '../types.ts';
import { execAll } from '../../text/execAll.ts';

// The built-in alphabets leave Latin letters to the mixed-script check.

const CYRILLIC_OR_OTHER = /[^\p{Script=Latin}\P{L}]/gu;

/**
 * Letters outside the target language's alphabet that the source does not have either: Ukrainian є ї ґ in a
 * Kazakh text, Tatar or Bashkir letters (җ ҙ ҫ) where a Kazakh one was meant, letters of another script. A
 * project may give its own alphabet (`allowedLetters`), which then applies to every letter, Latin included.
 */
export const characterSet: PairCheck = {
  id: 'character-set',
  family: 'spelling',
  scope: 'pair',
  needsSource: false,
  severity: 'minor',
  category: 'linguistic/spelling',
  run(input) {
    const own = input.allowedLetters;
    const alphabet = own ?? ALPHABETS[input.targetLang];
    if (alphabet === undefined) return [];
    const out: Finding[] = [];
    const re = own !== undefined ? /\p{L}/gu : CYRILLIC_OR_OTHER;
    for (const m of execAll(re, input.target)) {
      const ch = m[0];
      const lower = ch.toLowerCase();
      if (alphabet.includes(lower) || alphabet.includes(ch)) continue;
      if (input.hasSource && input.source.toLowerCase().includes(lower)) continue;
      const span = { start: m.index, end: m.index + ch.length };
      if (input.targetProtected.some((p) => span.start < p.end && p.start < span.end)) continue;
      out.push({ messageKey: 'checks.spelling.characterSet', params: { char: ch }, target: [span] });
    }
    return out;
  },
};
