import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlossaryProblem } from '../../../core/glossary/glossaryProblem.ts';
import { classifyStorageError } from '../../../storage/errors.ts';
import { writeGlossary } from '../../../storage/glossary.ts';
import type { Workbench } from '../../app/useWorkbench.ts';
import {
  parseGlossaryFile,
  planImport,
  previewImport,
  type DuplicateChoice,
  type ImportPreview,
} from './importPlan.ts';

type Pending = { readonly file: string; readonly preview: ImportPreview; readonly total: number };

/**
 * A glossary problem in the reviewer's language: the core's messages carry their line; one without a
 * translation falls back to the core's English text, still with its line.
 */
export function useProblemText() {
  const { t, i18n } = useTranslation();
  return (problem: GlossaryProblem, file?: string): string => {
    const message = i18n.exists(problem.key)
      ? t(problem.key, problem.params)
      : problem.line !== undefined
        ? t('glossary.import.lineMessage', { line: problem.line, message: problem.message })
        : problem.message;
    return file ? t('glossary.import.errorIn', { file, message }) : message;
  };
}

/**
 * Imports a TBX or glossary CSV file: parse (a bad file names its line and nothing is imported), preview the
 * counts and the entries already in the glossary, choose to merge or skip those, then write in one transaction.
 */
export function GlossaryImport({
  workbench,
  onDone,
}: {
  readonly workbench: Workbench;
  readonly onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const id = useId();
  const [pending, setPending] = useState<Pending | undefined>(undefined);
  const [choice, setChoice] = useState<DuplicateChoice>('merge');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setPending(undefined);
    setError(undefined);
    const text = await file.text();
    const parsed = parseGlossaryFile(file.name, text, workbench.project.id, Date.now());
    if (!parsed.ok) {
      setError(problemText(parsed.error, file.name));
      return;
    }
    if (parsed.value.length === 0) {
      setError(t('glossary.import.emptyFile', { file: file.name }));
      return;
    }
    setPending({
      file: file.name,
      preview: previewImport(workbench.glossary, parsed.value),
      total: parsed.value.length,
    });
  };

  const commit = async () => {
    if (!pending) return;
    setBusy(true);
    const { write, counts } = planImport(pending.preview, choice, {
      projectId: workbench.project.id,
      by: workbench.author,
      at: Date.now(),
      file: pending.file,
    });
    try {
      await writeGlossary(workbench.db, write);
      setPending(undefined);
      workbench.reload();
      onDone(t('glossary.import.done', { file: pending.file, ...counts }));
    } catch (failure) {
      const storage = classifyStorageError(failure);
      setError(t(`storage.failure.${storage.failure}`, { message: storage.message }));
    } finally {
      setBusy(false);
    }
  };

  const duplicates = pending?.preview.duplicates ?? [];
  return (
    <div className="glossary-import">
      <label className="glossary-file">
        {t('glossary.import.choose')}{' '}
        <input type="file" accept=".tbx,.xml,.csv,.tsv,.txt" onChange={(e) => void onFile(e)} />
      </label>
      {error && (
        <p role="alert" className="glossary-error">
          {error}
        </p>
      )}
      {pending && (
        <section className="panel glossary-import-preview" aria-label={t('glossary.import.preview')}>
          <h2>{t('glossary.import.preview')}</h2>
          <p>
            {t('glossary.import.summary', {
              file: pending.file,
              total: pending.total,
              fresh: pending.preview.fresh.length,
              duplicates: duplicates.length,
            })}
          </p>
          {duplicates.length > 0 && (
            <>
              <ul className="glossary-duplicates" aria-label={t('glossary.import.duplicates')}>
                {duplicates.slice(0, 20).map((d, i) => (
                  <li key={i}>
                    {t('glossary.import.duplicate', {
                      incoming: d.incoming.terms.map((term) => term.text).join(' · '),
                      existing: d.existing.terms.map((term) => term.text).join(' · '),
                    })}
                  </li>
                ))}
                {duplicates.length > 20 && (
                  <li>{t('glossary.import.more', { count: duplicates.length - 20 })}</li>
                )}
              </ul>
              <fieldset>
                <legend>{t('glossary.import.duplicateChoice')}</legend>
                <label>
                  <input
                    type="radio"
                    name={`${id}-choice`}
                    checked={choice === 'merge'}
                    onChange={() => setChoice('merge')}
                  />{' '}
                  {t('glossary.import.merge')}
                </label>
                <label>
                  <input
                    type="radio"
                    name={`${id}-choice`}
                    checked={choice === 'skip'}
                    onChange={() => setChoice('skip')}
                  />{' '}
                  {t('glossary.import.skip')}
                </label>
              </fieldset>
            </>
          )}
          <div className="glossary-editor-actions">
            <button
              type="button"
              className="glossary-button primary"
              disabled={busy}
              onClick={() => void commit()}
            >
              {t('glossary.import.commit')}
            </button>
            <button type="button" className="glossary-button" onClick={() => setPending(undefined)}>
              {t('glossary.import.cancel')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
