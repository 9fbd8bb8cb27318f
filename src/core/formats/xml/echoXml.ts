import { openStartTag, serialiseNode, XML_DECLARATION } from './serialiseXml.ts';
import type { XmlElement, XmlNode } from './xmlTypes.ts';

/**
 * Writes back a document that XmlStream reads, piece by piece, exactly as serialiseXml would write the whole
 * tree: the declaration, comments and processing instructions around the root on lines of their own, containers
 * by their tags, subtrees serialised whole, and an element with no content closed as `<name/>`. `take` returns
 * what has been written since it was last called.
 */
export class XmlEcho {
  private out: string[] = [XML_DECLARATION];
  /** A start tag written without its ">" yet: whether the element is empty is known only at its next event. */
  private pending = false;
  private rootDone = false;

  open(el: XmlElement): void {
    this.endStartTag();
    this.out.push(openStartTag(el));
    this.pending = true;
  }

  close(el: XmlElement, depth: number): void {
    if (this.pending) this.out.push('/>');
    else this.out.push('</', el.name, '>');
    this.pending = false;
    if (depth === 0) this.rootDone = true;
  }

  node(node: XmlNode, depth: number): void {
    if (depth === 0) {
      if (node.kind === 'element') {
        this.out.push(serialiseNode(node));
        this.rootDone = true;
      } else if (this.rootDone) this.out.push('\n', serialiseNode(node));
      else this.out.push(serialiseNode(node), '\n');
      return;
    }
    if (node.kind === 'text' && node.text === '') return;
    this.endStartTag();
    this.out.push(serialiseNode(node));
  }

  /** The end of the document. */
  end(): void {
    this.out.push('\n');
  }

  take(): string {
    const text = this.out.join('');
    this.out = [];
    return text;
  }

  private endStartTag(): void {
    if (!this.pending) return;
    this.out.push('>');
    this.pending = false;
  }
}
