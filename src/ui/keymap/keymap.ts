import { matchKeyBindingPress, parseKeybinding, type KeyBindingPress } from 'tinykeys';

/**
 * Every keyboard shortcut of the workbench, in one table: key → command → context. The handlers of each context
 * and the `?` help overlay are both generated from it, so the help cannot drift from the keys.
 *
 * Contexts, and which element owns the keys in each (the focus model, see `focusModel.ts`):
 * - `app`: the window, while no text field, select or dialog has focus (views, help, undo, backup).
 * - `grid`: the review grid element itself (moving, opening the editor, marking, jumping).
 * - `mark`: the grid while a span of the active cell is being marked for an MQM error.
 * - `editor`: the textarea of the rendering being edited.
 * - `align`, `glossary`: the rows of those views.
 * Keys are tinykeys strings: `$mod` is Ctrl (⌘ on a Mac); a key may be an `event.key` or an `event.code`.
 */
export type KeyContext = 'app' | 'grid' | 'mark' | 'editor' | 'align' | 'glossary';

export type KeyBinding = {
  readonly command: string;
  readonly context: KeyContext;
  readonly keys: readonly string[];
  /** How the keys are written in the help, when the generated form is not clear enough. */
  readonly display?: string;
  /** Works even while a text field has focus (app context only). */
  readonly inFields?: boolean;
};

export const KEYMAP = [
  { context: 'grid', command: 'next', keys: ['ArrowDown', 'j'] },
  { context: 'grid', command: 'previous', keys: ['ArrowUp', 'k'] },
  { context: 'grid', command: 'pageDown', keys: ['PageDown'] },
  { context: 'grid', command: 'pageUp', keys: ['PageUp'] },
  { context: 'grid', command: 'first', keys: ['Home'] },
  { context: 'grid', command: 'last', keys: ['End'] },
  { context: 'grid', command: 'languageNext', keys: ['ArrowRight'] },
  { context: 'grid', command: 'languagePrevious', keys: ['ArrowLeft'] },
  { context: 'grid', command: 'edit', keys: ['Enter', 'F2'] },
  { context: 'grid', command: 'approve', keys: ['$mod+Enter'] },
  { context: 'grid', command: 'nextIssue', keys: ['n'] },
  { context: 'grid', command: 'previousIssue', keys: ['Shift+N'] },
  { context: 'grid', command: 'nextUnapproved', keys: ['u'] },
  { context: 'grid', command: 'mark', keys: ['m'] },
  { context: 'grid', command: 'annotate', keys: ['a'] },
  { context: 'grid', command: 'promote', keys: ['p'] },
  { context: 'grid', command: 'comment', keys: ['c'] },
  { context: 'grid', command: 'history', keys: ['h'] },
  { context: 'grid', command: 'search', keys: ['/'] },
  { context: 'grid', command: 'undo', keys: ['$mod+z'] },
  { context: 'grid', command: 'redo', keys: ['$mod+Shift+z', '$mod+y'] },

  { context: 'mark', command: 'extendRight', keys: ['Shift+ArrowRight'] },
  { context: 'mark', command: 'extendLeft', keys: ['Shift+ArrowLeft'] },
  { context: 'mark', command: 'extendWordRight', keys: ['$mod+Shift+ArrowRight', 'Alt+Shift+ArrowRight'] },
  { context: 'mark', command: 'extendWordLeft', keys: ['$mod+Shift+ArrowLeft', 'Alt+Shift+ArrowLeft'] },
  { context: 'mark', command: 'caretRight', keys: ['ArrowRight'] },
  { context: 'mark', command: 'caretLeft', keys: ['ArrowLeft'] },
  { context: 'mark', command: 'markAnnotate', keys: ['a', 'Enter'] },
  { context: 'mark', command: 'markCancel', keys: ['Escape'] },

  { context: 'editor', command: 'editorApprove', keys: ['$mod+Enter'] },
  { context: 'editor', command: 'saveNext', keys: ['Alt+ArrowDown'] },
  { context: 'editor', command: 'savePrevious', keys: ['Alt+ArrowUp'] },
  { context: 'editor', command: 'copyMt', keys: ['Alt+KeyM'] },
  { context: 'editor', command: 'reject', keys: ['Alt+KeyR'] },
  { context: 'editor', command: 'insertTerm', keys: ['Alt+(Digit[1-9])'], display: 'Alt+1 … Alt+9' },
  {
    context: 'editor',
    command: 'insertMatch',
    keys: ['Alt+Shift+(Digit[1-3])'],
    display: 'Alt+Shift+1 … Alt+Shift+3',
  },
  // memoQ's key for the next tag of the source.
  { context: 'editor', command: 'insertCode', keys: ['F9'] },
  { context: 'editor', command: 'cancel', keys: ['Escape'] },

  { context: 'align', command: 'alignSplit', keys: ['Enter'] },
  { context: 'align', command: 'alignMerge', keys: ['Alt+KeyM'] },
  { context: 'align', command: 'alignMoveSentence', keys: ['Alt+ArrowUp', 'Alt+ArrowDown'] },
  { context: 'align', command: 'alignMoveUnit', keys: ['Alt+Shift+ArrowUp', 'Alt+Shift+ArrowDown'] },
  { context: 'align', command: 'alignEmpty', keys: ['Alt+KeyD'] },
  { context: 'align', command: 'alignNextUncertain', keys: ['Alt+KeyN'] },
  { context: 'align', command: 'alignUndo', keys: ['$mod+z', '$mod+Shift+z', '$mod+y'] },

  { context: 'glossary', command: 'glossaryDown', keys: ['ArrowDown', 'Shift+ArrowDown'] },
  { context: 'glossary', command: 'glossaryUp', keys: ['ArrowUp', 'Shift+ArrowUp'] },
  { context: 'glossary', command: 'glossaryPageDown', keys: ['PageDown', 'Shift+PageDown'] },
  { context: 'glossary', command: 'glossaryPageUp', keys: ['PageUp', 'Shift+PageUp'] },
  { context: 'glossary', command: 'glossaryFirst', keys: ['Home', 'Shift+Home'] },
  { context: 'glossary', command: 'glossaryLast', keys: ['End', 'Shift+End'] },
  { context: 'glossary', command: 'glossaryTermNext', keys: ['ArrowRight'] },
  { context: 'glossary', command: 'glossaryTermPrevious', keys: ['ArrowLeft'] },
  { context: 'glossary', command: 'glossarySelect', keys: ['Space', 'x'] },
  { context: 'glossary', command: 'glossarySelectAll', keys: ['$mod+a'] },
  { context: 'glossary', command: 'glossaryClear', keys: ['Escape'] },
  { context: 'glossary', command: 'glossaryStatus', keys: ['a', 'f', 'p'] },
  { context: 'glossary', command: 'glossaryEdit', keys: ['Enter'] },
  { context: 'glossary', command: 'glossaryNew', keys: ['n'] },
  { context: 'glossary', command: 'glossaryDelete', keys: ['Delete'] },
  { context: 'glossary', command: 'glossarySearch', keys: ['/'] },
  { context: 'glossary', command: 'glossaryUndo', keys: ['$mod+z'] },
  { context: 'glossary', command: 'glossaryRedo', keys: ['$mod+Shift+z', '$mod+y'] },

  { context: 'app', command: 'tabs', keys: ['Alt+(Digit[1-5])'], display: 'Alt+1 … Alt+5', inFields: true },
  { context: 'app', command: 'help', keys: ['Shift+?', '?'] },
  { context: 'app', command: 'backup', keys: ['$mod+KeyS'], inFields: true },
  { context: 'app', command: 'export', keys: ['$mod+Shift+KeyE'], inFields: true },
  { context: 'app', command: 'import', keys: ['$mod+KeyO'], inFields: true },
  { context: 'app', command: 'concordance', keys: ['$mod+KeyK'], inFields: true },
] as const satisfies readonly KeyBinding[];

