import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Annotation } from '../../../core/model/review.ts';
import type { Rendering, Revision } from '../../../core/model/types.ts';
import { DEFAULT_PASS_THRESHOLD, scoreMqm, type MqmScore } from '../../../core/review/mqm.ts';
import { timeSpent, type TimeSpent } from '../../../core/review/effort.ts';
import type { DocumentEffort } from '../../../core/review/editDistance.ts';
import { listAnnotations } from '../../../storage/annotations.ts';
import { listDocumentRevisions } from '../../../storage/renderings.ts';
import { getSetting, setSetting } from '../../../storage/settings.ts';
import type { Workbench } from '../../app/useWorkbench.ts';
import { runJob } from '../../hooks/runJob.ts';
import { reportProblem } from '../../app/problems.ts';

/** Which words MQM divides by: the whole document, or only the units a reviewer has judged. */
export type EvaluationScope = 'document' | 'reviewed';

export const thresholdKey = (projectId: string): string => `mqmPassThreshold:${projectId}`;

const JUDGED = new Set<Rendering['state']>(['reviewed', 'approved', 'rejected']);
const POST_EDITED = new Set<Rendering['state']>(['edited', 'reviewed', 'approved', 'rejected']);

type Loaded = {
  readonly lang: string;
  readonly annotations: readonly Annotation[];
  readonly revisions: readonly Revision[];
  readonly words: ReadonlyMap<string, number>;
  readonly effort: DocumentEffort;
};

export type DashboardData =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | {
      readonly status: 'ready';
      readonly annotations: readonly Annotation[];
      readonly score: MqmScore;
      /** Words of every unit with text in this language. */
      readonly totalWords: number;
      /** Post-editing effort, undefined when no unit with a machine translation was post-edited. */
      readonly effort: DocumentEffort | undefined;
      readonly time: TimeSpent;
    };

/**
 * Reads what the dashboard shows for one language: annotations and revisions from storage by index, word counts
 * and post-editing effort from the worker, the project's pass threshold from settings. Re-reads whenever the
 * workbench's renderings change (an edit, an approval, a reload after annotating).
 */
export function useDashboardData(
  workbench: Workbench,
  lang: string,
  scope: EvaluationScope,
): {
  readonly data: DashboardData;
  readonly threshold: number;
  readonly saveThreshold: (value: number) => Promise<void>;
} {
  const { db, project, document, units, renderings } = workbench;
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [threshold, setThreshold] = useState(DEFAULT_PASS_THRESHOLD);

  useEffect(() => {
    let cancelled = false;
    getSetting(db, thresholdKey(project.id), DEFAULT_PASS_THRESHOLD)
      .then(
        (value) => {
          if (!cancelled && typeof value === 'number' && Number.isFinite(value)) setThreshold(value);
        },
        () => undefined,
      )
      .catch((error: unknown) => {
        // An effect that was left (another document, the app closed) has no one to tell.
        if (!cancelled) reportProblem(error);
      });
    return () => {
      cancelled = true;
    };
  }, [db, project.id]);

  useEffect(() => {
    let cancelled = false;
    const perLang = renderings.get(lang);
    const texts: { id: string; text: string }[] = [];
    const postEdits: { machine: string; final: string }[] = [];
    for (const unit of units) {
      const rendering = perLang?.get(unit.id);
      if (!rendering || rendering.text.trim() === '') continue;
      texts.push({ id: unit.id, text: rendering.text });
      const machine = unit.mt[lang];
      if (machine && POST_EDITED.has(rendering.state)) postEdits.push({ machine, final: rendering.text });
    }
    Promise.all([
      listAnnotations(db, document.id, lang),
      listDocumentRevisions(db, document.id),
      runJob('reviewStats', { texts, postEdits }),
    ]).then(
      ([annotations, revisions, stats]) => {
        if (cancelled) return;
        setFailure(undefined);
        setLoaded({
          lang,
          annotations,
          revisions: revisions.filter((r) => r.lang === lang),
          words: new Map(stats.words),
          effort: stats.effort,
        });
      },
      (error: unknown) => {
        if (!cancelled) setFailure(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [db, document.id, units, renderings, lang]);

  const saveThreshold = useCallback(
    async (value: number) => {
      setThreshold(value);
      await setSetting(db, thresholdKey(project.id), value);
    },
    [db, project.id],
  );

  const data = useMemo((): DashboardData => {
    if (failure !== undefined) return { status: 'error', message: failure };
    if (!loaded || loaded.lang !== lang) return { status: 'loading' };
    const perLang = renderings.get(lang);
    const annotated = new Set(loaded.annotations.map((a) => a.unitId as string));
    let totalWords = 0;
    let evaluated = 0;
    for (const [unitId, words] of loaded.words) {
      totalWords += words;
      const state = perLang?.get(unitId as never)?.state;
      if (scope === 'document' || annotated.has(unitId) || (state && JUDGED.has(state))) evaluated += words;
    }
    return {
      status: 'ready',
      annotations: loaded.annotations,
      score: scoreMqm(loaded.annotations, evaluated, threshold),
      totalWords,
      effort: loaded.effort.units > 0 ? loaded.effort : undefined,
      time: timeSpent(loaded.revisions),
    };
  }, [failure, loaded, lang, renderings, scope, threshold]);

  return { data, threshold, saveThreshold };
}
