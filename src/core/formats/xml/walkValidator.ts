import type { XmlElement, XmlNode } from './xmlTypes.ts';

/**
 * A validator fed an element at a time, as a streamed file feeds it: containers by their start and end,
 * everything else as complete subtrees. The XLIFF 1.2 and 2 validators both have this shape.
 */
export type ElementValidator<P> = {
  readonly problems: P[];
  /** Checks the root; false when it is not a root this validator reads, which is then the only problem. */
  openRoot(root: XmlElement): boolean;
  /** Whether an element at `depth` (root 0) inside a container is a container itself. */
  container(el: XmlElement, depth: number): boolean;
  open(el: XmlElement): void;
  /** A complete subtree inside a container (text too, where the walk is asked to hand it over). */
  child(node: XmlNode): void;
  close(el: XmlElement): void;
  end(): P[];
};

/**
 * Walks a whole parsed document into an element validator, iteratively (a deep document cannot overflow the
 * stack), so a file read whole is checked by the same code as a streamed one. `withText` also hands over the
 * text and other non-element children of containers, for validators that check them.
 */
export function walkIntoValidator<P>(v: ElementValidator<P>, root: XmlElement, withText: boolean): P[] {
  if (!v.openRoot(root)) return v.problems;
  const stack: { readonly el: XmlElement; index: number; readonly depth: number }[] = [
    { el: root, index: 0, depth: 0 },
  ];
  for (let top = stack.at(-1); top; top = stack.at(-1)) {
    const child = top.el.children[top.index];
    if (child === undefined) {
      stack.pop();
      if (top.depth > 0) v.close(top.el);
      continue;
    }
    top.index += 1;
    if (child.kind !== 'element') {
      if (withText) v.child(child);
    } else if (v.container(child, top.depth + 1)) {
      v.open(child);
      stack.push({ el: child, index: 0, depth: top.depth + 1 });
    } else v.child(child);
  }
  return v.end();
}
