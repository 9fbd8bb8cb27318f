import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../../core/checks/types.ts';
import type { Replacement } from '../../../core/review/replace.ts';
import type { BulkItem, BulkResult } from '../../../storage/renderings.ts';
import type { Workbench } from '../../app/useWorkbench.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import type { FindQuery } from './FindReplace.tsx';
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

const FindReplace = lazy(() => import('./FindReplace.tsx').then((m) => ({ default: m.FindReplace })));

/**
 * Changes to many units at once, always previewed and confirmed, and undoable: approve what the filter shows and
 * has no open issue, copy machine translation into empty renderings, find and replace.
 */
export function BulkActions({ workbench, lang, visible, issues, onOpenCheckSettings }: Props) {
  const { t } = useTranslation();
  const { units, renderings } = workbench;
  const [pending, setPending] = useState<Pending | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [finding, setFinding] = useState(false);
  const [query, setQuery] = useState<FindQuery>({
    find: '',
    replace: '',
    regex: false,
    caseSensitive: false,
  });
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

  const texts = useMemo(
    () =>
      finding
        ? visible.flatMap((index) => {
            const unit = units[index];
            const text = unit && perLang?.get(unit.id)?.text;
            return unit && text ? [{ id: String(index), text }] : [];
          })
        : [],
    [finding, visible, units, perLang],
  );

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

  const replaceItems = (replacements: readonly Replacement[]): BulkItem[] =>
    replacements.map((r) => ({ target: target(Number(r.id))!, actions: [{ type: 'edit', text: r.after }] }));

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
        <Suspense fallback={null}>
          <FindReplace
            query={query}
            onQuery={setQuery}
            texts={texts}
            onReplace={(replacements) => setPending({ kind: 'replace', items: replaceItems(replacements) })}
          />
        </Suspense>
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
