import { SaxesParser, type SaxesTagNS } from 'saxes';
import { fail, ok, type Problem, type Result } from '../../result.ts';
import { BareAmpersandScanner } from './bareAmpersand.ts';
import { XML_NS, type XmlAttribute, type XmlElement, type XmlNode } from './xmlTypes.ts';

/**
 * Deepest element nesting accepted: 1,000 levels. Real XLIFF, TMX, TBX and DOCX stay under 30; the limit is
 * checked as each start tag is read, so a hostile file is refused before its tree is built, and every walk
 * over a parsed tree stays shallow.
 */
export const MAX_XML_DEPTH = 1000;

/**
 * What a stream reports. Elements are either containers, reported by their start (`open`, without children)
 * and end (`close`), or complete subtrees handed to `node` once they end. Only an element whose parent is a
 * container (or the root itself) is asked whether it is one; everything inside a subtree is part of it.
 * Text, comments and processing instructions whose parent is a container, or that stand outside the root,
 * are handed to `node` too. `depth` is the number of open elements around the node (0 for the root).
 */
export type XmlStreamHandler = {
  readonly container?: (el: XmlElement, depth: number) => boolean;
  readonly open?: (el: XmlElement, depth: number) => void;
  readonly close?: (el: XmlElement, depth: number) => void;
  readonly node: (node: XmlNode, depth: number) => void;
};

/** Shared by every element that declares no namespace and has no attributes: one object, not millions. */
const NO_NAMESPACES: Readonly<Record<string, string>> = Object.freeze({});
const NO_ATTRIBUTES: readonly XmlAttribute[] = Object.freeze([]);
const NO_CHILDREN: readonly XmlNode[] = Object.freeze([]);

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

type Building = {
  readonly el: XmlElement;
  /** Prefixes this element binds, to unbind when it closes. */
  readonly declared: readonly string[];
  readonly children: XmlNode[];
  readonly container: boolean;
};

class Stop extends Error {}

/**
 * Reads XML from pieces of text, as they come, with 1-based line/column on every node and namespaces resolved.
 * Memory holds the open elements and the subtree being built, never the input. Safe on hostile input: a
 * DOCTYPE that declares entities is refused (no billion laughs, no external entities), an external DTD is
 * never fetched or read, only the five predefined entities and character references are expanded. Nesting
 * deeper than `maxDepth` is refused at the start tag. Time is linear in the input: namespace prefixes are
 * resolved from one binding stack per prefix, not by walking the open elements. A piece may end anywhere,
 * even inside a tag, a reference or a surrogate pair.
 */
export class XmlStream {
  private readonly parser = new SaxesParser({ xmlns: true, position: true });
  private readonly stack: Building[] = [];
  private readonly ampersands = new BareAmpersandScanner();
  private problem: Problem | undefined;
  private sawRoot = false;
  private ended = false;

  constructor(handler: XmlStreamHandler, maxDepth = MAX_XML_DEPTH) {
    const parser = this.parser;
    const stack = this.stack;
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
    let startLine = 1;
    let startColumn = 1;
    let markLine = 1;
    let markColumn = 1;
    const mark = () => {
      markLine = parser.line;
      markColumn = parser.column + 1;
    };
    const stop = (message: string, line = parser.line, column = parser.column + 1): never => {
      this.stop({ message, line, column });
    };
    /** Hands a finished node to its parent: into its children, or to the handler when the parent is a container. */
    const place = (node: XmlNode) => {
      const top = stack[stack.length - 1];
      if (top && !top.container) top.children.push(node);
      else handler.node(node, stack.length);
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
      if (stack.length >= maxDepth) stop(`elements are nested more than ${maxDepth} levels deep`);
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
      const el: XmlElement = {
        kind: 'element',
        name: tag.name,
        local: tag.local,
        prefix: tag.prefix,
        uri: tag.uri,
        attributes: attributes.length > 0 ? attributes : NO_ATTRIBUTES,
        namespaces: declared.length > 0 ? { ...tag.ns } : NO_NAMESPACES,
        children: NO_CHILDREN,
        line: startLine,
        column: startColumn,
      };
      const parent = stack[stack.length - 1];
      const depth = stack.length;
      const container = (!parent || parent.container) && (handler.container?.(el, depth) ?? false);
      if (depth === 0) this.sawRoot = true;
      stack.push({ el, declared, children: [], container });
      if (container) handler.open?.(el, depth);
      mark();
    });
    parser.on('closetag', () => {
      const b = stack.pop();
      if (!b) return stop('closing tag without an opening tag');
      for (const prefix of b.declared) bindings.get(prefix)?.pop();
      if (b.container) handler.close?.(b.el, stack.length);
      else place(b.children.length > 0 ? { ...b.el, children: b.children } : b.el);
      mark();
    });
    const addText = (t: string) => {
      const top = stack[stack.length - 1];
      if (!top) {
        if (t.trim() !== '') stop('text outside the root element', markLine, markColumn);
        return;
      }
      if (top.container) {
        handler.node({ kind: 'text', text: t, line: markLine, column: markColumn }, stack.length);
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
  }

  /** Stops reading with a problem (a handler may call it); the first problem is the one reported. */
  stop(problem: Problem): never {
    this.problem ??= problem;
    throw new Stop(problem.message);
  }

  /** Reads the next piece. Returns false once the input has failed; later pieces are ignored. */
  write(text: string): boolean {
    if (this.problem) return false;
    this.ampersands.push(text);
    try {
      this.parser.write(text);
    } catch (error) {
      this.caught(error);
    }
    return this.problem === undefined;
  }

  /** Ends the input: the problem, if any, with its place. */
  end(): Result<void> {
    if (!this.ended && !this.problem) {
      this.ended = true;
      try {
        this.parser.close();
      } catch (error) {
        this.caught(error);
      }
    }
    if (this.problem) return fail(this.explained(this.problem));
    if (!this.sawRoot) return fail({ message: 'no root element: the file is empty or not XML', line: 1 });
    return ok(undefined);
  }

  private caught(error: unknown): void {
    if (error instanceof Stop) return;
    this.problem ??= {
      message: error instanceof Error ? error.message : String(error),
      line: this.parser.line,
    };
  }

  /** A bare ampersand at or before the line saxes complains about is the real cause. */
  private explained(problem: Problem): Problem {
    const at = this.ampersands.finish();
    if (!at || problem.line === undefined || at.line > problem.line) return problem;
    return { message: 'a bare "&" (write it as &amp;)', line: at.line, column: at.column };
  }
}
