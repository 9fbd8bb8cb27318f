import { fail, ok, type Result } from '../result.ts';

export type ReplaceQuery = {
  readonly find: string;
  readonly replace: string;
  readonly regex?: boolean;
  readonly caseSensitive?: boolean;
};

export type Replacement = {
  readonly id: string;
  readonly before: string;
  readonly after: string;
  readonly count: number;
};

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every text the query changes, with its new form. In regex mode `$1`… refer to groups; in plain mode the
 * replacement is taken literally (a "$" in it stays a "$").
 */
export function planReplace(
  texts: readonly { readonly id: string; readonly text: string }[],
  query: ReplaceQuery,
): Result<Replacement[]> {
  if (query.find === '') return ok([]);
  let pattern: RegExp;
  try {
    pattern = new RegExp(query.regex ? query.find : escape(query.find), query.caseSensitive ? 'gu' : 'giu');
  } catch (error) {
    return fail({ message: error instanceof Error ? error.message : String(error) });
  }
  const replacement = query.regex ? query.replace : query.replace.replace(/\$/g, '$$$$');
  const out: Replacement[] = [];
  for (const { id, text } of texts) {
    const count = text.match(pattern)?.length ?? 0;
    if (count === 0) continue;
    const after = text.replace(pattern, replacement);
    if (after !== text) out.push({ id, before: text, after, count });
  }
  return ok(out);
}
