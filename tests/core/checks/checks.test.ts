import { describe, expect, it } from 'vitest';
import { checkPair, type CheckContext, type Issue } from '../../../src/core/checks/index.ts';
import { CASES } from './cases.ts';
import { CLASS_CASES } from './classCases.ts';

/** Issues of one check as [checkId, highlighted text] (target span, or source span when there is none). */
function found(
  check: string,
  source: string,
  target: string,
  context: Partial<CheckContext> = {},
): [string, string][] {
  const issues = checkPair({ id: 'u1', source, target }, { sourceLang: 'ru', targetLang: 'en', ...context });
  return issues
    .filter((i: Issue) => i.check === check)
    .map((i) => {
      const t = i.target?.[0];
      const s = i.source?.[0];
      return [i.check, t ? target.slice(t.start, t.end) : s ? source.slice(s.start, s.end) : ''];
    });
}

describe('each check: cases that must fire and cases that must not', () => {
  it.each([...CASES, ...CLASS_CASES])('%s (%s): %s → %s', (check, lang, source, target, highlight) => {
    const spell = (w: string) => !/^trafic$/i.test(w);
    // The Russian speller knows every word but one typo.
    const sourceSpeller = { lang: 'ru', correct: (w: string) => !w.startsWith('расмотр') };
    const issues = found(check, source, target, { targetLang: lang, spell, sourceSpeller });
    if (highlight === null) expect(issues).toEqual([]);
    else expect(issues).toContainEqual([check, highlight]);
  });
});
