import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fileTooLarge } from '../../hooks/fileTooLarge.ts';
import type { GlossaryProblem } from '../../../core/glossary/glossaryProblem.ts';
import { classifyStorageError } from '../../../storage/errors.ts';
import { writeGlossary } from '../../../storage/glossary.ts';
import type { Workbench } from '../../app/useWorkbench.ts';
import { stepOf, type GlossaryStep } from '../../../core/glossary/revertEntries.ts';
import { TERM_STATUSES, type TermEntry, type TermStatus } from '../../../core/model/term.ts';
import { FileInput } from '../../components/FileInput.tsx';
import {
  choicesFor,
  defaultChoice,
  parseGlossaryFile,
  planImport,
  previewImport,
  type ImportDifference,
  type ImportRow,
  type RowChoice,
} from './importPlan.ts';

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

const SHOWN = 200;

type Pending = {
  readonly file: string;
  readonly text: string;
  readonly missingStatus: TermStatus;
  readonly rows: readonly ImportRow[];
  readonly choices: readonly RowChoice[];
};

/**
 * Imports a TBX or glossary CSV file: parse (a bad file names its line and nothing is imported), then preview
 * every entry with its match against the glossary (new, same, conflicting — with what differs) and a choice
 * per entry, then write in one transaction. Terms the file gives no status arrive as proposed unless the
 * terminologist says otherwise.
 */
export function GlossaryImport({
  workbench,
  onDone,
}: {
  readonly workbench: Workbench;
  readonly onDone: (message: string, step?: GlossaryStep) => void;
}) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const id = useId();
  const [pending, setPending] = useState<Pending | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const prepare = (file: string, text: string, missingStatus: TermStatus) => {
    const parsed = parseGlossaryFile(file, text, workbench.project.id, Date.now(), missingStatus);
    if (!parsed.ok) {
      setPending(undefined);
      setError(problemText(parsed.error, file));
      return;
    }
    if (parsed.value.length === 0) {
      setPending(undefined);
      setError(t('glossary.import.emptyFile', { file }));
      return;
    }
    const rows = previewImport(workbench.glossary, parsed.value);
    setPending({ file, text, missingStatus, rows, choices: rows.map(defaultChoice) });
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setPending(undefined);
    // Checked on the size alone, before the file is read.
    const tooLarge = fileTooLarge(t, file);
    setError(tooLarge);
    if (tooLarge) return;
    prepare(file.name, await file.text(), 'proposed');
  };

  const choose = (index: number, choice: RowChoice) =>
    setPending((p) => p && { ...p, choices: p.choices.map((c, i) => (i === index ? choice : c)) });
  const chooseAll = (match: ImportRow['match'], choice: RowChoice) =>
    setPending(
      (p) => p && { ...p, choices: p.choices.map((c, i) => (p.rows[i]?.match === match ? choice : c)) },
    );

  const commit = async () => {
    if (!pending) return;
    setBusy(true);
    const { write, counts, before } = planImport(pending.rows, pending.choices, {
      projectId: workbench.project.id,
      by: workbench.author,
      at: Date.now(),
      file: pending.file,
    });
    try {
      await writeGlossary(workbench.db, write);
      setPending(undefined);
      workbench.reload();
      onDone(
        t('glossary.import.doneRows', { file: pending.file, ...counts }),
        stepOf('glossary.undo.import', before, write.put ?? [], { file: pending.file }),
      );
    } catch (failure) {
      const storage = classifyStorageError(failure);
      setError(t(`storage.failure.${storage.failure}`, { message: storage.message }));
    } finally {
      setBusy(false);
    }
  };

  const language = (lang: string) => t(`language.${lang}`, { defaultValue: lang });
  const termsText = (entry: TermEntry) =>
    entry.terms
      .map((term) => `${term.text} (${language(term.lang)}, ${t(`glossary.status.${term.status}`)})`)
      .join(' · ');
  const describe = (d: ImportDifference): string => {
    switch (d.kind) {
      case 'newTerm':
        return t('glossary.import.diff.newTerm', {
          term: d.text,
          language: language(d.lang),
          status: t(`glossary.status.${d.status}`),
        });
      case 'status':
        return t('glossary.import.diff.status', {
          term: d.text,
          language: language(d.lang),
          existing: t(`glossary.status.${d.existing}`),
          incoming: t(`glossary.status.${d.incoming}`),
        });
      case 'field':
        return t('glossary.import.diff.field', {
          field: t(`glossary.column.${d.field}`),
          existing: d.existing || t('glossary.history.empty'),
          incoming: d.incoming,
        });
    }
  };
  const tally = (match: ImportRow['match']) => pending?.rows.filter((r) => r.match === match).length ?? 0;

  return (
    <div className="glossary-import">
      <FileInput
        className="glossary-file"
        label={t('glossary.import.choose')}
        accept=".tbx,.xml,.csv,.tsv,.txt"
        onChange={(e) => void onFile(e)}
      />
      {error && (
        <p role="alert" className="glossary-error">
          {error}
        </p>
      )}
      {pending && (
        <section className="panel glossary-import-preview" aria-label={t('glossary.import.preview')}>
          <h2>{t('glossary.import.preview')}</h2>
          <p>
            {t('glossary.import.rowsSummary', {
              file: pending.file,
              total: pending.rows.length,
              fresh: tally('new'),
              same: tally('same'),
              conflicts: tally('conflict'),
            })}
          </p>
          <label>
            {t('glossary.import.missingStatus')}{' '}
            <select
              value={pending.missingStatus}
              onChange={(e) => prepare(pending.file, pending.text, e.target.value as TermStatus)}
            >
              {TERM_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`glossary.status.${status}`)}
                </option>
              ))}
            </select>
          </label>
          {tally('conflict') > 0 && (
            <label>
              {' '}
              {t('glossary.import.allConflicts')}{' '}
              <select
                value=""
                onChange={(e) => e.target.value && chooseAll('conflict', e.target.value as RowChoice)}
              >
                <option value="">—</option>
                {(['merge', 'update', 'add', 'skip'] as const).map((c) => (
                  <option key={c} value={c}>
                    {t(`glossary.import.choice.${c}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <ol className="glossary-import-rows" aria-label={t('glossary.import.entries')}>
            {pending.rows.slice(0, SHOWN).map((row, i) => (
              <li key={i} className={`glossary-import-row match-${row.match}`}>
                <span className={`glossary-match match-${row.match}`}>
                  {t(`glossary.import.match.${row.match}`)}
                </span>{' '}
                <span className="term-text">{termsText(row.incoming)}</span>
                {row.existing && (
                  <div className="glossary-hint">
                    {t('glossary.import.existing', { terms: termsText(row.existing) })}
                  </div>
                )}
                {row.differences.length > 0 && (
                  <ul className="glossary-import-diff">
                    {row.differences.map((d, k) => (
                      <li key={k}>{describe(d)}</li>
                    ))}
                  </ul>
                )}
                <select
                  aria-label={t('glossary.import.choiceFor', { term: row.incoming.terms[0]?.text ?? '' })}
                  value={pending.choices[i]}
                  name={`${id}-${i}`}
                  onChange={(e) => choose(i, e.target.value as RowChoice)}
                >
                  {choicesFor(row).map((c) => (
                    <option key={c} value={c}>
                      {t(`glossary.import.choice.${c}`)}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ol>
          {pending.rows.length > SHOWN && (
            <p>{t('glossary.import.more', { count: pending.rows.length - SHOWN })}</p>
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
