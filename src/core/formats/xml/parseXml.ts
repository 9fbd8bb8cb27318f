import { SaxesParser, type SaxesTagNS } from 'saxes';
import { fail, ok, type Result } from '../../result.ts';
import { decodeXml } from './decodeXml.ts';
import type { XmlAttribute, XmlComment, XmlDocument, XmlElement, XmlNode, XmlPi } from './xmlTypes.ts';

/**
 * Largest input accepted, in characters (or bytes for byte input): 64 MiB. A 100,000-unit XLIFF file is
 * about 30 MB; past the limit the tree would cost several times the file in memory, so we refuse early.
 */
export const MAX_XML_SIZE = 64 * 1024 * 1024;

export type ParseXmlOptions = { readonly maxSize?: number };

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

type Building = {
  name: string;
  local: string;
  prefix: string;
  uri: string;
  attributes: XmlAttribute[];
  namespaces: Record<string, string>;
  children: XmlNode[];
  line: number;
  column: number;
};

class Stop extends Error {}

/**
 * Parses a whole XML document into a tree with 1-based line/column on every node. Namespaces are resolved.
 * Safe on hostile input: a DOCTYPE that declares entities is refused (no billion laughs, no external
 * entities), an external DTD is never fetched or read, only the five predefined entities and character
 * references are expanded. On any error nothing is returned but the problem and where it is.
 */
export function parseXml(input: string | Uint8Array, options: ParseXmlOptions = {}): Result<XmlDocument> {
  const limit = options.maxSize ?? MAX_XML_SIZE;
  if (input.length > limit) {
    return fail({
      message: `the file is too large (${input.length} > ${limit} ${typeof input === 'string' ? 'characters' : 'bytes'})`,
      line: 1,
    });
  }
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const decoded = decodeXml(input);
    if (!decoded.ok) return decoded;
    text = decoded.value;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: Building[] = [];
  const prolog: (XmlComment | XmlPi)[] = [];
  const epilog: (XmlComment | XmlPi)[] = [];
  let root: XmlElement | undefined;
  let problem: { message: string; line: number; column: number } | undefined;
  let startLine = 1;
  let startColumn = 1;
  let markLine = 1;
  let markColumn = 1;
  const mark = () => {
    markLine = parser.line;
    markColumn = parser.column + 1;
  };
  const stop = (message: string, line = parser.line, column = parser.column + 1): never => {
    problem ??= { message, line, column };
    throw new Stop(message);
  };
  const place = (node: XmlComment | XmlPi) => {
    const top = stack[stack.length - 1];
    if (top) top.children.push(node);
    else (root ? epilog : prolog).push(node);
  };

  parser.on('error', (error) => stop(error.message.replace(/^\d+:\d+:\s*/, '')));
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      stop(
        'the DOCTYPE declares entities; entity declarations are refused (they can expand without bound or read files)',
      );
    }
    mark();
  });
  parser.on('xmldecl', (decl) => {
    if (decl.version !== undefined && decl.version !== '1.0' && decl.version !== '1.1') {
      stop(`unsupported XML version "${decl.version}"`);
    }
    mark();
  });
  parser.on('opentagstart', (tag) => {
    startLine = parser.line;
    // The event fires after the character that ends the name has been read.
    startColumn = Math.max(1, parser.column - tag.name.length - 1);
  });
  parser.on('opentag', (raw) => {
    const tag = raw as SaxesTagNS;
    const attributes: XmlAttribute[] = [];
    for (const a of Object.values(tag.attributes)) {
      if (a.uri === XMLNS_NS || a.name === 'xmlns') continue;
      attributes.push({ name: a.name, local: a.local, prefix: a.prefix, uri: a.uri, value: a.value });
    }
    stack.push({
      name: tag.name,
      local: tag.local,
      prefix: tag.prefix,
      uri: tag.uri,
      attributes,
      namespaces: { ...tag.ns },
      children: [],
      line: startLine,
      column: startColumn,
    });
    mark();
  });
  parser.on('closetag', () => {
    const b = stack.pop();
    if (!b) return stop('closing tag without an opening tag');
    const el: XmlElement = { kind: 'element', ...b };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
    mark();
  });
  const addText = (t: string) => {
    const top = stack[stack.length - 1];
    if (!top) {
      if (t.trim() !== '') stop('text outside the root element', markLine, markColumn);
      return;
    }
    const last = top.children[top.children.length - 1];
    // CDATA next to text is one text run for every purpose we have.
    if (last?.kind === 'text') top.children[top.children.length - 1] = { ...last, text: last.text + t };
    else top.children.push({ kind: 'text', text: t, line: markLine, column: markColumn });
  };
  parser.on('text', (t) => {
    addText(t);
    mark();
  });
  parser.on('cdata', (t) => {
    addText(t);
    mark();
  });
  parser.on('comment', (t) => {
    place({ kind: 'comment', text: t, line: markLine, column: markColumn });
    mark();
  });
  parser.on('processinginstruction', (pi) => {
    place({ kind: 'pi', target: pi.target, body: pi.body, line: markLine, column: markColumn });
    mark();
  });

  try {
    parser.write(text).close();
  } catch (error) {
    if (!(error instanceof Stop)) {
      if (problem) return fail(problem);
      return fail({ message: error instanceof Error ? error.message : String(error), line: parser.line });
    }
  }
  if (problem) return fail(problem);
  if (!root) return fail({ message: 'no root element: the file is empty or not XML', line: 1 });
  return ok({ root, prolog, epilog });
}
