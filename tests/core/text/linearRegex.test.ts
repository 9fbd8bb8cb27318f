import { describe, expect, it } from 'vitest';
import {
  compileLinear,
  LINEAR_REGEX_LOADING,
  linearRegexReady,
  loadLinearRegex,
} from '../../../src/core/text/linearRegex.ts';

describe('the linear-time regular expressions, loaded on first use', () => {
  it('says it is still loading until loaded, then compiles and refuses back-references', async () => {
    expect(linearRegexReady()).toBe(false);
    const early = compileLinear('a+', false);
    expect(early.ok ? 'compiled' : early.error.message).toBe(LINEAR_REGEX_LOADING);
    await loadLinearRegex();
    expect(linearRegexReady()).toBe(true);
    const re = compileLinear('Пол+иция', false);
    expect(re.ok && re.value.test('ПОЛЛИЦИЯ')).toBe(true);
    expect(compileLinear('(a)\\1', false).ok).toBe(false);
  });
});
