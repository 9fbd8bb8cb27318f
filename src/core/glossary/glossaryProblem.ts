import { fail, type Problem, type Result } from '../result.ts';

/**
 * A Problem that also carries an i18n key and its parameters, so the UI can show it in the reviewer's
 * language; `message` stays as the English fallback the CLI prints.
 */
export type GlossaryProblem = Problem & {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
};

export function glossaryProblem(
  key: string,
  message: string,
  params: Readonly<Record<string, string | number>> = {},
  line?: number,
): GlossaryProblem {
  // The line is a parameter too, so a translated message can say where.
  return line === undefined ? { key, message, params } : { key, message, params: { line, ...params }, line };
}

export function failWith(
  key: string,
  message: string,
  params: Readonly<Record<string, string | number>> = {},
  line?: number,
): Result<never, GlossaryProblem> {
  return fail(glossaryProblem(key, message, params, line));
}
