import { fail, ok, type Result } from '../result.ts';
import type { CodeFormat, Content, Inline, InlineCode } from './interchange.ts';
import { xmlElement, type XmlAttribute, type XmlElement, type XmlNode } from './xml/xmlTypes.ts';

type Vocabulary = {
  /** Elements that enclose text: read as open … close. */
  readonly containers: ReadonlySet<string>;
  readonly open: ReadonlySet<string>;
  readonly close: ReadonlySet<string>;
  readonly standalone: ReadonlySet<string>;
  /** Attribute holding the pairing id, by element. */
  readonly idAttr: (element: string) => string;
  /** Whether the element's children are native code data rather than segment text. */
  readonly holdsData: ReadonlySet<string>;
};

const set = (...names: string[]) => new Set(names);

const VOCABULARIES: Record<CodeFormat, Vocabulary> = {
  xliff2: {
    containers: set('pc', 'mrk'),
    open: set('sc', 'sm'),
    close: set('ec', 'em'),
    standalone: set('ph', 'cp'),
    idAttr: (e) => (e === 'ec' || e === 'em' ? 'startRef' : 'id'),
    holdsData: set(),
  },
  xliff1: {
    containers: set('g', 'mrk'),
    open: set('bx', 'bpt'),
    close: set('ex', 'ept'),
    standalone: set('x', 'ph', 'it'),
    idAttr: (e) => (e === 'bx' || e === 'ex' ? 'rid' : e === 'mrk' ? 'mid' : 'id'),
    holdsData: set('bpt', 'ept', 'ph', 'it'),
  },
  tmx: {
    containers: set('hi'),
    open: set('bpt'),
    close: set('ept'),
    standalone: set('ph', 'it', 'ut'),
    idAttr: (e) => (e === 'bpt' || e === 'ept' ? 'i' : 'x'),
    holdsData: set('bpt', 'ept', 'ph', 'it', 'ut'),
  },
};

/** Reads segment content (the children of `<source>`, `<target>`, `<seg>`) into text and codes. */
export function readInline(nodes: readonly XmlNode[], format: CodeFormat, ns: string): Result<Content> {
  const v = VOCABULARIES[format];
  const out: Inline[] = [];
  const visit = (list: readonly XmlNode[]): Result<true> => {
    for (const node of list) {
      if (node.kind === 'text') {
        out.push(node.text);
        continue;
      }
      if (node.kind !== 'element') continue;
      const name = node.local;
      if (node.uri !== ns) {
        return fail({
          message: `unexpected element <${node.name}> inside segment text`,
          line: node.line,
          column: node.column,
        });
      }
      const id = node.attributes.find((a) => a.local === v.idAttr(name) && a.uri === '')?.value;
      const base = {
        format,
        element: name,
        attributes: node.attributes,
        ...(id !== undefined ? { id } : {}),
      };
      if (v.containers.has(name)) {
        out.push({ ...base, kind: 'open' });
        const inner = visit(node.children);
        if (!inner.ok) return inner;
        out.push({
          kind: 'close',
          format,
          element: name,
          attributes: [],
          ...(id !== undefined ? { id } : {}),
        });
        continue;
      }
      const kind = v.open.has(name)
        ? 'open'
        : v.close.has(name)
          ? 'close'
          : v.standalone.has(name)
            ? 'standalone'
            : undefined;
      if (!kind) {
        return fail({
          message: `unknown inline element <${node.name}>`,
          line: node.line,
          column: node.column,
        });
      }
      out.push(v.holdsData.has(name) ? { ...base, kind, inner: node.children } : { ...base, kind });
    }
    return ok(true);
  };
  const r = visit(nodes);
  return r.ok ? ok(out) : r;
}

/**
 * Writes content in a format's vocabulary. Codes of the same format come back as they were read; codes
 * from another format become that format's generic markers (XLIFF 2 sc/ec/ph, XLIFF 1.2 bx/ex/x or
 * bpt/ept/ph when they carry data, TMX bpt/ept/ph), paired by id.
 */
export function writeInline(content: Content, format: CodeFormat, ns: string): XmlNode[] {
  const root: XmlNode[] = [];
  const stack: { el: string; children: XmlNode[]; attrs: readonly XmlAttribute[]; id?: string }[] = [];
  const openIds: string[] = [];
  let counter = 0;
  const sink = () => stack[stack.length - 1]?.children ?? root;
  const leaf = (
    name: string,
    attrs: readonly XmlAttribute[],
    children: readonly XmlNode[] = [],
  ): XmlElement => ({
    ...xmlElement(name, {}, children, { uri: ns }),
    attributes: attrs,
  });
  const plain = (pairs: Record<string, string | undefined>): XmlAttribute[] =>
    Object.entries(pairs).flatMap(([name, value]) =>
      value === undefined ? [] : [{ name, local: name, prefix: '', uri: '', value }],
    );
  for (const part of content) {
    if (typeof part === 'string') {
      if (part !== '') sink().push({ kind: 'text', text: part, line: 0, column: 0 });
      continue;
    }
    if (part.format === format) {
      if (VOCABULARIES[format].containers.has(part.element)) {
        if (part.kind === 'open') stack.push({ el: part.element, children: [], attrs: part.attributes });
        else {
          const top = stack.pop();
          if (!top) throw new Error(`close of <${part.element}> without open`);
          sink().push(leaf(top.el, top.attrs, top.children));
        }
        continue;
      }
      sink().push(leaf(part.element, part.attributes, part.inner ?? []));
      continue;
    }
    const id =
      part.kind === 'close' ? (part.id ?? openIds.pop() ?? String(++counter)) : (part.id ?? `c${++counter}`);
    if (part.kind === 'open') openIds.push(id);
    sink().push(foreign(part, id, format, leaf, plain));
  }
  if (stack.length > 0) throw new Error('content has an open code that is never closed');
  return root;
}

function foreign(
  code: InlineCode,
  id: string,
  format: CodeFormat,
  leaf: (name: string, attrs: readonly XmlAttribute[], children?: readonly XmlNode[]) => XmlElement,
  plain: (pairs: Record<string, string | undefined>) => XmlAttribute[],
): XmlElement {
  const data = code.inner ?? [];
  const xid = toNmtoken(id);
  switch (format) {
    case 'xliff2':
      if (code.kind === 'open') return leaf('sc', plain({ id: xid }));
      if (code.kind === 'close') return leaf('ec', plain({ startRef: xid }));
      return leaf('ph', plain({ id: xid }));
    case 'xliff1':
      if (data.length > 0) {
        const name = code.kind === 'open' ? 'bpt' : code.kind === 'close' ? 'ept' : 'ph';
        return leaf(name, plain({ id: xid }), data);
      }
      if (code.kind === 'open') return leaf('bx', plain({ id: `${xid}-b`, rid: xid }));
      if (code.kind === 'close') return leaf('ex', plain({ id: `${xid}-e`, rid: xid }));
      return leaf('x', plain({ id: xid }));
    case 'tmx': {
      const i = /^\d+$/.test(id) ? id : String(hash(id));
      if (code.kind === 'open') return leaf('bpt', plain({ i }), data);
      if (code.kind === 'close') return leaf('ept', plain({ i }), data);
      return leaf('ph', plain({ x: i }), data);
    }
  }
}

function toNmtoken(id: string): string {
  const t = id.replace(/[^\p{L}\p{N}._:-]/gu, '_');
  return t === '' ? '_' : t;
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i += 1) h = (h * 31 + s.charCodeAt(i)) % 1_000_000;
  return h + 1;
}
