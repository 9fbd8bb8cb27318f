import type { XmlDocument, XmlElement, XmlNode } from './xmlTypes.ts';

export function escapeXmlText(text: string): string {
  // ">" is escaped too so that "]]>" can never appear in character data.
  return text.replace(/[&<>\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;',
  );
}

/** Escapes an attribute value for double quotes; tab, CR and LF are kept as references so they survive normalisation. */
export function escapeXmlAttr(text: string): string {
  return text.replace(/[&<>"\t\n\r]/g, (c) => ATTR_ESCAPES[c] ?? c);
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
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
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

function write(node: XmlNode, out: string[]): void {
  switch (node.kind) {
    case 'text':
      out.push(escapeXmlText(node.text));
      return;
    case 'comment':
      out.push(`<!--${node.text}-->`);
      return;
    case 'pi':
      out.push(`<?${node.target}${node.body ? ' ' + node.body : ''}?>`);
      return;
    case 'element':
      writeElement(node, out);
      return;
  }
}

function writeElement(el: XmlElement, out: string[]): void {
  out.push('<', el.name);
  for (const [prefix, uri] of Object.entries(el.namespaces)) {
    out.push(prefix ? ` xmlns:${prefix}="` : ' xmlns="', escapeXmlAttr(uri), '"');
  }
  for (const a of el.attributes) out.push(' ', a.name, '="', escapeXmlAttr(a.value), '"');
  if (el.children.every((c) => c.kind === 'text' && c.text === '')) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (const c of el.children) write(c, out);
  out.push('</', el.name, '>');
}
