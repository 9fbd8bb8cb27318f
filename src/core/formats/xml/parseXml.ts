import { SaxesParser, type SaxesTagNS } from 'saxes';
import { fail, ok, type Result } from '../../result.ts';
import { decodeXml } from './decodeXml.ts';
import { formatBytes, MAX_FILE_BYTES } from '../limits.ts';
import {
  XML_NS,
  type XmlAttribute,
  type XmlComment,
  type XmlDocument,
  type XmlElement,
  type XmlNode,
  type XmlPi,
} from './xmlTypes.ts';

/**
 * Largest input accepted, in characters (or bytes for byte input): 64 MiB. A 100,000-unit XLIFF file is
 * about 30 MB; past the limit the tree would cost several times the file in memory, so we refuse early.
 */
export const MAX_XML_SIZE = MAX_FILE_BYTES;

/**
 * Deepest element nesting accepted: 1,000 levels. Real XLIFF, TMX, TBX and DOCX stay under 30; the limit is
 * checked as each start tag is read, so a hostile file is refused before its tree is built, and every walk
 * over a parsed tree stays shallow.
 */
export const MAX_XML_DEPTH = 1000;

export type ParseXmlOptions = { readonly maxSize?: number; readonly maxDepth?: number };

/** Shared by every element that declares no namespace and has no attributes: one object, not millions. */
const NO_NAMESPACES: Readonly<Record<string, string>> = Object.freeze({});
const NO_ATTRIBUTES: readonly XmlAttribute[] = Object.freeze([]);

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

type Building = {
  name: string;
  local: string;
  prefix: string;
  uri: string;
  attributes: readonly XmlAttribute[];
  namespaces: Readonly<Record<string, string>>;
  /** Prefixes this element binds, to unbind when it closes. */
  declared: readonly string[];
  children: XmlNode[];
  line: number;
  column: number;
};

class Stop extends Error {}

/**
 * Parses a whole XML document into a tree with 1-based line/column on every node. Namespaces are resolved.
 * Safe on hostile input: a DOCTYPE that declares entities is refused (no billion laughs, no external
 * entities), an external DTD is never fetched or read, only the five predefined entities and character
 * references are expanded. Nesting deeper than MAX_XML_DEPTH is refused while parsing. Time is linear in the
 * input: namespace prefixes are resolved from one binding stack per prefix, not by walking the open elements.
 * On any error nothing is returned but the problem and where it is.
 */
export function parseXml(input: string | Uint8Array, options: ParseXmlOptions = {}): Result<XmlDocument> {
  const limit = options.maxSize ?? MAX_XML_SIZE;
  const maxDepth = options.maxDepth ?? MAX_XML_DEPTH;
  if (input.length > limit) {
    return fail({
      message: `the file is too large (${typeof input === 'string' ? `${input.length} characters` : formatBytes(input.length)}; the limit is ${formatBytes(limit)})`,
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
  // saxes resolves a prefix by walking every open element (O(depth) per name, quadratic on deep files);
  // this keeps, per prefix, the URIs bound by the open elements, innermost last.
  const bindings = new Map<string, string[]>([
    ['xml', [XML_NS]],
    ['xmlns', [XMLNS_NS]],
  ]);
  // Declarations on the element being opened (saxes fills this object while reading its attributes).
  let opening: Record<string, string> | undefined;
  parser.resolve = (prefix: string): string | undefined => {
    const own = opening?.[prefix];
    if (own !== undefined) return own;
    const bound = bindings.get(prefix);
    return bound?.[bound.length - 1];
  };
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
    if (stack.length >= maxDepth) {
      stop(`elements are nested more than ${maxDepth} levels deep`);
    }
    opening = (tag as Partial<SaxesTagNS>).ns;
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
    opening = undefined;
    const declared = Object.keys(tag.ns);
    for (const prefix of declared) {
      const uri = tag.ns[prefix] as string;
      const bound = bindings.get(prefix);
      if (bound) bound.push(uri);
      else bindings.set(prefix, [uri]);
    }
    stack.push({
      name: tag.name,
      local: tag.local,
      prefix: tag.prefix,
      uri: tag.uri,
      attributes: attributes.length > 0 ? attributes : NO_ATTRIBUTES,
      namespaces: declared.length > 0 ? { ...tag.ns } : NO_NAMESPACES,
      declared,
      children: [],
      line: startLine,
      column: startColumn,
    });
    mark();
  });
  parser.on('closetag', () => {
    const b = stack.pop();
    if (!b) return stop('closing tag without an opening tag');
    for (const prefix of b.declared) bindings.get(prefix)?.pop();
    const el: XmlElement = {
      kind: 'element',
      name: b.name,
      local: b.local,
      prefix: b.prefix,
      uri: b.uri,
      attributes: b.attributes,
      namespaces: b.namespaces,
      children: b.children,
      line: b.line,
      column: b.column,
    };
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
      if (problem) return fail(explain(problem, text));
      return fail({ message: error instanceof Error ? error.message : String(error), line: parser.line });
    }
  }
  if (problem) return fail(explain(problem, text));
  if (!root) return fail({ message: 'no root element: the file is empty or not XML', line: 1 });
  return ok({ root, prolog, epilog });
}

/**
 * saxes reads everything after a bare "&" up to the next ";" as an entity name, so the error it reports
 * comes lines later ("unclosed tag"). When a parse fails, a bare ampersand at or before the reported line
 * is the real cause: report it, with its own line and column.
 */
function explain(
  problem: { message: string; line: number; column: number },
  text: string,
): { message: string; line: number; column: number } {
  const at = firstBareAmpersand(text);
  if (at < 0) return problem;
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  if (line > problem.line) return problem;
  return { message: 'a bare "&" (write it as &amp;)', line, column: at - lineStart + 1 };
}

const REFERENCE = /&(?:#\d+|#x[0-9a-fA-F]+|[^\s&;<>"'#]{1,64});/y;

/** Offset of the first "&" in text or attribute values that starts no reference; comments, CDATA and PIs are skipped. */
function firstBareAmpersand(text: string): number {
  // Each search starts where the last one ended, so the scan is linear however many tags come first.
  let amp = text.indexOf('&');
  let i = 0;
  let lt = text.indexOf('<');
  while (amp >= 0) {
    if (lt >= 0 && lt < i) lt = text.indexOf('<', i);
    if (lt >= 0 && lt < amp) {
      const from = lt;
      const skip = (open: string, close: string) => {
        if (!text.startsWith(open, from)) return undefined;
        const end = text.indexOf(close, from + open.length);
        return end < 0 ? text.length : end + close.length;
      };
      i = skip('<!--', '-->') ?? skip('<![CDATA[', ']]>') ?? skip('<?', '?>') ?? from + 1;
      if (i > amp) amp = text.indexOf('&', i);
      continue;
    }
    REFERENCE.lastIndex = amp;
    if (!REFERENCE.test(text)) return amp;
    i = amp + 1;
    amp = text.indexOf('&', i);
  }
  return -1;
}
