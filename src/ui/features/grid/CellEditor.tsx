import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Issue } from '../../../core/checks/types.ts';
import type { TermSuggestion } from '../../../core/glossary/termMarks.ts';
import { useTranslation } from 'react-i18next';

export type EditorCommand =
  | { readonly type: 'approve'; readonly text: string }
  | { readonly type: 'save'; readonly text: string; readonly move: 1 | -1 | 0 }
  | { readonly type: 'reject'; readonly text: string; readonly reason: string }
  | { readonly type: 'cancel' };

type Props = {
  readonly label: string;
  readonly initialText: string;
  readonly machineText: string | undefined;
  readonly error: string | undefined;
  readonly onCommand: (command: EditorCommand) => void;
  /** Checks the draft as it is typed; its findings are listed under the editor. */
  readonly checkDraft?: (text: string) => Promise<readonly Issue[]>;
  /** Approved glossary renderings for this unit; Alt+1…9 or a click inserts one at the cursor. */
  readonly suggestions?: readonly TermSuggestion[];
};

const DRAFT_CHECK_DELAY_MS = 300;

/**
 * The in-place editor of one rendering. Keys follow CAT-tool habits: Ctrl+Enter approves and moves on,
 * Alt+Down / Alt+Up keep the text and move, Escape leaves without saving, Alt+M copies the machine translation.
 */
export function CellEditor({
  label,
  initialText,
  machineText,
  error,
  onCommand,
  checkDraft,
  suggestions = [],
}: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(initialText);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const [draftIssues, setDraftIssues] = useState<{
    readonly text: string;
    readonly issues: readonly Issue[];
  }>();

  useEffect(() => {
    if (!checkDraft || text === initialText) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void checkDraft(text).then((issues) => {
        if (!cancelled) setDraftIssues({ text, issues });
      });
    }, DRAFT_CHECK_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [checkDraft, text, initialText]);
  const liveIssues = draftIssues?.text === text ? draftIssues.issues : undefined;

  const insert = (term: string) => {
    const area = textareaRef.current;
    const start = area?.selectionStart ?? text.length;
    const end = area?.selectionEnd ?? text.length;
    setText(text.slice(0, start) + term + text.slice(end));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + term.length, start + term.length);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const digit = event.altKey && /^Digit[1-9]$/.test(event.code) ? Number(event.code.slice(5)) : 0;
    if (digit > 0 && suggestions[digit - 1]) {
      event.preventDefault();
      event.stopPropagation();
      insert(suggestions[digit - 1]!.text);
      return;
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onCommand({ type: 'approve', text });
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onCommand({ type: 'cancel' });
    } else if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      onCommand({ type: 'save', text, move: event.key === 'ArrowDown' ? 1 : -1 });
    } else if (event.altKey && event.code === 'KeyM' && machineText !== undefined) {
      event.preventDefault();
      setText(machineText);
    } else if (event.altKey && event.code === 'KeyR') {
      event.preventDefault();
      setRejecting(true);
    }
  };

  const submitReject = () => {
    if (reason.trim() !== '') onCommand({ type: 'reject', text, reason });
  };

  return (
    <div className="cell-editor">
      <textarea
        ref={textareaRef}
        aria-label={label}
        aria-describedby={hintId}
        value={text}
        autoFocus
        rows={Math.min(8, Math.max(2, Math.ceil(text.length / 60)))}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        spellCheck
      />
      {suggestions.length > 0 && (
        <div className="term-suggestions" role="group" aria-label={t('editor.terms')}>
          <span>{t('editor.terms')}</span>
          {suggestions.slice(0, 9).map((suggestion, i) => (
            <button
              key={suggestion.entryId}
              type="button"
              className="term-chip"
              title={t('editor.insertTerm', { found: suggestion.found, text: suggestion.text })}
              onClick={() => insert(suggestion.text)}
            >
              <kbd>Alt+{i + 1}</kbd> {suggestion.text}
            </button>
          ))}
        </div>
      )}
      <p id={hintId} className="editor-hint">
        {t('editor.hint')}
      </p>
      {liveIssues && (
        <div className="draft-issues" role="status" aria-live="polite">
          {liveIssues.length === 0 ? (
            <span className="draft-clean">{t('issues.draftClean')}</span>
          ) : (
            <ul>
              {liveIssues.map((issue) => (
                <li key={issue.id} className={`severity-${issue.severity}`}>
                  {t(issue.messageKey, { ...issue.params, defaultValue: issue.check })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="editor-error">
          {error}
        </p>
      )}
      {rejecting ? (
        <div className="reject-form">
          <label>
            <span>{t('editor.rejectReason')}</span>
            <input
              autoFocus
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  submitReject();
                } else if (event.key === 'Escape') {
                  event.preventDefault();
                  setRejecting(false);
                  textareaRef.current?.focus();
                }
              }}
            />
          </label>
          <button type="button" className="danger" disabled={reason.trim() === ''} onClick={submitReject}>
            {t('editor.confirmReject')}
          </button>
        </div>
      ) : null}
      <div className="editor-actions">
        <button type="button" className="primary" onClick={() => onCommand({ type: 'approve', text })}>
          {t('editor.approve')} <kbd>Ctrl+Enter</kbd>
        </button>
        <button type="button" onClick={() => onCommand({ type: 'save', text, move: 0 })}>
          {t('editor.save')}
        </button>
        <button type="button" onClick={() => setRejecting(true)}>
          {t('editor.reject')} <kbd>Alt+R</kbd>
        </button>
        {machineText !== undefined && (
          <button
            type="button"
            onClick={() => {
              setText(machineText);
              textareaRef.current?.focus();
            }}
          >
            {t('editor.copyMt')} <kbd>Alt+M</kbd>
          </button>
        )}
        <button type="button" onClick={() => onCommand({ type: 'cancel' })}>
          {t('editor.cancel')} <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}
