import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type ToolbarCommand =
  | 'mergeNext'
  | 'mergePrevious'
  | 'split'
  | 'sentenceUp'
  | 'sentenceDown'
  | 'unitUp'
  | 'unitDown'
  | 'detach'
  | 'nextUncertain'
  | 'undo'
  | 'redo';

/** Commands with their shortcuts, in toolbar order (merging with the previous row is Backspace only). */
const BUTTONS: readonly { command: ToolbarCommand; shortcut: string; keys: string }[] = [
  { command: 'mergeNext', shortcut: 'Alt+M', keys: 'Alt+M' },
  { command: 'split', shortcut: 'Enter', keys: 'Enter' },
  { command: 'sentenceUp', shortcut: 'Alt+↑', keys: 'Alt+ArrowUp' },
  { command: 'sentenceDown', shortcut: 'Alt+↓', keys: 'Alt+ArrowDown' },
  { command: 'unitUp', shortcut: 'Alt+Shift+↑', keys: 'Alt+Shift+ArrowUp' },
  { command: 'unitDown', shortcut: 'Alt+Shift+↓', keys: 'Alt+Shift+ArrowDown' },
  { command: 'detach', shortcut: 'Alt+D', keys: 'Alt+D' },
  { command: 'nextUncertain', shortcut: 'Alt+N', keys: 'Alt+N' },
  { command: 'undo', shortcut: 'Ctrl+Z', keys: 'Control+Z' },
  { command: 'redo', shortcut: 'Ctrl+Shift+Z', keys: 'Control+Shift+Z' },
];

/** Commands on the active row; extra controls (order, filter) go after them. */
export function AlignToolbar({
  row,
  canUndo,
  canRedo,
  onCommand,
  children,
}: {
  readonly row: number;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly onCommand: (command: ToolbarCommand) => void;
  readonly children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="align-toolbar" role="toolbar" aria-label={t('align.toolbar', { row: row + 1 })}>
      {BUTTONS.map(({ command, shortcut, keys }) => (
        <button
          key={command}
          type="button"
          aria-keyshortcuts={keys}
          title={command === 'detach' ? `${t('align.detachHint')} (${shortcut})` : shortcut}
          disabled={(command === 'undo' && !canUndo) || (command === 'redo' && !canRedo)}
          // Keep the caret in the row's text: a click must not move the focus before the split reads it.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onCommand(command)}
        >
          {t(`align.command.${command}`)}
          <kbd aria-hidden="true">{shortcut}</kbd>
        </button>
      ))}
      <span className="align-toolbar-extra">{children}</span>
    </div>
  );
}
