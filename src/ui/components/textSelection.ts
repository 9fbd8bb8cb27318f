/** A span of a shown text as offsets into the text itself (what a diff shows as deleted does not count). */
export type TextSpan = { readonly start: number; readonly end: number };

/** The text nodes of `root` with where each starts in the text; deleted diff text has no length. */
function textNodes(root: Node): { node: Text; offset: number; deleted: boolean }[] {
  const out: { node: Text; offset: number; deleted: boolean }[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const deleted = Boolean(node.parentElement?.closest('del'));
    out.push({ node: node as Text, offset, deleted });
    if (!deleted) offset += (node.textContent ?? '').length;
  }
  return out;
}

/** The span the reviewer has selected inside `root`, if the whole selection lies in it and is not empty. */
export function selectionOffsets(root: Element | null | undefined): TextSpan | undefined {
  const selection = typeof window.getSelection === 'function' ? window.getSelection() : null;
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !root) return undefined;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return undefined;
  let start: number | undefined;
  let end: number | undefined;
  for (const { node, offset, deleted } of textNodes(root)) {
    if (node === range.startContainer) start = offset + (deleted ? 0 : range.startOffset);
    if (node === range.endContainer) end = offset + (deleted ? 0 : range.endOffset);
  }
  return start !== undefined && end !== undefined && end > start ? { start, end } : undefined;
}

/** Selects `span` of the text shown in `root` again (after its nodes were replaced). */
export function selectOffsets(root: Element, span: TextSpan): void {
  const selection = typeof window.getSelection === 'function' ? window.getSelection() : null;
  if (!selection) return;
  const at = (position: number, edge: 'start' | 'end'): [Text, number] | undefined => {
    const nodes = textNodes(root).filter((n) => !n.deleted);
    // At a boundary between two nodes, the start goes into the later one and the end stays in the earlier one.
    const found = nodes.find(({ node, offset }) => {
      const length = (node.textContent ?? '').length;
      return edge === 'start'
        ? position >= offset && position < offset + length
        : position > offset && position <= offset + length;
    });
    return found ? [found.node, position - found.offset] : undefined;
  };
  const start = at(span.start, 'start');
  const end = at(span.end, 'end');
  if (start && end) selection.setBaseAndExtent(start[0], start[1], end[0], end[1]);
}
