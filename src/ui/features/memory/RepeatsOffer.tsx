import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDiffText } from '../../hooks/useDiffText.ts';
import { DiffView } from '../../components/DiffView.tsx';

export type PendingRepeat = { readonly index: number; readonly before: string };

type Props = {
  /** The approved text of the active unit, offered to its identical repeats. */
  readonly text: string;
  /** Repeats not yet approved with that text, in document order. */
  readonly pending: readonly PendingRepeat[];
  readonly onApply: () => void;
};

/**
 * Exact repeats of the active unit whose rendering differs from its approved one: the reviewer previews what
 * would change and applies it to all in one step, which one undo takes back.
 */
export function RepeatsOffer({ text, pending, onApply }: Props) {
  const { t } = useTranslation();
  const diffText = useDiffText();
  const [preview, setPreview] = useState(false);
  if (pending.length === 0) return null;
  return (
    <div className="memory-repeats" role="group" aria-label={t('memory.repeats.label')}>
      <p>{t('memory.repeats.offer', { count: pending.length })}</p>
      <div className="editor-actions">
        <button type="button" onClick={() => setPreview((p) => !p)} aria-expanded={preview}>
          {t('memory.repeats.preview')}
        </button>
        <button type="button" className="primary" onClick={onApply}>
          {t('memory.repeats.apply', { count: pending.length })}
        </button>
      </div>
      {preview && (
        <ul className="memory-repeats-preview">
          {pending.map((p) => (
            <li key={p.index}>
              <span className="panel-sub">{t('memory.repeats.unit', { n: p.index + 1 })}</span>{' '}
              <DiffView spans={diffText(p.before, text)} label={t('memory.repeats.change')} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
