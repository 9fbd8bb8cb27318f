import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AudarmaDb } from '../../storage/db.ts';
import { listDocuments, listUnits } from '../../storage/documents.ts';
import { listProjects } from '../../storage/projects.ts';
import { getSetting, setSetting } from '../../storage/settings.ts';
import {
  applyActions,
  applyBulk,
  listRenderings,
  listUnitRenderings,
  type ActionOutcome,
  type BulkItem,
  type BulkResult,
} from '../../storage/renderings.ts';
import { listEntries } from '../../storage/terms.ts';
import { onStored } from '../../storage/changeFeed.ts';
import type { Document, Project, Rendering, Unit } from '../../core/model/types.ts';
import type { TermEntry } from '../../core/model/term.ts';
import type { Expectation, RenderingAction } from '../../core/review/stateMachine.ts';
import { progressOf, type Progress } from '../../core/review/progress.ts';

export type RenderingMap = ReadonlyMap<string, ReadonlyMap<string, Rendering>>;

export type Workbench = {
  readonly project: Project;
  readonly document: Document;
  readonly units: readonly Unit[];
  /** lang → unit id → rendering */
  readonly renderings: RenderingMap;
  readonly glossary: readonly TermEntry[];
  readonly progress: ReadonlyMap<string, Progress>;
  /** The one way to change a rendering; with `expect`, refused as `stale` unless it is still what the caller saw. */
  readonly act: (
    unit: Unit,
    lang: string,
    actions: readonly RenderingAction[],
    expect?: Expectation,
  ) => Promise<ActionOutcome>;
  /** Many renderings at once (bulk approve, replace all, undo); progress as done/total. */
  readonly actBulk: (
    items: readonly BulkItem[],
    onProgress?: (done: number, total: number) => void,
  ) => Promise<BulkResult>;
  /** Takes back the last change made through `act` or `actBulk` (or re-does the last one taken back). */
  readonly undo: () => Promise<UndoOutcome | undefined>;
  readonly redo: () => Promise<UndoOutcome | undefined>;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** Reads everything again from storage, after an import or any write made outside `act`. */
  readonly reload: () => void;
  /** False while only the first page of a long document has been read. */
  readonly complete: boolean;
  /** Every document of every project, for switching. */
  readonly documents: readonly DocumentChoice[];
  readonly openDocument: (documentId: string) => void;
  /** Name every revision, comment and approval is attributed to. */
  readonly author: string;
  readonly db: AudarmaDb;
};

/** What an undo or redo did: renderings changed back, and those refused because they changed since. */
export type UndoOutcome = { readonly changed: number; readonly refused: number };

type Change = { readonly before: Rendering | undefined; readonly after: Rendering };
/** Steps kept for undo: enough for a day's slips, bounded so a long session does not grow without end. */
const UNDO_LIMIT = 200;

export type WorkbenchState =
  | { readonly status: 'loading' }
  | { readonly status: 'empty' }
  | { readonly status: 'error'; readonly error: unknown }
  | ({ readonly status: 'ready' } & Workbench);

type Loaded = Omit<
  Workbench,
  | 'act'
  | 'actBulk'
  | 'progress'
  | 'reload'
  | 'author'
  | 'db'
  | 'documents'
  | 'openDocument'
  | 'undo'
  | 'redo'
  | 'canUndo'
  | 'canRedo'
>;

/** Units shown before the rest of a long document has been read. */
export const FIRST_PAGE = 200;
const OPEN_DOCUMENT_SETTING = 'openDocument';

export type DocumentChoice = { readonly project: Project; readonly document: Document };

async function listChoices(db: AudarmaDb): Promise<DocumentChoice[]> {
  const projects = await listProjects(db);
  const perProject = await Promise.all(projects.map((project) => listDocuments(db, project.id)));
  return projects.flatMap((project, i) => (perProject[i] ?? []).map((document) => ({ project, document })));
}

function group(
  renderings: readonly Rendering[],
  langs: readonly string[],
): Map<string, Map<string, Rendering>> {
  const out = new Map<string, Map<string, Rendering>>(langs.map((lang) => [lang, new Map()]));
  for (const r of renderings) out.get(r.lang)?.set(r.unitId, r);
  return out;
}

