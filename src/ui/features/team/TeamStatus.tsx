import { lazy, Suspense, useState } from 'react';
import { Strings } from '../../components/Strings.tsx';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { TeamSyncView } from '../../../sync/TeamSync.ts';
import type { Conflict, Refused } from '../../../sync/syncState.ts';
import { SyncStatusBadge } from './SyncStatusBadge.tsx';
import { preloadWhenIdle } from '../../components/preloadWhenIdle.ts';

const ConflictDialog = lazy(() =>
  import('./ConflictDialog.tsx').then((m) => ({ default: m.ConflictDialog })),
);

preloadWhenIdle(() => import('./ConflictDialog.tsx'));

/** The button's words name what waits for the reviewer: conflicts, changes the server refused, or both. */
function openLabel(t: TFunction, conflicts: number, refused: number): string {
  if (conflicts > 0 && refused > 0) return t('team.conflict.openBoth', { conflicts, refused });
  if (conflicts > 0) return t('team.conflict.openConflicts', { count: conflicts });
  return t('team.conflict.openRefused', { count: refused });
}

/** The header's sync status, with a way into the conflicts and refused changes when there are any. */
export function TeamStatus(props: {
  readonly view: TeamSyncView;
  readonly unitNumber: (unitId: string) => number | undefined;
  readonly onTakeTheirs: (conflict: Conflict) => void;
  readonly onKeepMine: (conflict: Conflict) => void;
  readonly onForgetRefused: (refused: Refused) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { view } = props;
  const waiting = view.conflicts.length + view.refused.length;
  // Once the last conflict is settled or the last refused change dismissed, the dialog has nothing left to show
  // (set while rendering, as React advises for state that follows props).
  if (open && waiting === 0) setOpen(false);
  return (
    <>
      <SyncStatusBadge status={view.status} />
      {(view.conflicts.length > 0 || view.refused.length > 0) && (
        <button type="button" className="header-button" onClick={() => setOpen(true)}>
          {openLabel(t, view.conflicts.length, view.refused.length)}
        </button>
      )}
      {open && waiting > 0 && (
        <Suspense fallback={null}>
          <Strings ns={['team']}>
            <ConflictDialog
              conflicts={view.conflicts}
              refused={view.refused}
              onForgetRefused={props.onForgetRefused}
              unitNumber={props.unitNumber}
              onTakeTheirs={props.onTakeTheirs}
              onKeepMine={props.onKeepMine}
              onClose={() => setOpen(false)}
            />
          </Strings>
        </Suspense>
      )}
    </>
  );
}
