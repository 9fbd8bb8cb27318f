import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AudarmaDb } from '../../storage/db.ts';
import { getDocument, listDocuments, listUnits } from '../../storage/documents.ts';
import { getProject, listProjects } from '../../storage/projects.ts';
import {
  applyActions,
  applyBulk,
  listRenderings,
  type ActionOutcome,
  type BulkItem,
  type BulkResult,
} from '../../storage/renderings.ts';
import { listEntries } from '../../storage/terms.ts';
import type { Document, Project, Rendering, Unit } from '../../core/model/types.ts';
import type { TermEntry } from '../../core/model/term.ts';
import type { RenderingAction } from '../../core/review/stateMachine.ts';
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
  readonly act: (unit: Unit, lang: string, actions: readonly RenderingAction[]) => Promise<ActionOutcome>;
  /** Many renderings at once (bulk approve, replace all, undo); progress as done/total. */
  readonly actBulk: (
    items: readonly BulkItem[],
    onProgress?: (done: number, total: number) => void,
  ) => Promise<BulkResult>;
  /** Reads everything again from storage, after an import or any write made outside `act`. */
  readonly reload: () => void;
  /** Name every revision, comment and approval is attributed to. */
  readonly author: string;
  readonly db: AudarmaDb;
};

export type WorkbenchState =
  | { readonly status: 'loading' }
  | { readonly status: 'empty' }
  | { readonly status: 'error'; readonly error: unknown }
  | ({ readonly status: 'ready' } & Workbench);

type Loaded = Omit<Workbench, 'act' | 'actBulk' | 'progress' | 'reload' | 'author' | 'db'>;

async function loadFirstDocument(db: AudarmaDb): Promise<Loaded | undefined> {
  const [project] = await listProjects(db);
  if (!project) return undefined;
  const [first] = await listDocuments(db, project.id);
  if (!first) return undefined;
  return loadDocument(db, project.id, first.id);
}

async function loadDocument(
  db: AudarmaDb,
  projectId: string,
  documentId: string,
): Promise<Loaded | undefined> {
  const [project, document] = await Promise.all([getProject(db, projectId), getDocument(db, documentId)]);
  if (!project || !document) return undefined;
  const langs = [...new Set([...project.targetLangs])];
  const [units, glossary, ...perLang] = await Promise.all([
    listUnits(db, document.id),
    listEntries(db, project.id),
    ...langs.map((lang) => listRenderings(db, document.id, lang)),
  ]);
  const renderings = new Map<string, Map<string, Rendering>>();
  langs.forEach((lang, i) => renderings.set(lang, new Map((perLang[i] ?? []).map((r) => [r.unitId, r]))));
  return { project, document, units, renderings, glossary };
}

/** Loads the open document from storage and writes every reviewer action back through it. */
export function useWorkbench(db: AudarmaDb | undefined, author: string): WorkbenchState {
  const [loaded, setLoaded] = useState<Loaded | undefined | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  useEffect(() => {
    if (!db) return;
    let cancelled = false;
    loadFirstDocument(db).then(
      (result) => {
        if (!cancelled) setLoaded(result);
      },
      (failure: unknown) => {
        if (!cancelled) setError(failure);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [db, generation]);

  const act = useCallback(
    async (unit: Unit, lang: string, actions: readonly RenderingAction[]): Promise<ActionOutcome> => {
      if (!db) throw new Error('storage is not open');
      const target = { unitId: unit.id, documentId: unit.documentId, lang };
      const outcome = await applyActions(db, target, actions, author, Date.now());
      if (outcome.ok) {
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
    [db, author],
  );

  const actBulk = useCallback(
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
  return { status: 'ready', ...loaded, progress, act, actBulk, reload, author, db };
}
