import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CheckSettings, DocumentStats, Issue } from '../../core/checks/types.ts';
import { checkPairOf } from './checkPairOf.ts';
import { getSetting, setSetting } from '../../storage/settings.ts';
import { updateCheckSettings } from '../../storage/checkSettings.ts';
import { renderingId } from '../../core/model/ids.ts';
import { dismissIssue, listDismissals, restoreIssue } from '../../storage/dismissals.ts';
import { onStored } from '../../storage/changeFeed.ts';
import type { DismissalRow } from '../../storage/db.ts';
import type { Workbench } from '../app/useWorkbench.ts';
import { isCancelled, prepareDocumentChecks, runJob } from './runJob.ts';
import { reportProblem } from '../app/problems.ts';

export type IssueMap = ReadonlyMap<string, ReadonlyMap<string, readonly Issue[]>>;

export type IssuesState = {
  /** lang → unit id → open issues (dismissed ones removed) */
  readonly issues: IssueMap;
  /** lang → unit id → every issue found, dismissed ones included */
  readonly all: IssueMap;
  /** rendering id → dismissed issue ids */
  readonly dismissed: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every "not an error" decision of the document, with who made it and when. */
  readonly dismissals: readonly DismissalRow[];
  /** The text each rendering had when it was checked: issues are shown only while it is still the text. */
  readonly checkedText: (unitId: string, lang: string) => string | undefined;
  /** Whether the rendering changed since it was last checked (its issues are hidden until checked again). */
  readonly stale: (unitId: string, lang: string) => boolean;
  /** 0…1 while a whole-document check runs, undefined when idle */
  readonly progress: number | undefined;
  /** Whether the document has results to show (a check finished, or the last one's were kept from before). */
  readonly checked: boolean;
  readonly dismiss: (unitId: string, lang: string, issue: Issue) => Promise<void>;
  readonly undismiss: (unitId: string, lang: string, issueId: string) => Promise<void>;
  /** Which checks run and their severities, as the reviewer set them for this project. */
  readonly settings: CheckSettings;
  readonly saveSettings: (settings: CheckSettings) => Promise<void>;
  /** One change to the stored settings (a phrase rule added, the spelling chosen), then a re-check. */
  readonly updateSettings: (change: (current: CheckSettings) => CheckSettings) => Promise<CheckSettings>;
  /** Checks one text as it is being typed (pair checks, in the worker), without storing anything. */
  readonly checkDraft: (
    unitId: string,
    lang: string,
    source: string,
    text: string,
  ) => Promise<readonly Issue[]>;
};

const RECHECK_DELAY_MS = 400;
/** Documents up to this size keep their last check results in storage, shown at once on the next start. */
const CACHE_LIMIT = 5000;
type CachedIssues = readonly (readonly [string, readonly (readonly [string, string, readonly Issue[]])[]])[];
/** Past this many changed renderings (a bulk action), the whole document is checked again. */
const PARTIAL_LIMIT = 200;

/** Units whose rendering changed, per language, or undefined when more than `limit` did. */
function changedUnits(
  before: ReadonlyMap<string, ReadonlyMap<string, unknown>>,
  after: ReadonlyMap<string, ReadonlyMap<string, unknown>>,
  langs: readonly string[],
  limit: number,
): Map<string, Set<string>> | undefined {
  const out = new Map<string, Set<string>>();
  let count = 0;
  for (const lang of langs) {
    const was = before.get(lang);
    const now = after.get(lang);
    const ids = new Set<string>();
    if (was !== now) {
      for (const [id, value] of now ?? []) if (was?.get(id) !== value) ids.add(id);
      for (const id of was?.keys() ?? []) if (!now?.has(id)) ids.add(id);
    }
    count += ids.size;
    if (count > limit) return undefined;
    out.set(lang, ids);
  }
  return out;
}

/**
 * Runs every check over each target language in the worker whenever renderings change (debounced), and keeps
 * the reviewer's "not an error" decisions applied to the results.
 */
