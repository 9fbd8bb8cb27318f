/** Expected failures are values: parse errors, refused transitions, bad input. */
export type Result<T, E = Problem> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** A problem with input, located where possible (1-based line and column). */
export type Problem = {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
  readonly file?: string;
};

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E = Problem>(error: E): Result<never, E> => ({ ok: false, error });

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
