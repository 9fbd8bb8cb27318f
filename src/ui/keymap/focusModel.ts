/**
 * The focus model of the workbench: which element owns the keys, and where focus goes after each action.
 *
 * - The review grid element owns the grid keys (`KEYMAP`, context `grid`, or `mark` while marking a span). Grid
 *   shortcuts never fire from anything inside it (the editor, buttons) nor from a text field, select or dialog.
 * - The editor's textarea owns the editor keys while a rendering is edited. Leaving the editor (Esc, approve,
 *   save) gives focus back to the grid.
 * - Text fields (search, comment, find and replace) own every key typed into them; Esc in them returns to the grid.
 * - A dialog owns the keys while open; closing it returns focus to where it was when it opened (the grid when that
 *   element is gone).
 * - Buttons in the side panel (a fix, "Not an error", Restore) return focus to the editor when it is open, else to
 *   the grid, so the next key goes where the reviewer was working.
 * - The grid takes focus back by itself only when focus is nowhere (on the page body), never from another field.
 */

/** Whether keys typed into this element are text, not shortcuts. */
export function isTextEntry(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(
      element.type,
    );
  return element instanceof HTMLElement && element.isContentEditable;
}

/** Whether the element is inside an open dialog (which then owns the keys). */
export function inDialog(element: Element | null): boolean {
  return Boolean(element?.closest('[role="dialog"], [role="alertdialog"]'));
}

/** Whether focus is nowhere in particular: on the body, or on an element that has left the page. */
export function focusIsLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
}

/** The review grid of the visible view, if it is on the page. */
export function gridElement(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.tab-panel:not([hidden]) .segment-grid, .segment-grid');
}

/** Gives focus back to where the reviewer was working: the open editor, else the grid. */
export function returnFocus(): void {
  const editor = document.querySelector<HTMLTextAreaElement>('.cell-editor textarea');
  if (editor) {
    editor.focus();
    return;
  }
  gridElement()?.focus({ preventScroll: true });
}
