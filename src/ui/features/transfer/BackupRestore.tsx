import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workbench } from '../../app/useWorkbench.ts';
import { getProject } from '../../../storage/projects.ts';
import { restoreProjectBundle } from '../../../storage/backup.ts';
import { rekeyBundle, type ProjectBundle } from '../../../core/formats/backup.ts';
import type { BackupPreview } from '../../../worker/jobs/parseImport.ts';
import type { TransferStatus } from './TransferView.tsx';
import { reportProblem } from '../../app/problems.ts';
import { failureText } from '../../app/failureText.ts';

type Choice = 'replace' | 'keepBoth';

/** Restores a backup; when its project is already here the reviewer chooses: replace it, or keep both. */
export function BackupRestore({
  workbench,
  bundle,
  preview,
  onDone,
  onCancel,
}: {
  readonly workbench: Workbench;
  readonly bundle: ProjectBundle;
  readonly preview: BackupPreview;
  readonly onDone: (status: TransferStatus) => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { db } = workbench;
  const [exists, setExists] = useState<boolean | undefined>(undefined);
  const [choice, setChoice] = useState<Choice>('keepBoth');
  const [progress, setProgress] = useState<number | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    getProject(db, bundle.project.id)
      .then((p) => {
        if (!cancelled) setExists(p !== undefined);
      })
      .catch((error: unknown) => {
        // An effect that was left (another document, the app closed) has no one to tell.
        if (!cancelled) reportProblem(error);
      });
    return () => {
      cancelled = true;
    };
  }, [db, bundle.project.id]);

  const restore = async () => {
    setProgress(0);
    try {
      const copy = exists && choice === 'keepBoth';
      const name = copy ? t('transfer.restore.copyName', { name: bundle.project.name }) : bundle.project.name;
      const target = copy ? rekeyBundle(bundle, { name }) : bundle;
      await restoreProjectBundle(
        db,
        target,
        exists && choice === 'replace' ? 'replace' : 'new',
        (done, total) => setProgress(done / total),
      );
      onDone({ kind: 'restored', name });
    } catch (error) {
      setProgress(undefined);
      onDone({ kind: 'error', text: failureText(t, error) });
    }
  };

  return (
    <section className="transfer-preview" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('transfer.restore.title', { name: preview.projectName })}</h3>
      <dl className="transfer-facts">
        <dt>{t('transfer.restore.documents')}</dt>
        <dd>{preview.documents}</dd>
        <dt>{t('transfer.preview.units')}</dt>
        <dd>{preview.units}</dd>
        <dt>{t('transfer.restore.renderings')}</dt>
        <dd>{preview.renderings}</dd>
        <dt>{t('transfer.restore.terms')}</dt>
        <dd>{preview.terms}</dd>
      </dl>
      {exists && (
        <fieldset className="transfer-choices">
          <legend>{t('transfer.restore.exists')}</legend>
          {(['keepBoth', 'replace'] as const).map((c) => (
            <label key={c}>
              <input
                type="radio"
                name={`${id}-choice`}
                checked={choice === c}
                onChange={() => setChoice(c)}
              />
              {t(`transfer.restore.${c}`)}
            </label>
          ))}
        </fieldset>
      )}
      {progress !== undefined && (
        <progress
          className="transfer-progress"
          aria-label={t('transfer.restore.progress')}
          max={1}
          value={progress}
        />
      )}
      <div className="transfer-actions">
        <button
          type="button"
          className={exists && choice === 'replace' ? 'danger' : 'primary'}
          disabled={exists === undefined || progress !== undefined}
          onClick={() => void restore()}
        >
          {t('transfer.restore.action')}
        </button>
        <button type="button" onClick={onCancel} disabled={progress !== undefined}>
          {t('transfer.preview.cancel')}
        </button>
      </div>
    </section>
  );
}
