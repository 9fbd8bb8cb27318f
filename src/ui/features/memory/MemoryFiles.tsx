import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importedMemoryId, memoryName } from '../../../core/memory/types.ts';
import { fileTooLarge } from '../../hooks/fileTooLarge.ts';
import type { Project } from '../../../core/model/types.ts';
import { deleteMemory, importMemory } from '../../../storage/memory.ts';
import type { AudarmaDb } from '../../../storage/db.ts';
import type { MemorySummary } from '../../../worker/jobs/memoryMatches.ts';
import { reportProblem } from '../../app/problems.ts';
import { downloadText } from '../../components/download.ts';
import { runJob } from '../../hooks/runJob.ts';

type Props = {
  readonly db: AudarmaDb;
  readonly project: Project;
  readonly lang: string;
  readonly author: string;
  /** Names the memory's current state; the summary is asked for again when it changes. */
  readonly version: string;
  readonly onChanged: () => void;
  /** Opens the memory editor, with the imported memories there are. */
  readonly onEdit: (imported: readonly string[]) => void;
};

/** TMX in and out: import a shared memory, export the project's own, remove an imported one, open the editor. */
export function MemoryFiles({ db, project, lang, author, version, onChanged, onEdit }: Props) {
  const { t } = useTranslation();
  const inputId = useId();
  const [message, setMessage] = useState<{ readonly text: string; readonly error: boolean }>();
  const summary = useSummary(db.name, project, lang, version);
  const ask = { db: db.name, projectId: project.id, sourceLang: project.sourceLang, lang };

  const importFile = async (file: File) => {
    const tooLarge = fileTooLarge(t, file);
    if (tooLarge) {
      setMessage({ text: tooLarge, error: true });
      return;
    }
    // The TMX reader (an XML parser) is loaded when a file is chosen, not with the first screen.
    const { memoryFromTmx } = await import('../../../core/memory/memoryTmx.ts');
    const read = memoryFromTmx(new Uint8Array(await file.arrayBuffer()), {
      memoryId: importedMemoryId(file.name),
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

  const own = summary?.own ?? 0;
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
          if (file) void importFile(file).catch(reportProblem);
        }}
      />{' '}
      <button
        type="button"
        className="link-button"
        disabled={own === 0}
        onClick={() => {
          runJob('memoryExport', ask)
            .then((tmx) =>
              downloadText(`${project.name}.${project.sourceLang}-${lang}.tmx`, 'application/x-tmx+xml', tmx),
            )
            .catch(reportProblem);
        }}
      >
        {t('memory.files.export', { count: own })}
      </button>{' '}
      <button
        type="button"
        className="link-button"
        disabled={(summary?.total ?? 0) === 0}
        onClick={() => onEdit(summary?.imported.map((m) => m.id) ?? [])}
      >
        {t('memory.editor.open')}
      </button>
      {summary && summary.imported.length > 0 && (
        <ul className="memory-imported">
          {summary.imported.map(({ id, count }) => (
            <li key={id}>
              {t('memory.files.entry', { name: memoryName(id), count })}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => void deleteMemory(db, id).then(onChanged, reportProblem)}
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

function useSummary(db: string, project: Project, lang: string, version: string): MemorySummary | undefined {
  const [summary, setSummary] = useState<MemorySummary>();
  useEffect(() => {
    let cancelled = false;
    runJob('memorySummary', { db, projectId: project.id, sourceLang: project.sourceLang, lang })
      .then((value) => {
        if (!cancelled) setSummary(value);
      })
      .catch((error: unknown) => {
        if (!cancelled) reportProblem(error);
      });
    return () => {
      cancelled = true;
    };
  }, [db, project.id, project.sourceLang, lang, version]);
  return summary;
}