export function useIssues(workbench: Workbench): IssuesState {
  const { db, document, project, units, renderings, glossary } = workbench;
  const [raw, setRaw] = useState<ReadonlyMap<string, ReadonlyMap<string, readonly Issue[]>>>(new Map());
  const [texts, setTexts] = useState<ReadonlyMap<string, ReadonlyMap<string, string>>>(new Map());
  const [rows, setRows] = useState<readonly DismissalRow[]>([]);
  const [progress, setProgress] = useState<number | undefined>(undefined);
  const run = useRef(0);
  const settingsKey = `checkSettings:${project.id}`;
  const [settings, setSettings] = useState<CheckSettings | undefined>(undefined);
  // Dismissals and settings written by a teammate (pulled) or in another tab are read again.
  const [remote, setRemote] = useState({ notes: 0, settings: 0 });
  useEffect(
    () =>
      onStored((change) => {
        if (change.origin === 'local' || (!change.notes && !change.settings)) return;
        setRemote((n) => ({
          notes: n.notes + (change.notes ? 1 : 0),
          settings: n.settings + (change.settings ? 1 : 0),
        }));
      }),
    [],
  );

  useEffect(() => {
    let cancelled = false;
    getSetting<CheckSettings>(db, settingsKey, {})
      .then((value) => {
        if (!cancelled) setSettings(value);
      })
      .catch((error: unknown) => {
        // An effect that was left (another document, the app closed) has no one to tell.
        if (!cancelled) reportProblem(error);
      });
    return () => {
      cancelled = true;
    };
  }, [db, settingsKey, remote.settings]);

  const updateSettings = useCallback(
    async (change: (current: CheckSettings) => CheckSettings) => {
      const next = await updateCheckSettings(db, project.id, change);
      setSettings(next);
      return next;
    },
    [db, project.id],
  );
  // The checks list saves which checks run and how severe: the rest of the stored settings stays as it is.
  const saveSettings = useCallback(
    async (next: CheckSettings) => {
      await updateSettings((current) => ({ ...current, ...next }));
    },
    [updateSettings],
  );
  // A long document's checks are split over two workers: the second loads its checks while the units are read.
  const langsKey = [project.sourceLang, ...project.targetLangs].join(' ');
  useEffect(() => {
    prepareDocumentChecks(document.unitCount, langsKey.split(' '));
  }, [document.id, document.unitCount, langsKey]);
  const stats = useRef(new Map<string, DocumentStats | undefined>());
  // A check still running when the document closes must not write or report into a closed database.
  useEffect(
    () => () => {
      run.current += 1;
    },
    [],
  );

  useEffect(() => {
    let cancelled = false;
    listDismissals(db, document.id)
      .then((list) => {
        if (!cancelled) setRows(list);
      })
      .catch((error: unknown) => {
        // An effect that was left (another document, the app closed) has no one to tell.
        if (!cancelled) reportProblem(error);
      });
    return () => {
      cancelled = true;
    };
  }, [db, document.id, remote.notes]);

  // The last results of this document, shown while it is checked again (the speller and the worker take a moment
  // to start): results whose text has changed since are hidden like any other stale ones.
  const cacheKey = `issueCache:${document.id}`;
  useEffect(() => {
    let cancelled = false;
    getSetting<CachedIssues | null>(db, cacheKey, null)
      .then((cached) => {
        if (cancelled || !cached) return;
        setRaw((current) =>
          current.size > 0
            ? current
            : new Map(
                cached.map(([lang, list]) => [lang, new Map(list.map(([id, , found]) => [id, found]))]),
              ),
        );
        setTexts((current) =>
          current.size > 0
            ? current
            : new Map(cached.map(([lang, list]) => [lang, new Map(list.map(([id, text]) => [id, text]))])),
        );
      })
      .catch((error: unknown) => {
        // An effect that was left (another document, the app closed) has no one to tell.
        if (!cancelled) reportProblem(error);
      });
    return () => {
      cancelled = true;
    };
  }, [db, cacheKey]);

  // What the last run checked: an edit to a few renderings re-checks only those units, not the whole document.
  const checked = useRef<{
    readonly units: typeof units;
    readonly glossary: typeof glossary;
    readonly settings: CheckSettings;
    readonly renderings: typeof renderings;
    readonly documentChecks: ReadonlySet<string>;
  }>(undefined);

  useEffect(() => {
    // Checks wait until the whole document has been read: a first page alone would skew document-wide checks.
    if (!workbench.complete || !settings) return;
    const ticket = ++run.current;
    const previous = checked.current;
    const changed =
      previous && previous.units === units && previous.glossary === glossary && previous.settings === settings
        ? changedUnits(previous.renderings, renderings, project.targetLangs, PARTIAL_LIMIT)
        : undefined;
    // A newer run cancels this one, whether it still waits in the worker's queue or is running there.
    const controller = new AbortController();
    const { signal } = controller;
    // A failed check (the worker died, say) ends the progress bar and is reported, never left spinning; the next
    // change runs the checks again.
    const failed = (error: unknown) => {
      if (run.current !== ticket || isCancelled(error)) return;
      setProgress(undefined);
      reportProblem(error);
    };
    const check = async () => {
      const next = new Map<string, ReadonlyMap<string, readonly Issue[]>>();
      const nextTexts = new Map<string, ReadonlyMap<string, string>>();
      const langs = project.targetLangs;
      let documentChecks = previous?.documentChecks ?? new Set<string>();
      for (const [i, lang] of langs.entries()) {
        const perLang = renderings.get(lang);
        const todo = changed?.get(lang);
        const pairs = (todo ? units.filter((unit) => todo.has(unit.id)) : units).flatMap((unit) =>
          checkPairOf(unit, lang, perLang?.get(unit.id)?.text),
        );
        const input = {
          pairs,
          sourceLang: project.sourceLang,
          targetLang: lang,
          entries: glossary,
          spelling: true,
          settings,
          // Words of approved renderings are the project's spelling; a partial run keeps the last list.
          ...(todo
            ? {}
            : {
                approvedTexts: [...(perLang?.values() ?? [])]
                  .filter((r) => r.state === 'approved')
                  .map((r) => r.text),
              }),
        };
        const output = todo
          ? await runJob(
              'checkPairs',
              { ...input, ...(stats.current.get(lang) ? { stats: stats.current.get(lang) } : {}) },
              undefined,
              { signal },
            )
          : await runJob(
              'checkDocument',
              input,
              (fraction) => {
                if (run.current === ticket) setProgress((i + fraction) / langs.length);
              },
              { signal },
            );
        if (run.current !== ticket) return;
        const seen = new Map(todo ? (texts.get(lang) ?? []) : []);
        for (const id of todo ?? []) seen.delete(id);
        for (const pair of pairs) seen.set(pair.id, pair.target);
        nextTexts.set(lang, seen);
        documentChecks = new Set(output.documentChecks);
        if (todo) {
          // Findings of whole-document checks stay until the next full run; pair findings are replaced.
          const merged = new Map(raw.get(lang) ?? []);
          for (const id of todo) {
            const kept = (merged.get(id) ?? []).filter((issue) => documentChecks.has(issue.check));
            const fresh = output.issues.find(([unit]) => unit === id)?.[1] ?? [];
            merged.set(id, [...fresh, ...kept]);
          }
          next.set(lang, merged);
        } else {
          next.set(lang, new Map(output.issues));
          stats.current.set(lang, output.stats);
        }
      }
      checked.current = { units, glossary, settings, renderings, documentChecks };
      setRaw(next);
      setTexts(nextTexts);
      setProgress(undefined);
      if (units.length <= CACHE_LIMIT && run.current === ticket) {
        const cache: CachedIssues = [...next].map(([lang, perUnit]) => [
          lang,
          [...(nextTexts.get(lang) ?? [])].map(([id, text]) => [id, text, perUnit.get(id) ?? []] as const),
        ]);
        await setSetting(db, cacheKey, cache);
      }
    };
    // The first check of a document starts at once; later ones wait for a pause in typing.
    const timer = setTimeout(() => void check().catch(failed), previous ? RECHECK_DELAY_MS : 0);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // `raw` and `texts` are read for merging, not a reason to re-run.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [project, units, renderings, glossary, workbench.complete, settings]);

  const dismissed = useMemo(() => {
    const out = new Map<string, Set<string>>();
    for (const row of rows) {
      const set = out.get(row.renderingId) ?? new Set<string>();
      set.add(row.issueKey);
      out.set(row.renderingId, set);
    }
    return out;
  }, [rows]);

  const stale = useCallback(
    (unitId: string, lang: string) => {
      const seen = texts.get(lang)?.get(unitId);
      return seen !== undefined && seen !== (renderings.get(lang)?.get(unitId)?.text ?? '');
    },
    [texts, renderings],
  );
  const checkedText = useCallback((unitId: string, lang: string) => texts.get(lang)?.get(unitId), [texts]);

  // Issues of a rendering that changed since its check would point at text that is no longer there (a fix would
  // cut the wrong characters): they are left out until the re-check, which follows every change.
  const issues = useMemo(() => {
    const out = new Map<string, Map<string, readonly Issue[]>>();
    for (const [lang, perUnit] of raw) {
      const filtered = new Map<string, readonly Issue[]>();
      for (const [unitId, list] of perUnit) {
        if (stale(unitId, lang)) continue;
        const hidden = dismissed.get(renderingId(unitId as never, lang));
        const open = hidden ? list.filter((issue) => !hidden.has(issue.id)) : list;
        if (open.length > 0) filtered.set(unitId, open);
      }
      out.set(lang, filtered);
    }
    return out;
  }, [raw, dismissed, stale]);

  const dismiss = useCallback(
    async (unitId: string, lang: string, issue: Issue) => {
      const row = await dismissIssue(db, {
        renderingId: renderingId(unitId as never, lang),
        documentId: document.id,
        issueKey: issue.id,
        by: workbench.author,
        at: Date.now(),
      });
      setRows((current) => [...current.filter((r) => r.id !== row.id), row]);
    },
    [db, document.id, workbench.author],
  );

  const undismiss = useCallback(
    async (unitId: string, lang: string, issueId: string) => {
      const id = renderingId(unitId as never, lang);
      await restoreIssue(db, id, issueId);
      setRows((current) => current.filter((r) => !(r.renderingId === id && r.issueKey === issueId)));
    },
    [db],
  );

  const checkDraft = useCallback(
    async (unitId: string, lang: string, source: string, text: string) => {
      if (text.trim() === '') return [];
      const output = await runJob('checkPairs', {
        pairs: [{ id: unitId, source, target: text }],
        sourceLang: project.sourceLang,
        targetLang: lang,
        entries: glossary,
        spelling: true,
        ...(settings ? { settings } : {}),
        ...(stats.current.get(lang) ? { stats: stats.current.get(lang) } : {}),
      });
      const hidden = dismissed.get(renderingId(unitId as never, lang));
      const list = output.issues[0]?.[1] ?? [];
      return hidden ? list.filter((issue) => !hidden.has(issue.id)) : list;
    },
    [project.sourceLang, glossary, dismissed, settings],
  );

  return {
    issues,
    all: raw,
    dismissed,
    dismissals: rows,
    progress,
    checked: texts.size > 0,
    checkedText,
    stale,
    dismiss,
    undismiss,
    checkDraft,
    settings: settings ?? {},
    saveSettings,
    updateSettings,
  };
}
