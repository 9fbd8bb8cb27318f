/**
 * Inline codes (tags, placeholders) inside a stored text. Each code is one private-use character, so an edit
 * can keep it or remove it but never cut it in half, and the caret passes it as one character:
 *  - an opening code n is U+E000 + n, its closing code U+E800 + n, a placeholder U+F000 + n (n in 1…2047);
 *  - n is the code's number in its unit, counted in the source: a pair shares its number.
 * What each number stands for (the element with its attributes) is kept on the unit (`Unit.codes`) under the
 * code's label: "1" opens, "/1" closes, "2/" is a placeholder. The editor shows labels as ⟨1⟩, ⟨/1⟩, ⟨2/⟩.
 */
export type CodeKind = 'open' | 'close' | 'standalone';
export type CodeToken = { readonly kind: CodeKind; readonly n: number };

const BASE: Readonly<Record<CodeKind, number>> = { open: 0xe000, close: 0xe800, standalone: 0xf000 };
export const MAX_CODE = 0x7ff;

/** Every code character: the three ranges above. */
export const CODE_CHARS = /[\uE001-\uE7FF\uE801-\uEFFF\uF001-\uF7FF]/g;

export function codeChar(kind: CodeKind, n: number): string {
  if (n < 1 || n > MAX_CODE) throw new Error(`code number ${n} out of range`);
  return String.fromCharCode(BASE[kind] + n);
}

/** The code a character stands for, or undefined for any other character. */
export function codeOf(ch: string): CodeToken | undefined {
  const c = ch.charCodeAt(0);
  if (ch.length !== 1) return undefined;
  for (const kind of ['open', 'close', 'standalone'] as const) {
    const n = c - BASE[kind];
    if (n >= 1 && n <= MAX_CODE) return { kind, n };
  }
  return undefined;
}

export function isCodeChar(ch: string): boolean {
  return codeOf(ch) !== undefined;
}

/** The key of a code in a unit's table: "1", "/1", "1/". */
export function codeKey(token: CodeToken): string {
  return token.kind === 'open' ? `${token.n}` : token.kind === 'close' ? `/${token.n}` : `${token.n}/`;
}

/** What the editor and the grid show for a code: ⟨1⟩, ⟨/1⟩, ⟨1/⟩. */
export function codeLabel(token: CodeToken): string {
  return `⟨${codeKey(token)}⟩`;
}

/** Codes of a text in order, with their offsets. */
export function codesIn(text: string): { readonly at: number; readonly token: CodeToken }[] {
  const out: { at: number; token: CodeToken }[] = [];
  for (const m of text.matchAll(CODE_CHARS)) {
    const token = codeOf(m[0]);
    if (token) out.push({ at: m.index, token });
  }
  return out;
}

export function hasCodeChars(text: string): boolean {
  return text.search(CODE_CHARS) !== -1;
}

/** The text without its codes (what plain-text formats and counts see). */
export function withoutCodes(text: string): string {
  return text.replace(CODE_CHARS, '');
}

/**
 * Whether the codes of a text pair up: every closing code after its opening one, each pair opened and closed
 * once, and pairs nested (⟨1⟩⟨2⟩…⟨/2⟩⟨/1⟩, never ⟨1⟩⟨2⟩…⟨/1⟩⟨/2⟩). Placeholders always fit.
 */
export function codesBalanced(text: string): boolean {
  const stack: number[] = [];
  const seen = new Set<number>();
  for (const { token } of codesIn(text)) {
    if (token.kind === 'standalone') continue;
    if (token.kind === 'open') {
      if (seen.has(token.n)) return false;
      seen.add(token.n);
      stack.push(token.n);
    } else if (stack.pop() !== token.n) return false;
  }
  return stack.length === 0;
}

/** Label form of a text, as the editor shows it. */
export function toLabels(text: string): string {
  return text.replace(CODE_CHARS, (ch) => {
    const token = codeOf(ch);
    return token ? codeLabel(token) : ch;
  });
}

const LABEL = /⟨(\/?)([1-9]\d{0,3})(\/?)⟩/g;

/** The stored form of a text shown with labels: every well-formed label becomes its code again. */
export function fromLabels(shown: string): string {
  return shown.replace(LABEL, (whole, slash: string, digits: string, end: string) => {
    const n = Number(digits);
    if (n > MAX_CODE || (slash !== '' && end !== '')) return whole;
    return codeChar(slash !== '' ? 'close' : end !== '' ? 'standalone' : 'open', n);
  });
}

/** Where the labels of a shown text are: [start, end) ranges, in order. */
export function labelRanges(shown: string): { readonly start: number; readonly end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of shown.matchAll(LABEL)) {
    const n = Number(m[2]);
    if (n > MAX_CODE || (m[1] !== '' && m[3] !== '')) continue;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Codes of `source` that `target` lacks, in the source's order, as characters. */
export function missingCodes(source: string, target: string): string[] {
  const have = new Set(codesIn(target).map((c) => codeKey(c.token)));
  return codesIn(source)
    .map((c) => c.token)
    .filter((t) => !have.has(codeKey(t)))
    .map((t) => codeChar(t.kind, t.n));
}
