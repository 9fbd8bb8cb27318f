import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatKey } from './formatKey.ts';
import type { Workbench } from '../../app/useWorkbench.ts';
import { listDocuments } from '../../../storage/documents.ts';
import { readDocumentRows } from '../../../storage/backup.ts';
import { runJob } from '../../hooks/runJob.ts';
import { failureText } from '../../app/failureText.ts';
import type { Document } from '../../../core/model/types.ts';
import { EXPORT_FORMATS, type ExportFormat, type KazakhScript } from '../../../worker/jobs/buildExport.ts';
import { EXPORT_VARIANTS } from '../../../core/formats/registry.ts';
import { DEFAULT_TEXT_CONTENT, TEXT_CONTENTS, type TextContent } from '../../../core/formats/selectText.ts';
import { downloadFile } from '../../components/download.ts';
import type { TransferStatus } from './TransferView.tsx';
import { reportProblem } from '../../app/problems.ts';

/** Export of one document in one language (or every approved language for TMX), as a download. */
export function ExportPanel({
  workbench,
  exportRef,
  onStatus,
}: {
  readonly workbench: Workbench;
  /** Set to the export action, so that the view's shortcut can run it. */
  readonly exportRef: { current: (() => void) | undefined };
  readonly onStatus: (status: TransferStatus) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { project, db } = workbench;
  const [documents, setDocuments] = useState<readonly Document[]>([workbench.document]);
  const [documentId, setDocumentId] = useState<string>(workbench.document.id);
  const [chosenFormat, setFormat] = useState<ExportFormat | undefined>(undefined);
  const [content, setContent] = useState<TextContent>(DEFAULT_TEXT_CONTENT);
  const langs = [project.sourceLang, ...project.targetLangs];
  const [lang, setLang] = useState<string>(project.targetLangs[0] ?? project.sourceLang);
  const [script, setScript] = useState<KazakhScript>('cyrillic');
  const [busy, setBusy] = useState(false);
  const chosenDocument = documents.find((d) => d.id === documentId);
  // A document that kept its imported file is exported as that file unless another format is chosen.
  const formats = EXPORT_FORMATS.filter((f) => f !== 'original' || chosenDocument?.original !== undefined);
  const format: ExportFormat =
    chosenFormat !== undefined && formats.includes(chosenFormat)
      ? chosenFormat
      : chosenDocument?.original
        ? 'original'
        : 'xliff-2.1';
  const runningText = format !== 'original' && EXPORT_VARIANTS[format].runningText;
  const needsTarget = format.startsWith('xliff') || format === 'original';
  // TMX holds every language; an original XLIFF has its own target language, an original Word file takes one.
  const usesLang = format !== 'tmx' && (format !== 'original' || chosenDocument?.original?.format === 'docx');

  useEffect(() => {
    let cancelled = false;
    listDocuments(db, project.id)
      .then((list) => {
        if (!cancelled && list.length > 0) setDocuments(list);
      })
      .catch((error: unknown) => {
        // An effect that was left (another document, the app closed) has no one to tell.
        if (!cancelled) reportProblem(error);
      });
    return () => {
      cancelled = true;
    };
  }, [db, project.id]);

  const chosenLang = needsTarget && lang === project.sourceLang ? (project.targetLangs[0] ?? lang) : lang;
  const run = async () => {
    setBusy(true);
    try {
      const rows = await readDocumentRows(db, documentId);
      if (!rows) throw new Error(documentId);
      const file = await runJob('buildExport', {
        kind: 'document',
        format,
        project,
        document: rows.document,
        units: rows.units,
        renderings: rows.renderings,
        revisions: rows.revisions,
        comments: rows.comments,
        lang: chosenLang,
        kazakhScript: script,
        content,
      });
      downloadFile(file);
      onStatus({ kind: 'saved', fileName: file.fileName, ...(file.report ? { report: file.report } : {}) });
    } catch (error) {
      onStatus({ kind: 'error', text: failureText(t, error) });
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    exportRef.current = busy ? undefined : () => void run();
  });

  return (
    <section className="transfer-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('transfer.export.title')}</h2>
      <form
        className="transfer-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <label className="transfer-field">
          <span>{t('transfer.export.document')}</span>
          <select value={documentId} onChange={(e) => setDocumentId(e.target.value)}>
            {documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="transfer-choices">
          <legend>{t('transfer.export.format')}</legend>
          {formats.map((f) => (
            <label key={f}>
              <input
                type="radio"
                name={`${id}-format`}
                checked={format === f}
                onChange={() => setFormat(f)}
              />
              {t(`transfer.format.${formatKey(f)}`)}
            </label>
          ))}
        </fieldset>
        <label className="transfer-field">
          <span>{t('transfer.export.language')}</span>
          <select value={chosenLang} disabled={!usesLang} onChange={(e) => setLang(e.target.value)}>
            {langs.map((l) => (
              <option key={l} value={l} disabled={needsTarget && l === project.sourceLang}>
                {t(`language.${l}`, { defaultValue: l })}
              </option>
            ))}
          </select>
        </label>
        {runningText && (
          <fieldset className="transfer-choices">
            <legend>{t('transfer.export.content')}</legend>
            {TEXT_CONTENTS.map((c) => (
              <label key={c}>
                <input
                  type="radio"
                  name={`${id}-content`}
                  checked={content === c}
                  onChange={() => setContent(c)}
                />
                {t(`transfer.content.${c}`)}
              </label>
            ))}
          </fieldset>
        )}
        <fieldset className="transfer-choices">
          <legend>{t('transfer.export.kazakhScript')}</legend>
          {(['cyrillic', 'latin'] as const).map((s) => (
            <label key={s}>
              <input
                type="radio"
                name={`${id}-script`}
                checked={script === s}
                onChange={() => setScript(s)}
              />
              {t(`transfer.script.${s}`)}
            </label>
          ))}
        </fieldset>
        <p className="transfer-hint">{t(`transfer.export.hint.${formatKey(format)}`)}</p>
        <div className="transfer-actions">
          <button type="submit" className="primary" disabled={busy} aria-keyshortcuts="Control+Shift+E">
            {t('transfer.export.action')} <kbd>Ctrl+Shift+E</kbd>
          </button>
        </div>
      </form>
    </section>
  );
}
