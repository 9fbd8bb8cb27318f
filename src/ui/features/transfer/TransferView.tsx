import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commandFor } from '../../keymap/keymap.ts';
import type { Workbench } from '../../app/useWorkbench.ts';
import { runJob } from '../../hooks/runJob.ts';
import { readProjectBundle } from '../../../storage/backup.ts';
import { downloadFile } from '../../components/download.ts';
import { failureText } from '../../app/failureText.ts';
import { ExportPanel } from './ExportPanel.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import type { TextReport } from '../../../core/formats/selectText.ts';
import './transfer.css';

/** Outcome of the last action, announced in the view's status line. */
export type TransferStatus =
  | { readonly kind: 'saved'; readonly fileName: string; readonly report?: TextReport }
  | { readonly kind: 'added'; readonly name: string; readonly units: number }
  | { readonly kind: 'restored'; readonly name: string }
  | { readonly kind: 'failed'; readonly message: string }
  /** A failure already put into words (see failureText). */
  | { readonly kind: 'error'; readonly text: string };

/**
 * Import & export: documents out as text, .docx, XLIFF or TMX; files in with a preview; the whole project
 * backed up into one JSON file. Shortcuts: Ctrl+Shift+E export, Ctrl+O choose a file, Ctrl+S back up.
 */
export function TransferView({ workbench }: { readonly workbench: Workbench }) {
  const { t } = useTranslation();
  const id = useId();
  const [status, setStatus] = useState<TransferStatus | undefined>(undefined);
  const [backingUp, setBackingUp] = useState(false);
  const exportRef = useRef<(() => void) | undefined>(undefined);
  const fileRef = useRef<HTMLInputElement | null>(null);
  const root = useRef<HTMLDivElement | null>(null);
  const onStatus = useCallback((s: TransferStatus) => setStatus(s), []);
  const { db, project } = workbench;

  const backUp = useCallback(async () => {
    setBackingUp(true);
    try {
      const bundle = await readProjectBundle(db, project.id, Date.now());
      const file = await runJob('buildExport', { kind: 'backup', bundle });
      downloadFile(file);
      setStatus({ kind: 'saved', fileName: file.fileName });
    } catch (error) {
      setStatus({ kind: 'error', text: failureText(t, error) });
    } finally {
      setBackingUp(false);
    }
  }, [db, project.id, t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Views stay mounted in hidden tab panels: the shortcuts belong to this view only while it is shown.
      if (!root.current || root.current.closest('[hidden]')) return;
      const command = commandFor('app', e);
      if (command === 'backup') {
        e.preventDefault();
        if (!backingUp) void backUp();
      } else if (command === 'import') {
        e.preventDefault();
        fileRef.current?.click();
      } else if (command === 'export') {
        e.preventDefault();
        exportRef.current?.();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [backUp, backingUp]);

  let message: string | undefined;
  if (status?.kind === 'saved')
    message = status.report
      ? t('transfer.status.savedText', { file: status.fileName, ...status.report })
      : t('transfer.status.saved', { file: status.fileName });
  else if (status?.kind === 'added')
    message = t('transfer.status.added', { name: status.name, units: status.units });
  else if (status?.kind === 'restored') message = t('transfer.status.restored', { name: status.name });
  else if (status?.kind === 'failed') message = t('transfer.status.failed', { message: status.message });
  else if (status?.kind === 'error') message = status.text;

  return (
    <div className="transfer-view" ref={root}>
      <p
        role="status"
        className={`transfer-status${status?.kind === 'failed' || status?.kind === 'error' ? ' is-error' : ''}`}
      >
        {message}
      </p>
      <div className="transfer-columns">
        <ExportPanel workbench={workbench} exportRef={exportRef} onStatus={onStatus} />
        <ImportPanel workbench={workbench} fileRef={fileRef} onStatus={onStatus} />
        <section className="transfer-card" aria-labelledby={`${id}-backup`}>
          <h2 id={`${id}-backup`}>{t('transfer.backup.title')}</h2>
          <p className="transfer-hint">{t('transfer.backup.hint')}</p>
          <div className="transfer-actions">
            <button
              type="button"
              className="primary"
              disabled={backingUp}
              aria-keyshortcuts="Control+S"
              onClick={() => void backUp()}
            >
              {t('transfer.backup.action')} <kbd>Ctrl+S</kbd>
            </button>
          </div>
          <p className="transfer-hint">{t('transfer.backup.restoreHint')}</p>
        </section>
      </div>
    </div>
  );
}
