import {
  codeChar,
  codeKey,
  codeLabel,
  codesBalanced,
  codesIn,
  type CodeToken,
} from '../../text/codeTokens.ts';
import type { Finding, PairCheck, Span } from '../types.ts';
import { HAS_CODE, sourceMarks, targetMarks } from '../util/markScan.ts';

const one = (at: number): Span => ({ start: at, end: at + 1 });

/**
 * Inline codes of a file (tags, placeholders; stored as code characters, see text/codeTokens) that the target
 * does not carry as the source does: a code left out, a code the source does not have or has fewer times, and
 * paired codes closed before they open or crossing each other. Pairs may move and swap places with other pairs
 * (word order changes in translation); a source whose own pairs cross (XLIFF 2 `<sc>`/`<ec>` may) is not held
 * against the target. Missing codes are offered back at the end of the text when that keeps every pair whole.
 */
export const inlineCodeMismatch: PairCheck = {
  id: 'inline-code-mismatch',
  family: 'markup',
  scope: 'pair',
  needsSource: true,
  severity: 'major',
  category: 'accuracy/mistranslation',
  run(input) {
    // Neither text has a code character: there is nothing to compare.
    if (((sourceMarks(input).flags | targetMarks(input).flags) & HAS_CODE) === 0) return [];
    const source = codesIn(input.source);
    const target = codesIn(input.target);
    if ((source.length === 0 && target.length === 0) || input.targetBlank) return [];
    const left = new Map<string, number>();
    for (const s of source) left.set(codeKey(s.token), (left.get(codeKey(s.token)) ?? 0) + 1);
    const extra: { at: number; token: CodeToken }[] = [];
    for (const t of target) {
      const k = codeKey(t.token);
      const n = left.get(k) ?? 0;
      if (n > 0) left.set(k, n - 1);
      else extra.push(t);
    }
    const missing: { at: number; token: CodeToken }[] = [];
    for (const s of source) {
      const k = codeKey(s.token);
      const n = left.get(k) ?? 0;
      if (n > 0) {
        missing.push(s);
        left.set(k, n - 1);
      }
    }
    const out: Finding[] = [];
    if (missing.length > 0) {
      const added = missing.map((m) => codeChar(m.token.kind, m.token.n)).join('');
      const safe = extra.length === 0 && codesBalanced(input.target + added);
      out.push({
        messageKey: 'checks.codes.missing',
        params: { codes: missing.map((m) => codeLabel(m.token)).join(' '), count: missing.length },
        source: missing.map((m) => one(m.at)),
        ...(safe
          ? {
              fix: {
                span: { start: input.target.length, end: input.target.length },
                replacement: added,
              },
            }
          : {}),
      });
    }
    for (const e of extra)
      out.push({
        messageKey: 'checks.codes.extra',
        params: { code: codeLabel(e.token) },
        target: [one(e.at)],
      });
    if (
      extra.length === 0 &&
      missing.length === 0 &&
      codesBalanced(input.source) &&
      !codesBalanced(input.target)
    ) {
      const paired = target.filter((t) => t.token.kind !== 'standalone');
      out.push({
        messageKey: 'checks.codes.order',
        params: { codes: paired.map((t) => codeLabel(t.token)).join(' ') },
        target: paired.map((t) => one(t.at)),
      });
    }
    return out;
  },
};
