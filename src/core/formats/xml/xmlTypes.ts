/** A namespaced attribute as written in the document: `name` is the qualified name (`xml:lang`). */
export type XmlAttribute = {
  readonly name: string;
  readonly local: string;
  readonly prefix: string;
  /** Namespace URI ("" when the attribute has no prefix: unprefixed attributes are in no namespace). */
  readonly uri: string;
  readonly value: string;
};

export type XmlElement = {
  readonly kind: 'element';
  /** Qualified name as written (`its:locNote`). */
  readonly name: string;
  readonly local: string;
  readonly prefix: string;
  readonly uri: string;
  readonly attributes: readonly XmlAttribute[];
  /** Namespace declarations made on this element (prefix "" is the default namespace), kept for re-serialising. */
  readonly namespaces: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
  /** 1-based position of the `<` that opens the element (0 for built elements). */
  readonly line: number;
  readonly column: number;
};

export type XmlText = {
  readonly kind: 'text';
  readonly text: string;
  readonly line: number;
  readonly column: number;
};
export type XmlComment = {
  readonly kind: 'comment';
  readonly text: string;
  readonly line: number;
  readonly column: number;
};
export type XmlPi = {
  readonly kind: 'pi';
  readonly target: string;
  readonly body: string;
  readonly line: number;
  readonly column: number;
};
export type XmlNode = XmlElement | XmlText | XmlComment | XmlPi;

export type XmlDocument = {
  readonly root: XmlElement;
  /** Comments and processing instructions outside the root, before it. */
  readonly prolog: readonly (XmlComment | XmlPi)[];
  readonly epilog: readonly (XmlComment | XmlPi)[];
};

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Value of an attribute given by namespace URI ("" for unprefixed) and local name. */
export function attr(el: XmlElement, local: string, uri = ''): string | undefined {
  for (const a of el.attributes) if (a.local === local && a.uri === uri) return a.value;
  return undefined;
}

export function childElements(el: XmlElement, local?: string, uri?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (c.kind !== 'element') continue;
    if (local !== undefined && c.local !== local) continue;
    if (uri !== undefined && c.uri !== uri) continue;
    out.push(c);
  }
  return out;
}

/** Concatenated text of an element and its descendants (markup dropped). */
export function textContent(node: XmlNode): string {
  let out = '';
  for (const n of descendants(node)) if (n.kind === 'text') out += n.text;
  return out;
}

/**
 * The node and everything under it in document order, walked with an explicit stack: no recursion, so no
 * tree is too deep for it.
 */
export function* descendants(node: XmlNode): Generator<XmlNode> {
  const stack: { readonly list: readonly XmlNode[]; index: number }[] = [{ list: [node], index: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { readonly list: readonly XmlNode[]; index: number };
    const n = top.list[top.index];
    if (n === undefined) {
      stack.pop();
      continue;
    }
    top.index += 1;
    yield n;
    if (n.kind === 'element' && n.children.length > 0) stack.push({ list: n.children, index: 0 });
  }
}

/** Builds an element for serialising; names with a prefix take the URI from `uri`. */
export function xmlElement(
  name: string,
  attributes: Readonly<Record<string, string | undefined>> = {},
  children: readonly XmlNode[] = [],
  options: { readonly uri?: string; readonly namespaces?: Readonly<Record<string, string>> } = {},
): XmlElement {
  const [prefix, local] = splitName(name);
  const attrs: XmlAttribute[] = [];
  for (const [k, v] of Object.entries(attributes)) {
    if (v === undefined) continue;
    const [p, l] = splitName(k);
    attrs.push({ name: k, local: l, prefix: p, uri: p === 'xml' ? XML_NS : '', value: v });
  }
  return {
    kind: 'element',
    name,
    local,
    prefix,
    uri: options.uri ?? '',
    attributes: attrs,
    namespaces: options.namespaces ?? {},
    children,
    line: 0,
    column: 0,
  };
}

export function xmlText(text: string): XmlText {
  return { kind: 'text', text, line: 0, column: 0 };
}

function splitName(name: string): [string, string] {
  const i = name.indexOf(':');
  return i < 0 ? ['', name] : [name.slice(0, i), name.slice(i + 1)];
}
