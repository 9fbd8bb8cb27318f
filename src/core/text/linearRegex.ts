import type { RE2JS } from 're2js';
import { fail, ok, type Result } from '../result.ts';

// re2js is ~45 KiB gzip and only a reviewer's regular-expression search needs it, so it is loaded on first
// use rather than with the first screen: loadLinearRegex() before compileLinear().
let engine: typeof RE2JS | undefined;
let loading: Promise<void> | undefined;

/** Loads the linear-time engine once; compileLinear works from when this resolves. */
export function loadLinearRegex(): Promise<void> {
  return (loading ??= import('re2js').then((m) => {
    engine = m.RE2JS;
  }));
}

/** Installs an engine already at hand: the worker and the command line load re2js with their own code. */
export function installLinearRegex(re2: typeof RE2JS): void {
  engine = re2;
}

export function linearRegexReady(): boolean {
  return engine !== undefined;
}

/** The message compileLinear fails with before loadLinearRegex() has finished. */
export const LINEAR_REGEX_LOADING = 'the regular-expression engine is still loading';

/**
 * Compiles a reviewer's regular expression for an engine whose matching time is linear in the text (RE2's
 * automata, no backtracking): `(a+)+$` on a long line costs what a literal does. The price is the syntax RE2
 * leaves out — look-arounds and back-references — which is refused with the engine's message.
 */
export function compileLinear(pattern: string, caseSensitive: boolean): Result<RE2JS> {
  if (!engine) return fail({ message: LINEAR_REGEX_LOADING });
  try {
    return ok(engine.compile(pattern, caseSensitive ? 0 : engine.CASE_INSENSITIVE));
  } catch (error) {
    return fail({ message: error instanceof Error ? error.message : String(error) });
  }
}
