import type { XmlDocument, XmlElement, XmlNode } from './xmlTypes.ts';

/**
 * What a writer does with a character XML 1.0 forbids (see FORBIDDEN_XML_CHAR) that reached it: it writes
 * U+FFFD REPLACEMENT CHARACTER instead, so no output is ever ill-formed. The converters refuse such text
 * with its place before writing; this is the last line of defence, documented in the README.
 */
const REPLACEMENT = '\uFFFD';

/* eslint-disable no-control-regex -- the forbidden control characters are matched on purpose */
const TEXT_ESCAPE =
  /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */
/* eslint-disable no-control-regex -- as above */
const ATTR_ESCAPE =
  /[&<>"\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */

export function escapeXmlText(text: string): string {
  // ">" is escaped too so that "]]>" can never appear in character data.
  return text.replace(TEXT_ESCAPE, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '\r' ? '&#13;' : REPLACEMENT,
  );
}

/** Escapes an attribute value for double quotes; tab, CR and LF are kept as references so they survive normalisation. */
export function escapeXmlAttr(text: string): string {
  return text.replace(ATTR_ESCAPE, (c) => ATTR_ESCAPES[c] ?? REPLACEMENT);
}

const ATTR_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Serialises a document with an XML declaration; whitespace is written exactly as it is in the tree. */
export function serialiseXml(doc: XmlDocument): string {
  let out = XML_DECLARATION;
  for (const n of doc.prolog) out += serialiseNode(n) + '\n';
  out += serialiseNode(doc.root);
  for (const n of doc.epilog) out += '\n' + serialiseNode(n);
  return out + '\n';
}

export function serialiseNode(node: XmlNode): string {
  const parts: string[] = [];
  write(node, parts);
  return parts.join('');
}

/** Writes with an explicit stack of open elements rather than recursion, so depth costs no call stack. */
function write(node: XmlNode, out: string[]): void {
  const stack: { readonly el: XmlElement; index: number }[] = [];
  let next: XmlNode | undefined = node;
  for (;;) {
    if (next !== undefined) {
      const el = writeOpen(next, out);
      if (el) stack.push({ el, index: 0 });
    }
    const top = stack[stack.length - 1];
    if (!top) return;
    next = top.el.children[top.index];
    top.index += 1;
    if (next === undefined) {
      out.push('</', top.el.name, '>');
      stack.pop();
    }
  }
}

/** Writes a leaf, or an element's start tag; returns the element when its children and end tag follow. */
function writeOpen(node: XmlNode, out: string[]): XmlElement | undefined {
  switch (node.kind) {
    case 'text':
      out.push(escapeXmlText(node.text));
      return undefined;
    case 'comment':
      out.push(`<!--${node.text}-->`);
      return undefined;
    case 'pi':
      out.push(`<?${node.target}${node.body ? ' ' + node.body : ''}?>`);
      return undefined;
    case 'element':
      return writeStartTag(node, out);
  }
}

/** "<name" with its namespace declarations and attributes, without the ">" or "/>" that ends it. */
export function openStartTag(el: XmlElement): string {
  const out = ['<', el.name];
  for (const [prefix, uri] of Object.entries(el.namespaces)) {
    out.push(prefix ? ` xmlns:${prefix}="` : ' xmlns="', escapeXmlAttr(uri), '"');
  }
  for (const a of el.attributes) out.push(' ', a.name, '="', escapeXmlAttr(a.value), '"');
  return out.join('');
}

/** The XML declaration every serialised document starts with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

function writeStartTag(el: XmlElement, out: string[]): XmlElement | undefined {
  out.push(openStartTag(el));
  if (el.children.every((c) => c.kind === 'text' && c.text === '')) {
    out.push('/>');
    return undefined;
  }
  out.push('>');
  return el;
}
