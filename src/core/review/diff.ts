import DiffMatchPatch from 'diff-match-patch';

export type DiffSpan = { readonly op: 'equal' | 'insert' | 'delete'; readonly text: string };

const dmp = new DiffMatchPatch();

// Words (letters, digits, joiners), runs of white space, and single other characters: a reviewer reads
// changes in whole words, never "onc|e".
const TOKEN = /[\p{L}\p{N}\p{M}'’_-]+|\s+|[^\p{L}\p{N}\p{M}\s]/gu;

/**
 * Word-level diff: each distinct token is encoded as one character (diff-match-patch's lines-to-chars idea
 * applied to words), diffed, tidied with semantic clean-up, and decoded back.
 */
export function diffText(before: string, after: string): DiffSpan[] {
  const vocabulary = new Map<string, string>();
  const tokens: string[] = [];
  const encode = (text: string) => {
    let out = '';
    for (const token of text.match(TOKEN) ?? []) {
      let code = vocabulary.get(token);
      if (code === undefined) {
        // Start above the surrogate range so every token is one UTF-16 unit.
        code = String.fromCharCode(0xe000 + tokens.length);
        if (tokens.length >= 0x1fff) code = String.fromCharCode(0x100 + tokens.length - 0x1fff);
        vocabulary.set(token, code);
        tokens.push(token);
      }
      out += code;
    }
    return out;
  };
  const decode = (codes: string) => {
    let out = '';
    for (const code of codes) {
      const n = code.charCodeAt(0);
      out += tokens[n >= 0xe000 ? n - 0xe000 : n - 0x100 + 0x1fff] ?? '';
    }
    return out;
  };
  const diffs = dmp.diff_main(encode(before), encode(after), false);
  dmp.diff_cleanupSemantic(diffs);
  const spans: DiffSpan[] = [];
  for (const [op, codes] of diffs) {
    const kind = op === 1 ? 'insert' : op === -1 ? 'delete' : 'equal';
    const text = decode(codes);
    const last = spans.at(-1);
    if (last && last.op === kind) spans[spans.length - 1] = { op: kind, text: last.text + text };
    else if (text !== '') spans.push({ op: kind, text });
  }
  return spans;
}

/** Readable form for tests and plain-text reports: a<del>b</del><ins>c</ins>. */
export function diffToMarkup(spans: readonly DiffSpan[]): string {
  return spans
    .map((s) =>
      s.op === 'insert' ? `<ins>${s.text}</ins>` : s.op === 'delete' ? `<del>${s.text}</del>` : s.text,
    )
    .join('');
}
