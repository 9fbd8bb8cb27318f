import { useContext, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Issue } from '../../../core/checks/types.ts';
import type { TermSuggestion } from '../../../core/glossary/termMarks.ts';
import { useTranslation } from 'react-i18next';
import { commandFor } from '../../keymap/keymap.ts';
import { reportProblem } from '../../app/problems.ts';
import { MemoryMatchesContext } from '../memory/MemoryMatchesContext.ts';
import { fromLabels, hasCodeChars, toLabels } from '../../../core/text/codeTokens.ts';
import { insertNextCode, keepCodesWhole, snapSelection, sourceCodes } from './codeEditing.ts';

/** What the editor asks for; `baseRevision` is the stored revision its text started from. */
export type EditorCommand =
  | { readonly type: 'approve'; readonly text: string; readonly baseRevision: number }
  | { readonly type: 'save'; readonly text: string; readonly move: 1 | -1 | 0; readonly baseRevision: number }
  | { readonly type: 'reject'; readonly text: string; readonly reason: string; readonly baseRevision: number }
  | { readonly type: 'cancel' };

type Props = {
  readonly label: string;
  /** The stored text and revision of the rendering; they may change while the editor is open (a fix, an undo). */
  readonly text: string;
  readonly revision: number;
  readonly machineText: string | undefined;
  readonly error: string | undefined;
  /** The text has been sent to be written: the editor shows it but takes no keys (the grid holds them). */
  readonly busy?: boolean;
  readonly onCommand: (command: EditorCommand) => void;
  /** Checks the draft as it is typed; its findings are listed under the editor. */
  readonly checkDraft?: (text: string) => Promise<readonly Issue[]>;
  /** Approved glossary renderings for this unit; Alt+1…9 or a click inserts one at the cursor. */
  readonly suggestions?: readonly TermSuggestion[];
  /** The unit's source, whose inline codes F9 inserts. */
  readonly source?: string;
};

const DRAFT_CHECK_DELAY_MS = 300;

const MAX_ROWS = 16;

/**
 * The in-place editor of one rendering. Keys follow CAT-tool habits: Ctrl+Enter approves and moves on,
 * Alt+Down / Alt+Up keep the text and move, Escape leaves without saving, Alt+M copies the machine translation.
 * When the stored rendering changes under it, an untouched draft follows; a touched one asks which to keep.
 * Inline codes show as labels (⟨1⟩, ⟨/1⟩, ⟨2/⟩) that an edit keeps or removes whole and the caret passes as one
 * unit (see codeEditing); F9 puts in the next code of the source that the text lacks.
 */
