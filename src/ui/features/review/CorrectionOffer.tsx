import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  applyPhraseChange,
  ruleFromChange,
  unitsWithPhrase,
  type PhraseChange,
} from '../../../core/checks/learnFromCorrection.ts';
import type { PhraseRule } from '../../../core/checks/phraseRules.ts';
import { useDiffText } from '../../hooks/useDiffText.ts';
import type { BulkItem } from '../../../storage/renderings.ts';
import { classifyStorageError } from '../../../storage/errors.ts';
import type { Workbench } from '../../app/useWorkbench.ts';
import { DiffView } from '../../components/DiffView.tsx';
import { ConfirmDialog } from '../bulk/ConfirmDialog.tsx';
import { returnFocus } from '../../keymap/focusModel.ts';

/** A phrase a reviewer's saved edit replaced, in one unit and language. */
export type Correction = { readonly unitId: string; readonly lang: string; readonly change: PhraseChange };

type Props = {
  readonly correction: Correction;
  readonly workbench: Workbench;
  readonly onSaveRule: (rule: PhraseRule) => void;
  readonly onClose: () => void;
};

const PREVIEW_LIMIT = 100;

/**
 * Offered under the toolbar after an edit that replaced a phrase: apply the same change to the other units that
 * contain it (previewed, confirmed, one bulk write that Ctrl+Z takes back), or keep it as a project phrase rule.
 * Approved renderings are left alone: changing one would take its approval away.
 */
export function CorrectionOffer({ correction, workbench, onSaveRule, onClose }: Props) {
  const { t } = useTranslation();
  const diffText = useDiffText();
  const { change, lang, unitId } = correction;
  const [previewing, setPreviewing] = useState(false);
  const [status, setStatus] = useState<string>();
  const perLang = workbench.renderings.get(lang);
  const plan = useMemo(() => {
    const texts = workbench.units.flatMap((unit) => {
      const rendering = perLang?.get(unit.id);
      if (unit.id === unitId || !rendering || rendering.state === 'approved' || rendering.text === '')
        return [];
      return [{ id: unit.id as string, text: rendering.text }];
    });
    const ids = new Set(unitsWithPhrase(change.from, texts));
    return workbench.units.flatMap((unit) => {
      const before = ids.has(unit.id) ? perLang?.get(unit.id)?.text : undefined;
      if (before === undefined) return [];
      const after = applyPhraseChange(before, change);
      return after === before ? [] : [{ unit, before, after }];
    });
  }, [workbench.units, perLang, unitId, change]);

  const apply = async () => {
    setPreviewing(false);
    returnFocus();
    const items: BulkItem[] = plan.map(({ unit, before, after }) => ({
      target: { unitId: unit.id, documentId: unit.documentId, lang },
      actions: [{ type: 'edit', text: after }],
      // Written only over the text the preview showed.
      expect: { text: before },
    }));
    try {
      const result = await workbench.actBulk(items);
      setStatus(t('learn.applied', { count: result.changed.length, refused: result.refused }));
    } catch (error) {
      const failure = classifyStorageError(error);
      setStatus(t(`storage.failure.${failure.failure}`, { message: failure.message }));
    }
  };

  return (
    <div className="correction-offer" role="region" aria-label={t('learn.label')}>
      <span>{t('learn.replaced', { from: change.from, to: change.to })}</span>
      <button type="button" disabled={plan.length === 0} onClick={() => setPreviewing(true)}>
        {t('learn.applyOthers', { count: plan.length })}
      </button>
      <button type="button" onClick={() => onSaveRule(ruleFromChange(change, lang))}>
        {t('learn.saveRule')}
      </button>
      <button type="button" className="link-button" onClick={onClose}>
        {t('learn.dismiss')}
      </button>
      {status && <span role="status">{status}</span>}
      {previewing && (
        <ConfirmDialog
          title={t('learn.confirm', { count: plan.length, from: change.from, to: change.to })}
          confirmLabel={t('bulk.confirm.yes', { count: plan.length })}
          onCancel={() => {
            setPreviewing(false);
            returnFocus();
          }}
          onConfirm={() => void apply()}
        >
          <ol className="replace-preview correction-preview" aria-label={t('bulk.preview')}>
            {plan.slice(0, PREVIEW_LIMIT).map(({ unit, before, after }) => (
              <li key={unit.id}>
                <span className="preview-unit">{unit.index + 1}</span>
                <DiffView
                  spans={diffText(before, after)}
                  label={t('bulk.previewItem', { n: unit.index + 1 })}
                />
              </li>
            ))}
          </ol>
          <p>{t('bulk.confirm.undoHint')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
