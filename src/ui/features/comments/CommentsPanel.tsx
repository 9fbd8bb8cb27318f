import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment } from '../../../core/model/review.ts';
import { dateFormatter } from '../../../i18n/formatDate.ts';

type Props = {
  readonly unitNumber: number;
  readonly comments: readonly Comment[];
  readonly onAdd: (text: string) => Promise<string | undefined>;
  readonly onResolve: () => void;
  readonly onReopen: () => void;
  readonly inputRef?: React.Ref<HTMLTextAreaElement>;
  /** Esc in the comment box: back to where the reviewer was working. */
  readonly onLeave?: () => void;
};

/** The discussion of the active unit: comments in order, a box to add one, and resolving the thread. */
export function CommentsPanel({
  unitNumber,
  comments,
  onAdd,
  onResolve,
  onReopen,
  inputRef,
  onLeave,
}: Props) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const open = comments.some((c) => c.open === 1);
  const time = dateFormatter(i18n.language, 'short');
  const submit = async () => {
    if (draft.trim() === '') return;
    const problem = await onAdd(draft);
    setError(problem);
    if (!problem) setDraft('');
  };
  return (
    <section className="panel comments-panel" aria-label={t('comments.title')}>
      <h2>
        {t('comments.title')} <span className="panel-sub">{t('comments.unit', { n: unitNumber })}</span>
        {comments.length > 0 && (
          <span className={`thread-state ${open ? 'open' : 'resolved'}`}>
            {open ? t('comments.open') : t('comments.resolved')}
          </span>
        )}
      </h2>
      {comments.length > 0 && (
        <ol className="comment-list">
          {comments.map((comment) => (
            <li key={comment.id} className={comment.open ? 'comment' : 'comment resolved'}>
              <div className="comment-meta">
                <strong>{comment.author}</strong>
                {comment.lang && <span>{t(`language.${comment.lang}`)}</span>}
                <time dateTime={new Date(comment.at).toISOString()}>{time(comment.at)}</time>
              </div>
              <p>{comment.text}</p>
              {comment.resolvedBy && (
                <p className="comment-resolution">{t('comments.resolvedBy', { name: comment.resolvedBy })}</p>
              )}
            </li>
          ))}
        </ol>
      )}
      <label className="field">
        <span className="visually-hidden">{t('comments.new')}</span>
        <textarea
          ref={inputRef}
          rows={2}
          placeholder={t('comments.placeholder')}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void submit();
            } else if (event.key === 'Escape' && onLeave) {
              event.preventDefault();
              onLeave();
            }
          }}
        />
      </label>
      {error && (
        <p role="alert" className="editor-error">
          {error}
        </p>
      )}
      <div className="panel-actions">
        <button
          type="button"
          className="primary"
          disabled={draft.trim() === ''}
          onClick={() => void submit()}
        >
          {t('comments.post')}
        </button>
        {open && (
          <button type="button" onClick={onResolve}>
            {t('comments.resolve')}
          </button>
        )}
        {!open && comments.length > 0 && (
          <button type="button" onClick={onReopen}>
            {t('comments.reopen')}
          </button>
        )}
      </div>
    </section>
  );
}
