import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatKey } from './formatKey.ts';
import type { ImportPreview } from '../../../worker/jobs/parseImport.ts';

/** What an import will add, shown before anything is written. Ctrl+Enter adds, Escape cancels. */
export function ImportPreviewView({
  preview,
  fileName,
  name,
  onName,
  onCommit,
  onCancel,
  busy,
}: {
  readonly preview: ImportPreview;
  readonly fileName: string;
  readonly name: string;
  readonly onName: (name: string) => void;
  readonly onCommit: () => void;
  readonly onCancel: () => void;
  readonly busy: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const language = (l: string) => t(`language.${l}`, { defaultValue: l });
  return (
    <section
      className="transfer-preview"
      aria-labelledby={`${id}-title`}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !busy) {
          e.preventDefault();
          onCommit();
        } else if (e.key === 'Escape') onCancel();
      }}
    >
      <h3 id={`${id}-title`}>{t('transfer.preview.title', { file: fileName })}</h3>
      <dl className="transfer-facts">
        <dt>{t('transfer.preview.format')}</dt>
        <dd>{t(`transfer.format.${formatKey(preview.format)}`, { defaultValue: preview.format })}</dd>
        <dt>{t('transfer.preview.languages')}</dt>
        <dd>{preview.languages.map(language).join(', ')}</dd>
        <dt>{t('transfer.preview.units')}</dt>
        <dd>{preview.units}</dd>
        {Object.entries(preview.renderings).map(([lang, count]) => (
          <div key={lang} className="transfer-fact">
            <dt>{t('transfer.preview.renderings', { language: language(lang) })}</dt>
            <dd>{count}</dd>
          </div>
        ))}
      </dl>
      {preview.notices.length > 0 && (
        <ul className="transfer-notices" aria-label={t('transfer.preview.notices')}>
          {preview.notices.map((n, i) => (
            <li key={i}>
              {t(`transfer.notice.${n.code}`, {
                ...n.params,
                language: language(String(n.params.lang ?? '')),
              })}
            </li>
          ))}
        </ul>
      )}
      <label className="transfer-field">
        <span>{t('transfer.preview.name')}</span>
        <input value={name} onChange={(e) => onName(e.target.value)} />
      </label>
      <div className="transfer-actions">
        <button
          type="button"
          className="primary"
          onClick={onCommit}
          disabled={busy}
          aria-keyshortcuts="Control+Enter"
        >
          {t('transfer.preview.commit')} <kbd>Ctrl+Enter</kbd>
        </button>
        <button type="button" onClick={onCancel} disabled={busy} aria-keyshortcuts="Escape">
          {t('transfer.preview.cancel')} <kbd>Esc</kbd>
        </button>
      </div>
    </section>
  );
}
