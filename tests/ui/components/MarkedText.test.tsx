// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, render, waitFor } from '@testing-library/react';
import { MarkedText } from '../../../src/ui/components/MarkedText.tsx';
import { selectionOffsets } from '../../../src/ui/components/textSelection.ts';
import type { Mark } from '../../../src/core/review/markup.ts';

// A drag across a cell's text selects the span an MQM error is recorded on. Marks that arrived mid-drag (the checks
// finishing) used to replace the text's nodes under the drag, and the span was lost.

const TEXT = 'Municipal police in the Republic of Kazakhstan';
const NO_MARKS: readonly Mark[] = [];
const CHECK_MARKS: readonly Mark[] = [
  { start: 0, end: 9, kind: 'major', id: 'a' },
  { start: 13, end: 19, kind: 'minor', id: 'b' },
];

/** Starts a drag in the text and selects "police" in it, as the mouse would. */
function dragOverPolice(root: HTMLElement) {
  const node = root.firstChild!.firstChild as Text;
  fireEvent.mouseDown(node.parentElement!, { button: 0 });
  window.getSelection()!.setBaseAndExtent(node, 10, node, 16);
}

describe('MarkedText under a drag', () => {
  it('keeps the text as it is while the button is down, and shows the new marks on release with the span still selected', async () => {
    const { container, rerender } = render(<MarkedText text={TEXT} marks={NO_MARKS} />);
    const root = container.firstChild as HTMLElement;
    const node = root.firstChild!.firstChild;
    dragOverPolice(root);
    rerender(<MarkedText text={TEXT} marks={CHECK_MARKS} />);
    // Mid-drag: the same nodes, the selection as the mouse left it.
    expect(root.firstChild!.firstChild).toBe(node);
    expect(root.querySelectorAll('mark')).toHaveLength(0);
    expect(window.getSelection()!.toString()).toBe('police');
    fireEvent.mouseUp(document.body, { button: 0 });
    // The click that follows the mouseup still finds the nodes pressed on; the new marks come just after.
    expect(root.firstChild!.firstChild).toBe(node);
    await waitFor(() => expect(root.querySelectorAll('mark')).toHaveLength(2));
    expect([...root.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual([
      'Municipal',
      'ice in',
    ]);
    expect(window.getSelection()!.toString()).toBe('police');
    expect(selectionOffsets(root)).toEqual({ start: 10, end: 16 });
  });

  it('shows new marks at once when no button is down', () => {
    const { container, rerender } = render(<MarkedText text={TEXT} marks={NO_MARKS} />);
    rerender(<MarkedText text={TEXT} marks={CHECK_MARKS} />);
    expect(container.querySelectorAll('mark')).toHaveLength(2);
  });

  it('selects nothing again when the text itself changed during the drag', async () => {
    const { container, rerender } = render(<MarkedText text={TEXT} marks={NO_MARKS} />);
    const root = container.firstChild as HTMLElement;
    dragOverPolice(root);
    rerender(<MarkedText text={`The ${TEXT}`} marks={NO_MARKS} />);
    fireEvent.mouseUp(document.body, { button: 0 });
    await waitFor(() => expect(root.textContent).toBe(`The ${TEXT}`));
    expect(selectionOffsets(root)).not.toEqual({ start: 10, end: 16 });
  });
});
