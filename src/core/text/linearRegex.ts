import { RE2JS } from 're2js';
import { fail, ok, type Result } from '../result.ts';

/**
 * Compiles a reviewer's regular expression for an engine whose matching time is linear in the text (RE2's
 * automata, no backtracking): `(a+)+$` on a long line costs what a literal does. The price is the syntax RE2
 * leaves out — look-arounds and back-references — which is refused with the engine's message.
 */
export function compileLinear(pattern: string, caseSensitive: boolean): Result<RE2JS> {
  try {
    return ok(RE2JS.compile(pattern, caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE));
  } catch (error) {
    return fail({ message: error instanceof Error ? error.message : String(error) });
  }
}