export function CellEditor({
  label,
  text: stored,
  revision,
  machineText,
  error,
  busy = false,
  onCommand,
  checkDraft,
  suggestions = [],
  source = '',
}: Props) {
  const { t } = useTranslation();
  const memoryMatches = useContext(MemoryMatchesContext);
  const [text, setText] = useState(stored);
  const [base, setBase] = useState({ text: stored, revision });
  const [changedUnder, setChangedUnder] = useState<string | undefined>(undefined);
  if (revision !== base.revision) {
    setBase({ text: stored, revision });
    if (text === base.text) setText(stored);
    else if (stored !== text) setChangedUnder(stored);
  }
  const initialText = base.text;
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const shown = toLabels(text);
  // Where the caret goes after an edit this editor made to the text, and where it was last (to snap past labels).
  const caretAfter = useRef<number | undefined>(undefined);
  const lastCaret = useRef(0);
  const setShown = (next: string, caret: number) => {
    caretAfter.current = caret;
    setText(fromLabels(next));
  };
  const [draftIssues, setDraftIssues] = useState<{
    readonly text: string;
    readonly issues: readonly Issue[];
  }>();

  useEffect(() => {
    if (!checkDraft || text === initialText) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      checkDraft(text)
        .then((issues) => {
          if (!cancelled) setDraftIssues({ text, issues });
        })
        .catch((error: unknown) => {
          // An effect that was left (another document, the app closed) has no one to tell.
          if (!cancelled) reportProblem(error);
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
    const start = area?.selectionStart ?? shown.length;
    const end = area?.selectionEnd ?? shown.length;
    setShown(shown.slice(0, start) + term + shown.slice(end), start + term.length);
    area?.focus();
  };
  const insertCode = () => {
    const area = textareaRef.current;
    const start = area?.selectionStart ?? shown.length;
    const end = area?.selectionEnd ?? shown.length;
    const next = insertNextCode(source, shown, start, end);
    if (next) setShown(next.text, next.caret);
    area?.focus();
  };
  const codes = hasCodeChars(source) ? sourceCodes(source, text) : [];

  useLayoutEffect(() => {
    const caret = caretAfter.current;
    if (caret === undefined) return;
    caretAfter.current = undefined;
    textareaRef.current?.setSelectionRange(caret, caret);
    lastCaret.current = caret;
  }, [text]);

  // The editor grows with its content, up to a limit past which it scrolls.
  useLayoutEffect(() => {
    const area = textareaRef.current;
    if (!area) return;
    area.style.height = 'auto';
    const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 20;
    area.style.height = `${Math.min(area.scrollHeight + 2, lineHeight * MAX_ROWS)}px`;
  }, [text]);

  const [blocked, setBlocked] = useState(false);
  /** Writes wait until a change made under the editor has been seen and decided on. */
  const send = (command: EditorCommand) => {
    if (changedUnder !== undefined && command.type !== 'cancel') {
      setBlocked(true);
      return;
    }
    onCommand(command);
  };
  const resolve = (take: 'theirs' | 'mine') => {
    if (take === 'theirs' && changedUnder !== undefined) setText(changedUnder);
    setChangedUnder(undefined);
    setBlocked(false);
    textareaRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (busy) return;
    const command = commandFor('editor', event.nativeEvent);
    if (!command) return;
    switch (command) {
      case 'insertTerm': {
        const suggestion = suggestions[Number(event.code.slice(5)) - 1];
        if (!suggestion) return;
        insert(suggestion.text);
        break;
      }
      case 'insertCode':
        insertCode();
        break;
      case 'insertMatch': {
        // A memory match replaces the whole draft, as in CAT tools; the reviewer then edits what differs.
        const match = memoryMatches[Number(event.code.slice(5)) - 1];
        if (match === undefined) return;
        setText(match);
        break;
      }
      case 'editorApprove':
        send({ type: 'approve', text, baseRevision: base.revision });
        break;
      case 'cancel':
        onCommand({ type: 'cancel' });
        break;
      case 'saveNext':
      case 'savePrevious':
        send({ type: 'save', text, move: command === 'saveNext' ? 1 : -1, baseRevision: base.revision });
        break;
      case 'copyMt':
        if (machineText === undefined) return;
        setText(machineText);
        break;
      case 'reject':
        setRejecting(true);
        break;
    }
    // Handled here: neither the grid nor the window shortcuts (Alt+1…5 switch views) see it.
    event.preventDefault();
    event.stopPropagation();
  };

  const submitReject = () => {
    if (reason.trim() !== '') send({ type: 'reject', text, reason, baseRevision: base.revision });
  };

  return (
    <div className="cell-editor">
      <textarea
        ref={textareaRef}
        aria-label={label}
        aria-describedby={hintId}
        value={shown}
        readOnly={busy}
        autoFocus
        rows={2}
        onChange={(event) => {
          const next = keepCodesWhole(shown, event.target.value, event.target.selectionStart);
          setShown(next.text, next.caret);
        }}
        onSelect={(event) => {
          const area = event.currentTarget;
          const { selectionStart: start, selectionEnd: end } = area;
          const snapped = snapSelection(area.value, start, end, lastCaret.current);
          if (snapped.start !== start || snapped.end !== end)
            area.setSelectionRange(snapped.start, snapped.end);
          lastCaret.current = snapped.end;
        }}
        onKeyDown={onKeyDown}
        spellCheck
      />
      {changedUnder !== undefined && (
        <div className="editor-conflict" role="alert">
          <p>{t('editor.changedUnder')}</p>
          <p className="editor-conflict-text">{toLabels(changedUnder)}</p>
          {blocked && <p className="editor-error">{t('editor.resolveFirst')}</p>}
          <div className="editor-actions">
            <button type="button" className="primary" onClick={() => resolve('theirs')}>
              {t('editor.takeTheirs')}
            </button>
            <button type="button" onClick={() => resolve('mine')}>
              {t('editor.keepMine')}
            </button>
          </div>
        </div>
      )}
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
      {codes.length > 0 && (
        <div className="code-chips" role="group" aria-label={t('editor.codes')}>
          <span>{t('editor.codes')}</span>
          {codes.map((code) =>
            code.present ? (
              <span key={code.label} className="code-chip">
                {code.label}
              </span>
            ) : (
              <button
                key={code.label}
                type="button"
                className="code-chip missing"
                title={t('editor.codeMissing', { code: code.label })}
                onClick={insertCode}
              >
                {code.label}
              </button>
            ),
          )}
          <kbd>F9</kbd>
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
        <button
          type="button"
          className="primary"
          onClick={() => send({ type: 'approve', text, baseRevision: base.revision })}
        >
          {t('editor.approve')} <kbd>Ctrl+Enter</kbd>
        </button>
        <button
          type="button"
          onClick={() => send({ type: 'save', text, move: 0, baseRevision: base.revision })}
        >
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
