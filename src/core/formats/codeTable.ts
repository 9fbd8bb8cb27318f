import { codeChar, codeKey, codeOf, CODE_CHARS, MAX_CODE, type CodeKind } from '../text/codeTokens.ts';
import { normaliseContent, plainText, type Content, type Inline, type InlineCode } from './interchange.ts';

/** What each code of a unit stands for, by its key ("1", "/1", "2/"; see codeTokens). */
export type CodeTable = Readonly<Record<string, InlineCode>>;

/** How the codes of one piece of content pair up: role and partner of each, by position in `codes`. */
function pairUp(codes: readonly InlineCode[]): { roles: CodeKind[]; partner: number[] } {
  const roles: CodeKind[] = codes.map(() => 'standalone');
  const partner: number[] = codes.map(() => -1);
  const stack: number[] = [];
  codes.forEach((c, i) => {
    if (c.kind === 'open') stack.push(i);
    if (c.kind !== 'close') return;
    // By id where the format pairs by id (sc/ec may overlap), else the innermost open one.
    let at = -1;
    for (let k = stack.length - 1; k >= 0 && at === -1; k -= 1)
      if (codes[stack[k] as number]?.id === c.id) at = k;
    if (at === -1) return; // a close without its open in this segment stays a placeholder
    const o = stack.splice(at, 1)[0] as number;
    roles[o] = 'open';
    roles[i] = 'close';
    partner[o] = i;
    partner[i] = o;
  });
  return { roles, partner };
}

/** Codes of content without `<cp>`, which stands for a character, not a code. */
const codesOf = (content: Content): InlineCode[] =>
  content.filter(
    (p): p is InlineCode => typeof p !== 'string' && !(p.element === 'cp' && p.format === 'xliff2'),
  );

/**
 * Turns a unit's source and target contents into texts with code characters, numbering the codes in the source
 * and giving a target's code the number of the source code it matches (same role, same id; else the next one
 * of the same role in order). A code only the target has gets a number after the source's.
 */
export class UnitCodes {
  private readonly entries: Record<string, InlineCode> = {};
  private next = 0;
  private readonly sourceCodes: { role: CodeKind; id: string | undefined; n: number }[] = [];

  get table(): CodeTable {
    return this.entries;
  }

  get empty(): boolean {
    return this.next === 0;
  }

  source(content: Content): string {
    return this.tokenise(content, true);
  }

  target(content: Content): string {
    return this.tokenise(content, false);
  }

  private tokenise(content: Content, isSource: boolean): string {
    const codes = codesOf(content);
    if (codes.length === 0) return plainText(content);
    const { roles, partner } = pairUp(codes);
    const numbers: number[] = [];
    const used = new Set<number>();
    codes.forEach((code, i) => {
      const role = roles[i] as CodeKind;
      let n: number | undefined;
      if (role === 'close') n = numbers[partner[i] as number];
      else if (!isSource) {
        n = this.sourceCodes.find((s) => !used.has(s.n) && s.role === role && s.id === code.id)?.n;
      }
      if (n === undefined) {
        if (this.next >= MAX_CODE) return;
        n = ++this.next;
        if (isSource) this.sourceCodes.push({ role, id: code.id, n });
      }
      used.add(n);
      numbers[i] = n;
      const key = codeKey({ kind: role, n });
      if (!(key in this.entries)) this.entries[key] = code;
    });
    let out = '';
    let i = 0;
    for (const part of content) {
      if (typeof part === 'string') out += part;
      else if (part.element === 'cp' && part.format === 'xliff2') out += plainText([part]);
      else {
        const n = numbers[i];
        if (n !== undefined) out += codeChar(roles[i] as CodeKind, n);
        i += 1;
      }
    }
    return out;
  }
}

/**
 * Content of a text with code characters: each code as its table holds it. Codes the table does not know are
 * left out, and so are both halves of an enclosing element (`<pc>`, `<g>`, `<hi>`) that would not nest, since
 * the file could not hold them; `broken` says whether anything was left out that way.
 */
export function contentOf(text: string, table: CodeTable): { content: Inline[]; broken: boolean } {
  const parts: Inline[] = [];
  let last = 0;
  const found: { index: number; key: string; kind: CodeKind; n: number; container: boolean }[] = [];
  for (const m of text.matchAll(CODE_CHARS)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    last = m.index + 1;
    const token = codeOf(m[0]);
    const code = token ? table[codeKey(token)] : undefined;
    if (!token || !code) continue;
    found.push({
      index: parts.length,
      key: codeKey(token),
      kind: token.kind,
      n: token.n,
      container: code.kind !== 'standalone' && isContainer(code),
    });
    parts.push(code);
  }
  if (last < text.length) parts.push(text.slice(last));
  // Enclosing elements must nest: drop any pair (or half) that does not.
  const drop = new Set<number>();
  const stack: { n: number; index: number }[] = [];
  for (const f of found) {
    if (!f.container) continue;
    if (f.kind === 'open') {
      if (stack.some((s) => s.n === f.n)) drop.add(f.index);
      else stack.push({ n: f.n, index: f.index });
    } else if (stack[stack.length - 1]?.n === f.n) stack.pop();
    else {
      drop.add(f.index);
      const open = stack.findIndex((s) => s.n === f.n);
      if (open !== -1) drop.add(stack.splice(open, 1)[0]!.index);
    }
  }
  for (const s of stack) drop.add(s.index);
  const content = normaliseContent(parts.filter((_, i) => !drop.has(i)));
  return { content, broken: drop.size > 0 };
}

const CONTAINERS = new Set(['xliff2:pc', 'xliff2:mrk', 'xliff1:g', 'xliff1:mrk', 'tmx:hi']);
function isContainer(code: InlineCode): boolean {
  return CONTAINERS.has(`${code.format}:${code.element}`);
}
