import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workbench } from '../../app/useWorkbench.ts';
import { runJob } from '../../hooks/runJob.ts';
import { failureText } from '../../app/failureText.ts';
import { fileTooLarge } from '../../hooks/fileTooLarge.ts';
import { importDocumentRows } from '../../../storage/importDocumentRows.ts';
import type { ParseImportOutput } from '../../../worker/jobs/parseImport.ts';
import { BackupRestore } from './BackupRestore.tsx';
import { ImportPreviewView } from './ImportPreviewView.tsx';
import type { TransferStatus } from './TransferView.tsx';
import { FileInput } from '../../components/FileInput.tsx';

const ACCEPT = '.txt,.docx,.xlf,.xliff,.tmx,.csv,.tsv,.json';

type Read = { readonly file: File; readonly output: ParseImportOutput };

/** Import of a file: read in the worker, previewed, and written only when the reviewer confirms. */
export function ImportPanel({
  workbench,
  fileRef,
  onStatus,
}: {
  readonly workbench: Workbench;
  /** The file input, so that the view's shortcut can open it. */
  readonly fileRef: { current: HTMLInputElement | null };
  readonly onStatus: (status: TransferStatus) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { project, db, author } = workbench;
  const langs = [project.sourceLang, ...project.targetLangs];
  const [file, setFile] = useState<File | undefined>(undefined);
  const [lang, setLang] = useState(project.sourceLang);
  const [name, setName] = useState('');
  const [read, setRead] = useState<Read | undefined>(undefined);
  const [progress, setProgress] = useState<number | undefined>(undefined);
  const reading = useRef(0);

  const start = (chosen: File, language: string) => {
    const ticket = ++reading.current;
    setRead(undefined);
    const tooLarge = fileTooLarge(t, chosen);
    if (tooLarge) {
      setProgress(undefined);
      onStatus({ kind: 'error', text: tooLarge });
      return;
    }
    setProgress(0);
    void (async () => {
      const bytes = new Uint8Array(await chosen.arrayBuffer());
      const output = await runJob(
        'parseImport',
        { fileName: chosen.name, bytes, project, lang: language, author, now: Date.now() },
        (fraction) => {
          if (reading.current === ticket) setProgress(fraction);
        },
      );
      if (reading.current !== ticket) return;
      setRead({ file: chosen, output });
      setProgress(undefined);
    })().catch((error: unknown) => {
      if (reading.current !== ticket) return;
      setProgress(undefined);
      onStatus({ kind: 'error', text: failureText(t, error) });
    });
  };

  const reset = () => {
    reading.current += 1;
    setFile(undefined);
    setRead(undefined);
    setName('');
    setProgress(undefined);
    if (fileRef.current) fileRef.current.value = '';
  };

  const commit = async () => {
    if (read?.output.kind !== 'document') return;
    const rows = read.output.rows;
    const document = { ...rows.document, name: name.trim() || rows.document.name };
    setProgress(0);
    try {
      await importDocumentRows(db, { ...rows, document }, (done, total) => setProgress(done / total));
      onStatus({ kind: 'added', name: document.name, units: rows.units.length });
      reset();
      workbench.reload();
    } catch (error) {
      setProgress(undefined);
      onStatus({ kind: 'error', text: failureText(t, error) });
    }
  };

  const output = read?.output;
  return (
    <section className="transfer-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('transfer.import.title')}</h2>
      <div className="transfer-form">
        <FileInput
          className="transfer-field"
          label={
            <>
              {t('transfer.import.file')} <kbd>Ctrl+O</kbd>
            </>
          }
          accept={ACCEPT}
          inputRef={fileRef}
          keyShortcuts="Control+O"
          chosen={read?.file.name ?? null}
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            if (chosen) {
              setName(chosen.name);
              setFile(chosen);
              start(chosen, lang);
            }
          }}
        />
        <label className="transfer-field">
          <span>{t('transfer.import.language')}</span>
          <select
            value={lang}
            onChange={(e) => {
              setLang(e.target.value);
              if (file) start(file, e.target.value);
            }}
          >
            {langs.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`, { defaultValue: l })}
              </option>
            ))}
          </select>
        </label>
        <p className="transfer-hint">{t('transfer.import.hint')}</p>
        {progress !== undefined && (
          <progress
            className="transfer-progress"
            aria-label={t('transfer.import.progress')}
            max={1}
            value={progress}
          />
        )}
        {output?.kind === 'error' && (
          <div role="alert" className="transfer-error">
            {output.refusal
              ? t(`transfer.error.${output.refusal.code}`, {
                  file: output.problem.file,
                  ...output.refusal.params,
                })
              : output.problem.line !== undefined
                ? t('transfer.error.atLine', {
                    file: output.problem.file,
                    line: output.problem.line,
                    message: output.problem.message,
                  })
                : t('transfer.error.inFile', { file: output.problem.file, message: output.problem.message })}
          </div>
        )}
        {output?.kind === 'document' && (
          <ImportPreviewView
            preview={output.preview}
            fileName={read?.file.name ?? ''}
            name={name}
            onName={setName}
            onCommit={() => void commit()}
            onCancel={reset}
            busy={progress !== undefined}
          />
        )}
        {output?.kind === 'backup' && (
          <BackupRestore
            workbench={workbench}
            bundle={output.bundle}
            preview={output.preview}
            onDone={(status) => {
              onStatus(status);
              if (status.kind === 'restored') {
                reset();
                workbench.reload();
              }
            }}
            onCancel={reset}
          />
        )}
      </div>
    </section>
  );
}
