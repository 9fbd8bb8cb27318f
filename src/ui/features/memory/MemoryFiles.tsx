import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileTooLarge } from '../../hooks/fileTooLarge.ts';
import { memoryFromTmx, memoryToTmx } from '../../../core/memory/memoryTmx.ts';
import type { MemoryEntry } from '../../../core/memory/types.ts';
import type { Project } from '../../../core/model/types.ts';
import { deleteMemoryEntries, importMemory } from '../../../storage/memory.ts';
import type { AudarmaDb } from '../../../storage/db.ts';
import { downloadText } from '../../components/download.ts';

type Props = {
  readonly db: AudarmaDb;
  readonly project: Project;
  readonly lang: string;
  readonly author: string;
  readonly entries: readonly MemoryEntry[];
  readonly onChanged: () => void;
};

/** TMX in and out: import a shared memory, export the project's own, and remove an imported one. */
export function MemoryFiles({ db, project, lang, author, entries, onChanged }: Props) {
  const { t } = useTranslation();
  const inputId = useId();
  const [message, setMessage] = useState<{ readonly text: string; readonly error: boolean }>();
  const imported = useMemo(() => {
    const counts = new Map<string, number>();
    for (const e of entries)
      if (e.memoryId !== project.id) counts.set(e.memoryId, (counts.get(e.memoryId) ?? 0) + 1);
    return [...counts];
  }, [entries, project.id]);
  const own = entries.filter((e) => e.memoryId === project.id && e.targetLang === lang && e.source !== '');

  const importFile = async (file: File) => {
    const tooLarge = fileTooLarge(t, file);
    if (tooLarge) {
      setMessage({ text: tooLarge, error: true });
      return;
    }
    const read = memoryFromTmx(new Uint8Array(await file.arrayBuffer()), {
      memoryId: `tmx:${file.name}`,
      sourceLang: project.sourceLang,
      targetLang: lang,
      by: author,
      at: Date.now(),
    });
    if (!read.ok) {
      const where = read.error.line ? t('memory.files.line', { line: read.error.line }) : '';
      setMessage({
        text: t('memory.files.failed', { file: file.name, where, message: read.error.message }),
        error: true,
      });
      return;
    }
    await importMemory(db, read.value);
    setMessage({
      text: t('memory.files.imported', { count: read.value.length, file: file.name }),
      error: false,
    });
    onChanged();
  };

  return (
    <div className="memory-files" role="group" aria-label={t('memory.files.label')}>
      <label htmlFor={inputId} className="link-button">
        {t('memory.files.import')}
      </label>
      <input
        id={inputId}
        type="file"
        accept=".tmx,application/x-tmx+xml,text/xml"
        className="visually-hidden"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />{' '}
      <button
        type="button"
        className="link-button"
        disabled={own.length === 0}
        onClick={() =>
          downloadText(
            `${project.name}.${project.sourceLang}-${lang}.tmx`,
            'application/x-tmx+xml',
            memoryToTmx(own, project.sourceLang, lang),
          )
        }
      >
        {t('memory.files.export', { count: own.length })}
      </button>
      {imported.length > 0 && (
        <ul className="memory-imported">
          {imported.map(([id, count]) => (
            <li key={id}>
              {t('memory.files.entry', { name: id.replace(/^tmx:/, ''), count })}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  const ids = entries.filter((e) => e.memoryId === id).map((e) => e.id);
                  void deleteMemoryEntries(db, ids).then(onChanged);
                }}
              >
                {t('memory.files.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'editor-error' : 'panel-sub'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
