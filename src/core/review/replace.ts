import { fail, ok, type Result } from '../result.ts';
import { compileLinear } from '../text/linearRegex.ts';

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
  if (query.regex) {
    // A reviewer's pattern runs in linear time: no pattern can freeze the page on a long text.
    const compiled = compileLinear(query.find, query.caseSensitive ?? false);
    if (!compiled.ok) return fail({ message: compiled.error.message });
    const out: Replacement[] = [];
    for (const { id, text } of texts) {
      if (!compiled.value.test(text)) continue;
      let count = 0;
      const counter = compiled.value.matcher(text);
      while (counter.find()) count += 1;
      const after = compiled.value.matcher(text).replaceAll(query.replace);
      if (after !== text) out.push({ id, before: text, after, count });
    }
    return ok(out);
  }
  const pattern = new RegExp(escape(query.find), query.caseSensitive ? 'gu' : 'giu');
  const replacement = query.replace.replace(/\$/g, '$$$$');
  const out: Replacement[] = [];
  for (const { id, text } of texts) {
    const count = text.match(pattern)?.length ?? 0;
    if (count === 0) continue;
    const after = text.replace(pattern, replacement);
    if (after !== text) out.push({ id, before: text, after, count });
  }
  return ok(out);
}
