import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { memoryName, type MemoryEntry } from '../../../core/memory/types.ts';
import { repeatsOf } from '../../../core/memory/repeats.ts';
import type { RenderingAction } from '../../../core/review/stateMachine.ts';
import type { Unit } from '../../../core/model/types.ts';
import type { Workbench } from '../../app/useWorkbench.ts';
import { commandFor } from '../../keymap/keymap.ts';
import { returnFocus } from '../../keymap/focusModel.ts';
import { MemoryFiles } from './MemoryFiles.tsx';
import { MemoryPanel } from './MemoryPanel.tsx';
import { RepeatsOffer, type PendingRepeat } from './RepeatsOffer.tsx';
import type { UnitMatches } from '../../../core/memory/unitMatcher.ts';
import type { MemoryState } from './useMemory.ts';
import { preloadWhenIdle } from '../../components/preloadWhenIdle.ts';

// The dialogs load when first opened (Ctrl+K, "edit"), not with the first screen.
const ConcordanceDialog = lazy(() =>
  import('./ConcordanceDialog.tsx').then((m) => ({ default: m.ConcordanceDialog })),
);
const MemoryEditor = lazy(() => import('./MemoryEditor.tsx').then((m) => ({ default: m.MemoryEditor })));

preloadWhenIdle(
  () => import('./ConcordanceDialog.tsx'),
  () => import('./MemoryEditor.tsx'),
  () => import('../../../core/memory/memoryTmx.ts'),
);

type Props = {
  readonly workbench: Workbench;
  readonly memory: MemoryState;
  readonly unit: Unit | undefined;
  readonly lang: string;
  readonly found: UnitMatches;
  readonly onProblem: (message: string | undefined) => void;
};

/** The review view's memory: matches of the active unit, the offer for its exact repeats, and concordance (Ctrl+K). */
export function MemorySection({ workbench, memory, unit, lang, found, onProblem }: Props) {
  const { t } = useTranslation();
  const { units, renderings, documents } = workbench;
  const [searching, setSearching] = useState(false);
  const [editing, setEditing] = useState<readonly string[]>();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (commandFor('app', event) !== 'concordance' || root.current?.closest('[hidden]')) return;
      event.preventDefault();
      setSearching(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const originOf = useCallback(
    (entry: MemoryEntry) =>
      documents.find((choice) => choice.document.id === entry.documentId)?.document.name ??
      memoryName(entry.memoryId),
    [documents],
  );

  const rendering = unit ? renderings.get(lang)?.get(unit.id) : undefined;
  const pending = useMemo((): PendingRepeat[] => {
    if (!unit || rendering?.state !== 'approved') return [];
    const mtLang = unit.source.trim() === '' ? lang : undefined;
    return repeatsOf(units, unit.index, mtLang)
      .map((index) => ({ index, other: renderings.get(lang)?.get(units[index]?.id ?? '') }))
      .filter(({ other }) => other?.state !== 'approved' || other.text !== rendering.text)
      .map(({ index, other }) => ({ index, before: other?.text ?? '' }));
  }, [unit, rendering, units, renderings, lang]);

  const applyRepeats = () => {
    if (!rendering) return;
    const text = rendering.text;
    const items = pending.flatMap(({ index }) => {
      const other = units[index];
      if (!other) return [];
      const current = renderings.get(lang)?.get(other.id);
      const actions: RenderingAction[] =
        current?.text === text ? [{ type: 'approve' }] : [{ type: 'edit', text }, { type: 'approve' }];
      return [
        {
          target: { unitId: other.id, documentId: other.documentId, lang },
          actions,
          expect: { revision: current?.revision ?? 0 },
        },
      ];
    });
    workbench
      .actBulk(items)
      .then((result) =>
        onProblem(
          result.refused > 0
            ? t('memory.repeats.refused', { count: result.refused })
            : t('memory.repeats.done', { count: result.changed.length }),
        ),
      )
      .catch((error: unknown) => onProblem(t('storage.failure.other', { message: String(error) })));
  };

  const insert = (index: number) => {
    const match = found.matches[index];
    if (!unit || !match) return;
    workbench
      .act(unit, lang, [{ type: 'edit', text: match.item.target }], { revision: rendering?.revision ?? 0 })
      .then((outcome) =>
        onProblem(
          outcome.ok
            ? undefined
            : t(`transition.${outcome.error.code}`, { from: t(`state.${outcome.error.from}`) }),
        ),
      )
      .catch((error: unknown) => onProblem(t('storage.failure.other', { message: String(error) })));
    returnFocus();
  };

  return (
    <div ref={root} className="memory-section">
      <MemoryPanel kind={found.kind} matches={found.matches} originOf={originOf} onInsert={insert}>
        {rendering && <RepeatsOffer text={rendering.text} pending={pending} onApply={applyRepeats} />}
        <MemoryFiles
          db={workbench.db}
          project={workbench.project}
          lang={lang}
          author={workbench.author}
          version={memory.version}
          onChanged={memory.reload}
          onEdit={setEditing}
        />
      </MemoryPanel>
      <Suspense fallback={null}>
        {searching && (
          <ConcordanceDialog
            db={memory.db}
            originOf={originOf}
            onClose={() => {
              setSearching(false);
              returnFocus();
            }}
          />
        )}
        {editing && (
          <MemoryEditor
            db={workbench.db}
            projectId={workbench.project.id}
            imported={editing}
            author={workbench.author}
            originOf={originOf}
            onChanged={memory.reload}
            onClose={() => {
              setEditing(undefined);
              returnFocus();
            }}
          />
        )}
      </Suspense>
    </div>
  );
}
