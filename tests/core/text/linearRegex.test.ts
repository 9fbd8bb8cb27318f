import { describe, expect, it, vi } from 'vitest';

// The test set-up installs the engine for every other test; this one takes a fresh copy of the module, as the
// main thread of the app has it before a regular-expression search.
async function freshModule() {
  vi.resetModules();
  return import('../../../src/core/text/linearRegex.ts');
}

describe('the linear-time regular expressions, loaded on first use', () => {
  it('says it is still loading until loaded, then compiles and refuses back-references', async () => {
    const { compileLinear, LINEAR_REGEX_LOADING, linearRegexReady, loadLinearRegex } = await freshModule();
    expect(linearRegexReady()).toBe(false);
    const early = compileLinear('a+', false);
    expect(early.ok ? 'compiled' : early.error.message).toBe(LINEAR_REGEX_LOADING);
    await loadLinearRegex();
    expect(linearRegexReady()).toBe(true);
    const re = compileLinear('Пол+иция', false);
    expect(re.ok && re.value.test('ПОЛЛИЦИЯ')).toBe(true);
    expect(compileLinear('(a)\\1', false).ok).toBe(false);
  });

  it('is ready at once where the engine was installed with the code (the worker, the command line)', async () => {
    const { linearRegexReady } = await freshModule();
    await import('../../../src/core/text/linearRegexEager.ts');
    expect(linearRegexReady()).toBe(true);
  });
});
