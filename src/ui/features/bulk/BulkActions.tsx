import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../../core/checks/types.ts';
import { useDiffText } from '../../hooks/useDiffText.ts';
import { planReplace } from '../../../core/review/replace.ts';
import { useLinearRegex } from '../../hooks/useLinearRegex.ts';
import type { BulkItem, BulkResult } from '../../../storage/renderings.ts';
import type { Workbench } from '../../app/useWorkbench.ts';
import { DiffView } from '../../components/DiffView.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { returnFocus } from '../../keymap/focusModel.ts';
import { classifyStorageError } from '../../../storage/errors.ts';

type Props = {
  readonly workbench: Workbench;
  readonly lang: string;
  /** Unit indices in the current filter. */
  readonly visible: readonly number[];
  readonly issues: ReadonlyMap<string, ReadonlyMap<string, readonly Issue[]>>;
  readonly onOpenCheckSettings?: () => void;
};

type Pending = { readonly kind: 'approve' | 'copy' | 'replace'; readonly items: readonly BulkItem[] };

const PREVIEW_LIMIT = 50;

/**
 * Changes to many units at once, always previewed and confirmed, and undoable: approve what the filter shows and
 * has no open issue, copy machine translation into empty renderings, find and replace.
 */
export function BulkActions({ workbench, lang, visible, issues, onOpenCheckSettings }: Props) {
  const { t } = useTranslation();
  const diffText = useDiffText();
  const { units, renderings } = workbench;
  const [pending, setPending] = useState<Pending | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [finding, setFinding] = useState(false);
  const [query, setQuery] = useState({ find: '', replace: '', regex: false, caseSensitive: false });
  const perLang = renderings.get(lang);
  const target = useCallback(
    (index: number) => {
      const unit = units[index];
      return unit ? { unitId: unit.id, documentId: unit.documentId, lang } : undefined;
    },
    [units, lang],
  );

  const approvable = useMemo(
    () =>
      visible.flatMap((index): BulkItem[] => {
        const unit = units[index];
        const rendering = unit && perLang?.get(unit.id);
        if (!unit || !rendering || rendering.text.trim() === '') return [];
        if (!['mt', 'imported', 'edited', 'reviewed'].includes(rendering.state)) return [];
        if ((issues.get(lang)?.get(unit.id)?.length ?? 0) > 0) return [];
        return [{ target: target(index)!, actions: [{ type: 'approve' }] }];
      }),
    [visible, units, perLang, issues, lang, target],
  );

  const copyable = useMemo(
    () =>
      visible.flatMap((index): BulkItem[] => {
        const unit = units[index];
        const machine = unit?.mt[lang];
        const rendering = unit && perLang?.get(unit.id);
        if (!unit || !machine || (rendering && rendering.text !== '')) return [];
        return [
          { target: target(index)!, actions: [{ type: rendering ? 'edit' : 'import', text: machine }] },
        ];
      }),
    [visible, units, perLang, lang, target],
  );

  const regexReady = useLinearRegex(query.regex);
  const replacePlan = useMemo(() => {
    if (!finding || query.find === '') return undefined;
    const texts = visible.flatMap((index) => {
      const unit = units[index];
      const text = unit && perLang?.get(unit.id)?.text;
      return unit && text ? [{ id: String(index), text }] : [];
    });
    return planReplace(texts, query);
    // regexReady: a pattern typed before the regular-expression engine arrived is planned again once it has.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [finding, query, visible, units, perLang, regexReady]);

  const run = async (items: readonly BulkItem[], done: (result: BulkResult) => string) => {
    setPending(undefined);
    returnFocus();
    setStatus(t('bulk.working'));
    try {
      const result = await workbench.actBulk(items, (n, total) =>
        setStatus(t('bulk.progress', { done: n, total })),
      );
      setStatus(done(result));
    } catch (error) {
      const failure = classifyStorageError(error);
      setStatus(t(`storage.failure.${failure.failure}`, { message: failure.message }));
    }
  };

  // Bulk changes share the workbench's one undo history with single edits (Ctrl+Z in the grid).
  const undoLast = useCallback(async () => {
    returnFocus();
    try {
      const outcome = await workbench.undo();
      if (outcome) setStatus(t('bulk.undone', { count: outcome.changed }));
    } catch (error) {
      const failure = classifyStorageError(error);
      setStatus(t(`storage.failure.${failure.failure}`, { message: failure.message }));
    }
  }, [workbench, t]);

  const replaceItems = (): BulkItem[] =>
    replacePlan?.ok
      ? replacePlan.value.map((r) => ({
          target: target(Number(r.id))!,
          actions: [{ type: 'edit', text: r.after }],
        }))
      : [];

  return (
    <div className="bulk-bar" aria-label={t('bulk.label')} role="toolbar">
      <button
        type="button"
        disabled={approvable.length === 0}
        onClick={() => setPending({ kind: 'approve', items: approvable })}
      >
        {t('bulk.approve', { count: approvable.length, language: t(`languageInText.${lang}`) })}
      </button>
      <button
        type="button"
        disabled={copyable.length === 0}
        onClick={() => setPending({ kind: 'copy', items: copyable })}
      >
        {t('bulk.copyMt', { count: copyable.length })}
      </button>
      <button type="button" aria-expanded={finding} onClick={() => setFinding((open) => !open)}>
        {t('bulk.findReplace')}
      </button>
      <button type="button" disabled={!workbench.canUndo} onClick={() => void undoLast()}>
        {t('bulk.undo')} <kbd>Ctrl+Z</kbd>
      </button>
      {onOpenCheckSettings && (
        <button type="button" className="push-right" onClick={onOpenCheckSettings}>
          {t('checkSettings.open')}
        </button>
      )}
      {status && (
        <span className="bulk-status" role="status">
          {status}
        </span>
      )}
      {finding && (
        <div className="find-replace" role="group" aria-label={t('bulk.findReplace')}>
          <input
            aria-label={t('bulk.find')}
            placeholder={t('bulk.find')}
            value={query.find}
            onChange={(e) => setQuery({ ...query, find: e.target.value })}
          />
          <input
            aria-label={t('bulk.replaceWith')}
            placeholder={t('bulk.replaceWith')}
            value={query.replace}
            onChange={(e) => setQuery({ ...query, replace: e.target.value })}
          />
          <label className="filter-check">
            <input
              type="checkbox"
              checked={query.regex}
              onChange={(e) => setQuery({ ...query, regex: e.target.checked })}
            />
            {t('filter.regex')}
          </label>
          <label className="filter-check">
            <input
              type="checkbox"
              checked={query.caseSensitive}
              onChange={(e) => setQuery({ ...query, caseSensitive: e.target.checked })}
            />
            {t('filter.caseSensitive')}
          </label>
          {replacePlan && !replacePlan.ok && (regexReady || !query.regex) && (
            <span className="filter-error">
              {t('filter.badRegex', { message: replacePlan.error.message })}
            </span>
          )}
          {replacePlan?.ok && (
            <>
              <button
                type="button"
                className="primary"
                disabled={replacePlan.value.length === 0}
                onClick={() => setPending({ kind: 'replace', items: replaceItems() })}
              >
                {t('bulk.replaceAll', { count: replacePlan.value.length })}
              </button>
              <ol className="replace-preview" aria-label={t('bulk.preview')}>
                {replacePlan.value.slice(0, PREVIEW_LIMIT).map((r) => (
                  <li key={r.id}>
                    <span className="preview-unit">{Number(r.id) + 1}</span>
                    <DiffView
                      spans={diffText(r.before, r.after)}
                      label={t('bulk.previewItem', { n: Number(r.id) + 1 })}
                    />
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      )}
      {pending && (
        <ConfirmDialog
          title={t(`bulk.confirm.${pending.kind}`, {
            count: pending.items.length,
            language: t(`languageInText.${lang}`),
          })}
          confirmLabel={t('bulk.confirm.yes', { count: pending.items.length })}
          onCancel={() => {
            setPending(undefined);
            returnFocus();
          }}
          onConfirm={() =>
            void run(pending.items, (result) =>
              t('bulk.done', { changed: result.changed.length, refused: result.refused }),
            )
          }
        >
          <p>{t('bulk.confirm.undoHint')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
