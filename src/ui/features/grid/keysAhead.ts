import { isTextEntry } from '../../keymap/focusModel.ts';

/** The parts of a key press that say what it means; kept for keys that wait for the element meant to take them. */
export type HeldKey = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey'>;

export function holdKey(event: KeyboardEvent): HeldKey {
  const { key, code, ctrlKey, altKey, shiftKey, metaKey } = event;
  return { key, code, ctrlKey, altKey, shiftKey, metaKey };
}

function typedText(key: HeldKey): string | undefined {
  if (key.ctrlKey || key.metaKey || key.altKey) return undefined;
  if (key.key === 'Enter') return '\n';
  return key.key.length === 1 ? key.key : undefined;
}

/** What a text field does by default with a key its handlers left alone: type, delete, move the caret. */
function edit(area: HTMLTextAreaElement | HTMLInputElement, key: HeldKey): void {
  if (area.readOnly || area.disabled) return;
  const start = area.selectionStart ?? area.value.length;
  const end = area.selectionEnd ?? start;
  const text = typedText(key);
  if (text !== undefined && (text !== '\n' || area instanceof HTMLTextAreaElement)) {
    area.setRangeText(text, start, end, 'end');
  } else if (key.key === 'Backspace' && (start > 0 || end > start)) {
    area.setRangeText('', start === end ? start - 1 : start, end, 'end');
  } else if (key.key === 'Delete' && (end < area.value.length || end > start)) {
    area.setRangeText('', start, start === end ? end + 1 : end, 'end');
  } else {
    const caret: Partial<Record<string, number>> = {
      ArrowLeft: start === end ? start - 1 : start,
      ArrowRight: start === end ? end + 1 : end,
      Home: 0,
      End: area.value.length,
    };
    const at = caret[key.key];
    if (at !== undefined && !key.shiftKey) {
      const clamped = Math.max(0, Math.min(area.value.length, at));
      area.setSelectionRange(clamped, clamped);
    }
    return;
  }
  // React hears a change to a field through its input event, as for a key typed into it.
  area.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Presses `key` on the element that has focus now, as if it had been typed there: its key handlers run (the grid's,
 * the editor's), and a text field the handlers leave the key to gets the text. Used for keys typed while the
 * element meant to take them was not there yet (the next unit's editor while a save is written).
 */
export function pressHeldKey(key: HeldKey): void {
  const target = document.activeElement ?? document.body;
  const event = new KeyboardEvent('keydown', { ...key, bubbles: true, cancelable: true });
  const proceed = target.dispatchEvent(event);
  if (!proceed) return;
  if (target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && isTextEntry(target)))
    edit(target, key);
}