/**
 * Reads a document for the grid. The first page of units and their renderings come by indexed ranges and are
 * shown at once (`complete: false`); the whole document follows.
 */
async function loadDocument(
  db: AudarmaDb,
  choice: DocumentChoice,
  onFirstPage: (page: Loaded) => void,
): Promise<Loaded> {
  const { project, document } = choice;
  const langs = [...new Set(project.targetLangs)];
  const glossaryRead = listEntries(db, project.id);
  if (document.unitCount > FIRST_PAGE) {
    const [glossary, first] = await Promise.all([glossaryRead, listUnits(db, document.id, 0, FIRST_PAGE)]);
    const firstRenderings = await listUnitRenderings(
      db,
      first.map((u) => u.id),
    );
    onFirstPage({
      project,
      document,
      units: first,
      renderings: group(firstRenderings, langs),
      glossary,
      complete: false,
    });
  }
  const [glossary, units, ...perLang] = await Promise.all([
    glossaryRead,
    listUnits(db, document.id),
    ...langs.map((lang) => listRenderings(db, document.id, lang)),
  ]);
  return { project, document, units, renderings: group(perLang.flat(), langs), glossary, complete: true };
}

/** Loads the open document from storage and writes every reviewer action back through it. */
export function useWorkbench(db: AudarmaDb | undefined, author: string): WorkbenchState {
  const [loaded, setLoaded] = useState<Loaded | undefined | null>(null);
  const [choices, setChoices] = useState<readonly DocumentChoice[]>([]);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  // The renderings as last written, read by `act` to remember what a change replaced (for undo).
  const renderingsRef = useRef<RenderingMap | undefined>(undefined);
  useEffect(() => {
    renderingsRef.current = loaded?.renderings;
  }, [loaded]);
  const history = useRef<{ undo: (readonly Change[])[]; redo: (readonly Change[])[] }>({
    undo: [],
    redo: [],
  });
  // How deep each stack is, as state: the stacks themselves live in a ref, written outside render.
  const [depth, setDepth] = useState({ undo: 0, redo: 0 });
  const syncDepth = useCallback(
    () => setDepth({ undo: history.current.undo.length, redo: history.current.redo.length }),
    [],
  );
  const record = useCallback(
    (changes: readonly Change[]) => {
      if (changes.length === 0) return;
      const stacks = history.current;
      stacks.undo.push(changes);
      if (stacks.undo.length > UNDO_LIMIT) stacks.undo.shift();
      stacks.redo = [];
      syncDepth();
    },
    [syncDepth],
  );

  useEffect(() => {
    if (!db) return;
    let cancelled = false;
    (async () => {
      const [list, saved] = await Promise.all([
        listChoices(db),
        getSetting<string | null>(db, OPEN_DOCUMENT_SETTING, null),
      ]);
      if (cancelled) return;
      setChoices(list);
      const wanted = chosen ?? saved ?? undefined;
      const choice = list.find((c) => c.document.id === wanted) ?? list[0];
      if (!choice) {
        setLoaded(undefined);
        return;
      }
      const full = await loadDocument(db, choice, (page) => {
        if (!cancelled) setLoaded(page);
      });
      if (!cancelled) setLoaded(full);
    })().catch((failure: unknown) => {
      if (!cancelled) setError(failure);
    });
    return () => {
      cancelled = true;
    };
  }, [db, generation, chosen]);

  // Renderings written elsewhere (another tab, another reviewer through the team server) are read again here;
  // this page's own writes are in state already.
  useEffect(() => {
    if (!db) return;
    return onStored((change) => {
      if (change.origin === 'local') return;
      if (change.glossary) reload();
      if (change.unitIds.length === 0) return;
      listUnitRenderings(db, change.unitIds)
        .then((fresh) =>
          setLoaded((current) => {
            if (!current) return current;
            const renderings = new Map(current.renderings);
            const copied = new Set<string>();
            for (const rendering of fresh) {
              if (rendering.documentId !== current.document.id || !renderings.has(rendering.lang)) continue;
              if (!copied.has(rendering.lang)) {
                renderings.set(rendering.lang, new Map(renderings.get(rendering.lang)));
                copied.add(rendering.lang);
              }
              (renderings.get(rendering.lang) as Map<string, Rendering>).set(rendering.unitId, rendering);
            }
            return { ...current, renderings };
          }),
        )
        .catch((failure: unknown) => setError(failure));
    });
  }, [db, reload]);

  const openDocument = useCallback(
    (documentId: string) => {
      setChosen(documentId);
      if (db) void setSetting(db, OPEN_DOCUMENT_SETTING, documentId);
    },
    [db],
  );

  const act = useCallback(
    async (
      unit: Unit,
      lang: string,
      actions: readonly RenderingAction[],
      expect?: Expectation,
    ): Promise<ActionOutcome> => {
      if (!db) throw new Error('storage is not open');
      const target = { unitId: unit.id, documentId: unit.documentId, lang };
      const before = renderingsRef.current?.get(lang)?.get(unit.id);
      const outcome = await applyActions(db, target, actions, author, Date.now(), expect);
      if (outcome.ok) {
        record([{ before, after: outcome.rendering }]);
        setLoaded((current) => {
          if (!current) return current;
          const renderings = new Map(current.renderings);
          const perLang = new Map(renderings.get(lang) ?? []);
          perLang.set(unit.id, outcome.rendering);
          renderings.set(lang, perLang);
          return { ...current, renderings };
        });
      }
      return outcome;
    },
    [db, author, record],
  );

  const writeBulk = useCallback(
    async (
      items: readonly BulkItem[],
      onProgress?: (done: number, total: number) => void,
    ): Promise<BulkResult> => {
      if (!db) throw new Error('storage is not open');
      const result = await applyBulk(db, items, author, Date.now(), onProgress);
      setLoaded((current) => {
        if (!current) return current;
        const renderings = new Map(current.renderings);
        const copied = new Set<string>();
        for (const { after } of result.changed) {
          if (!copied.has(after.lang)) {
            renderings.set(after.lang, new Map(renderings.get(after.lang) ?? []));
            copied.add(after.lang);
          }
          (renderings.get(after.lang) as Map<string, Rendering>).set(after.unitId, after);
        }
        return { ...current, renderings };
      });
      return result;
    },
    [db, author],
  );

  const actBulk = useCallback(
    async (items: readonly BulkItem[], onProgress?: (done: number, total: number) => void) => {
      const result = await writeBulk(items, onProgress);
      record(result.changed);
      return result;
    },
    [writeBulk, record],
  );

  /** Reverts every change of a step to what it was before, unless it changed again since. */
  const revertStep = useCallback(
    async (step: readonly Change[]) => {
      const result = await writeBulk(
        step.map(({ before, after }) => ({
          target: { unitId: after.unitId, documentId: after.documentId, lang: after.lang },
          actions: [{ type: 'revert', text: before?.text ?? '', state: before?.state ?? 'new' }],
          expect: { revision: after.revision },
        })),
      );
      return result;
    },
    [writeBulk],
  );

  const undo = useCallback(async () => {
    const step = history.current.undo.pop();
    if (!step) return undefined;
    const result = await revertStep(step);
    if (result.changed.length > 0) history.current.redo.push(result.changed);
    syncDepth();
    return { changed: result.changed.length, refused: result.refused };
  }, [revertStep, syncDepth]);

  const redo = useCallback(async () => {
    const step = history.current.redo.pop();
    if (!step) return undefined;
    const result = await revertStep(step);
    if (result.changed.length > 0) history.current.undo.push(result.changed);
    syncDepth();
    return { changed: result.changed.length, refused: result.refused };
  }, [revertStep, syncDepth]);

  const progress = useMemo(() => {
    const out = new Map<string, Progress>();
    if (!loaded) return out;
    for (const lang of loaded.project.targetLangs) {
      const perLang = loaded.renderings.get(lang);
      out.set(
        lang,
        progressOf(
          loaded.units.length,
          [...(perLang?.values() ?? [])].map((r) => r.state),
        ),
      );
    }
    return out;
  }, [loaded]);

  if (error !== undefined) return { status: 'error', error };
  if (loaded === null) return { status: 'loading' };
  if (loaded === undefined || !db) return { status: 'empty' };
  return {
    status: 'ready',
    ...loaded,
    progress,
    act,
    actBulk,
    undo,
    redo,
    canUndo: depth.undo > 0,
    canRedo: depth.redo > 0,
    reload,
    author,
    db,
    documents: choices,
    openDocument,
  };
}
