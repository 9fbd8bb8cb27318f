import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConcordanceHit } from '../../../core/memory/concordance.ts';
import { memoryName, type MemoryEntry } from '../../../core/memory/types.ts';
import { deleteMemoryEntries, editMemoryEntry } from '../../../storage/memory.ts';
import type { AudarmaDb } from '../../../storage/db.ts';
import { reportProblem } from '../../app/problems.ts';
import { runJob } from '../../hooks/runJob.ts';
import { Highlighted } from './ConcordanceDialog.tsx';
import { Modal } from '../../components/Modal.tsx';

type Props = {
  readonly db: AudarmaDb;
  readonly projectId: string;
  /** Imported memories by id, for the choice of which memory to show. */
  readonly imported: readonly string[];
  readonly author: string;
  readonly originOf: (entry: MemoryEntry) => string;
  readonly onChanged: () => void;
  readonly onClose: () => void;
};

const ALL = '';
/** When a change is made: read at the click, never during a render. */
const now = () => Date.now();

/**
 * The memory editor: find entries by a phrase (or see the latest), correct a stored rendering, or prune entries
 * that should no longer be offered. Every change says who made it and when, as approvals do.
 */
export function MemoryEditor({ db, projectId, imported, author, originOf, onChanged, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [phrase, setPhrase] = useState('');
  const [memoryId, setMemoryId] = useState(ALL);
  const [generation, setGeneration] = useState(0);
  const [editing, setEditing] = useState<{ readonly id: string; readonly text: string }>();
  const [status, setStatus] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  // A row's field or buttons go away after a save or a deletion; the search field takes the focus back, so the
  // keyboard (Esc included) keeps working in the dialog.
  const search = useRef<HTMLInputElement>(null);
  const stopEditing = () => {
    setEditing(undefined);
    search.current?.focus();
  };
  const deferred = useDeferredValue(phrase);
  const hits = useSearch(db.name, deferred, memoryId, generation);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  const changed = (message: string) => {
    setStatus(message);
    setConfirming(false);
    setGeneration((g) => g + 1);
    onChanged();
  };
  const save = (entry: MemoryEntry, text: string) => {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed === entry.target) {
      stopEditing();
      return;
    }
    editMemoryEntry(db, entry.id, trimmed, author, now())
      .then(() => {
        stopEditing();
        changed(t('memory.editor.saved'));
      })
      .catch(reportProblem);
  };
  const remove = (entry: MemoryEntry) =>
    deleteMemoryEntries(db, [entry.id])
      .then(() => {
        search.current?.focus();
        changed(t('memory.editor.removed', { count: 1 }));
      })
      .catch(reportProblem);
  const removeShown = () =>
    deleteMemoryEntries(
      db,
      hits.map((h) => h.entry.id),
    )
      .then(() => changed(t('memory.editor.removed', { count: hits.length })))
      .catch(reportProblem);

  return (
    // While an entry is being edited, Escape belongs to its field (it cancels the edit), never to the dialog.
    <Modal
      title={t('memory.editor.title')}
      className="memory-editor"
      onEscape={editing ? undefined : onClose}
    >
      <div className="memory-editor-filters">
        <label className="concordance-field">
          <span>{t('memory.editor.phrase')}</span>
          <input
            ref={search}
            type="search"
            autoFocus
            value={phrase}
            onChange={(event) => {
              setPhrase(event.target.value);
              setStatus(undefined);
              setConfirming(false);
            }}
          />
        </label>
        <label>
          <span>{t('memory.editor.memory')}</span>{' '}
          <select
            value={memoryId}
            onChange={(event) => {
              setMemoryId(event.target.value);
              setStatus(undefined);
              setConfirming(false);
            }}
          >
            <option value={ALL}>{t('memory.editor.all')}</option>
            <option value={projectId}>{t('memory.editor.own')}</option>
            {imported.map((id) => (
              <option key={id} value={id}>
                {memoryName(id)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p role="status" className="panel-sub">
        {status ??
          (deferred.trim().length < 2
            ? t('memory.editor.latest', { count: hits.length })
            : t('memory.concordance.count', { count: hits.length }))}
      </p>
      <table className="concordance-results">
        <thead>
          <tr>
            <th scope="col">{t('memory.concordance.source')}</th>
            <th scope="col">{t('memory.concordance.target')}</th>
            <th scope="col">{t('memory.editor.changed')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('memory.editor.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {hits.map((hit) => {
            const { entry } = hit;
            const open = editing?.id === entry.id;
            return (
              <tr key={entry.id}>
                <td>
                  {entry.source !== '' ? (
                    <Highlighted text={entry.source} spans={hit.source} lang={entry.sourceLang} />
                  ) : (
                    <Highlighted text={entry.mt ?? ''} spans={hit.mt} lang={entry.targetLang} />
                  )}
                </td>
                <td>
                  {open ? (
                    <textarea
                      aria-label={t('memory.editor.target')}
                      lang={entry.targetLang}
                      autoFocus
                      value={editing.text}
                      onChange={(event) => setEditing({ id: entry.id, text: event.target.value })}
                      onKeyDown={(event) => {
                        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                          event.preventDefault();
                          save(entry, editing.text);
                        } else if (event.key === 'Escape') {
                          event.preventDefault();
                          event.stopPropagation();
                          stopEditing();
                        }
                      }}
                    />
                  ) : (
                    <Highlighted text={entry.target} spans={hit.target} lang={entry.targetLang} />
                  )}
                </td>
                <td className="panel-sub">
                  {t('memory.editor.by', {
                    who: entry.updatedBy || t('memory.editor.unknown'),
                    when: date.format(entry.updatedAt),
                  })}
                  <br />
                  {originOf(entry)}
                </td>
                <td className="memory-editor-actions">
                  {open ? (
                    <>
                      <button type="button" onClick={() => save(entry, editing.text)}>
                        {t('memory.editor.save')}
                      </button>{' '}
                      <button type="button" className="link-button" onClick={stopEditing}>
                        {t('memory.editor.cancel')}
                      </button>
                    </>
                  ) : (
                    <>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => {
                          setStatus(undefined);
                          setEditing({ id: entry.id, text: entry.target });
                        }}
                      >
                        {t('memory.editor.edit')}
                      </button>{' '}
                      <button type="button" className="link-button" onClick={() => void remove(entry)}>
                        {t('memory.editor.remove')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="editor-actions">
        <button
          type="button"
          className="link-button"
          disabled={hits.length === 0 || deferred.trim().length < 2}
          onClick={() => (confirming ? void removeShown() : setConfirming(true))}
        >
          {t(confirming ? 'memory.editor.confirmRemove' : 'memory.editor.removeShown', {
            count: hits.length,
          })}
        </button>
        <button type="button" onClick={onClose}>
          {t('memory.concordance.close')}
        </button>
      </div>
    </Modal>
  );
}

function useSearch(
  db: string,
  phrase: string,
  memoryId: string,
  generation: number,
): readonly ConcordanceHit[] {
  const [hits, setHits] = useState<readonly ConcordanceHit[]>([]);
  useEffect(() => {
    let cancelled = false;
    runJob('memorySearch', { db, phrase, ...(memoryId !== ALL ? { memoryId } : {}) })
      .then((found) => {
        if (!cancelled) setHits(found);
      })
      .catch((error: unknown) => {
        if (!cancelled) reportProblem(error);
      });
    return () => {
      cancelled = true;
    };
  }, [db, phrase, memoryId, generation]);
  return hits;
}