export type Command<C extends KeyContext> = Extract<(typeof KEYMAP)[number], { context: C }>['command'];

const parsed = new Map<string, KeyBindingPress>();
function press(keys: string): KeyBindingPress {
  let found = parsed.get(keys);
  if (!found) {
    // Single presses only: sequences ("g g") would make a typed letter wait for the next one.
    found = parseKeybinding(keys)[0] as KeyBindingPress;
    parsed.set(keys, found);
  }
  return found;
}

/** The command of `context` that this key press means, if any. */
export function commandFor<C extends KeyContext>(context: C, event: KeyboardEvent): Command<C> | undefined {
  const found = (KEYMAP as readonly KeyBinding[]).find(
    (binding) =>
      binding.context === context && binding.keys.some((keys) => matchKeyBindingPress(event, press(keys))),
  );
  return found?.command as Command<C> | undefined;
}

/** Whether the binding may fire while a text field has focus. */
export function worksInFields(context: KeyContext, command: string): boolean {
  return (KEYMAP as readonly KeyBinding[]).some(
    (binding) => binding.context === context && binding.command === command && binding.inFields === true,
  );
}

const KEY_NAMES: Readonly<Record<string, string>> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  Delete: 'Delete',
  Space: 'Space',
};

/** A key string as the help shows it: "$mod+Shift+KeyE" → "Ctrl+Shift+E", "Shift+?" → "?". */
export function formatKeys(keys: string, mac = false): string {
  if (keys === 'Shift+?') return '?';
  return keys
    .split('+')
    .map((part) => {
      if (part === '$mod') return mac ? '⌘' : 'Ctrl';
      if (/^Key[A-Z]$/.test(part)) return part.slice(3);
      if (/^Digit\d$/.test(part)) return part.slice(5);
      if (part.length === 1) return part;
      return KEY_NAMES[part] ?? part;
    })
    .join('+');
}

export type HelpRow = { readonly command: string; readonly keys: string };
export type HelpGroup = { readonly context: KeyContext; readonly rows: readonly HelpRow[] };

const HELP_ORDER: readonly KeyContext[] = ['grid', 'mark', 'editor', 'align', 'glossary', 'app'];

/** The help overlay's content: every binding, grouped by context, keys written as on the keyboard. */
export function helpGroups(mac = false): readonly HelpGroup[] {
  return HELP_ORDER.map((context) => ({
    context,
    rows: (KEYMAP as readonly KeyBinding[])
      .filter((binding) => binding.context === context)
      .map((binding) => ({
        command: binding.command,
        keys:
          binding.display ??
          [...new Set(binding.keys.filter((k) => k !== '?').map((k) => formatKeys(k, mac)))].join(' / '),
      })),
  }));
}
