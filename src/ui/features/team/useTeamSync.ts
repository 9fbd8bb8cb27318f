import { useCallback, useEffect, useRef, useState } from 'react';
import type { AudarmaDb } from '../../../storage/db.ts';
import type { TeamSync, TeamSyncView } from '../../../sync/TeamSync.ts';
import type { Conflict, Refused } from '../../../sync/syncState.ts';
import { reportProblem } from '../../app/problems.ts';
import { preloadWhenIdle } from '../../components/preloadWhenIdle.ts';

// Fetched while the browser is idle even when no project is shared: one shared just before the network goes must
// still sync (the service worker caches it too, but it may not control a first visit yet).
preloadWhenIdle(
  () => import('../../../sync/TeamSync.ts'),
  () => import('./TeamStatus.tsx'),
);

export type TeamSyncState = {
  /** Null while the project is not shared through a team server from this browser. */
  readonly view: TeamSyncView | null;
  /** Turns sync on for the project (after sharing it, or on finding oneself a member). */
  readonly enable: (server: string, user: string) => Promise<void>;
  readonly takeTheirs: (conflict: Conflict) => Promise<void>;
  readonly keepMine: (conflict: Conflict) => Promise<void>;
  readonly forgetRefused: (refused: Refused) => Promise<void>;
};

/** Runs team sync for the open project while it is shared; the header shows what it reports. */
export function useTeamSync(
  db: AudarmaDb | undefined,
  projectId: string | undefined,
  author: string,
): TeamSyncState {
  const [view, setView] = useState<TeamSyncView | null>(null);
  const [generation, setGeneration] = useState(0);
  const sync = useRef<TeamSync | null>(null);

  useEffect(() => {
    if (!db || !projectId) return;
    let running: TeamSync | null = null;
    let cancelled = false;
    // Sync's code is fetched after the first screen, and only runs for a project shared from this browser.
    import('../../../storage/outbox.ts')
      .then(({ getShare }) => getShare(db, projectId))
      .then(async (share) => {
        if (cancelled || !share) return;
        const { TeamSync } = await import('../../../sync/TeamSync.ts');
        if (cancelled) return;
        running = new TeamSync(db, share, (next) => {
          if (!cancelled) setView(next);
        });
        sync.current = running;
        running.start();
      })
      .catch(reportProblem);
    return () => {
      cancelled = true;
      running?.stop();
      sync.current = null;
      setView(null);
    };
  }, [db, projectId, generation]);

  const enable = useCallback(
    async (server: string, user: string) => {
      if (!db || !projectId) return;
      const { shareLocally } = await import('../../../storage/outbox.ts');
      await shareLocally(db, projectId, server, user);
      setGeneration((n) => n + 1);
    },
    [db, projectId],
  );
  const takeTheirs = useCallback(async (conflict: Conflict) => {
    await sync.current?.takeTheirs(conflict);
  }, []);
  const keepMine = useCallback(
    async (conflict: Conflict) => {
      await sync.current?.keepMine(conflict, author);
    },
    [author],
  );
  const forgetRefused = useCallback(async (refused: Refused) => {
    await sync.current?.forgetRefused(refused);
  }, []);
  return { view, enable, takeTheirs, keepMine, forgetRefused };
}
