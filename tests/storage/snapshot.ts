import type { AudarmaDb } from '../../src/storage/db.ts';
import { readProjectBundle } from '../../src/storage/backup.ts';
import { rekeyBundle, type ProjectBundle } from '../../src/core/formats/backup.ts';

const STORES = [
  'projects',
  'documents',
  'units',
  'renderings',
  'revisions',
  'terms',
  'termHistory',
  'settings',
  'dismissals',
  'comments',
  'annotations',
  'memory',
] as const;

const byJson = <T>(rows: readonly T[]): T[] =>
  rows
    .map((row) => [JSON.stringify(row), row] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, row]) => row);

/**
 * A bundle with its ids replaced by ones numbered in content order: two bundles are equal under this when they
 * hold the same project, documents, texts, histories and notes, whatever ids their rows were stored under.
 */
export function canonicalBundle(b: ProjectBundle): ProjectBundle {
  let n = 0;
  const sorted: ProjectBundle = {
    ...b,
    exportedAt: 0,
    documents: [...b.documents].sort((x, y) => x.name.localeCompare(y.name) || x.createdAt - y.createdAt),
    terms: [...b.terms].sort((x, y) => JSON.stringify(x.terms).localeCompare(JSON.stringify(y.terms))),
    comments: [...b.comments].sort((x, y) => x.at - y.at || x.text.localeCompare(y.text)),
    annotations: [...b.annotations].sort((x, y) => x.at - y.at || x.start - y.start),
  };
  const fresh = rekeyBundle(sorted, { newId: (prefix) => `${prefix}-${++n}` });
  return {
    ...fresh,
    units: byJson(fresh.units),
    renderings: byJson(fresh.renderings),
    revisions: byJson(fresh.revisions),
    comments: byJson(fresh.comments),
    annotations: byJson(fresh.annotations),
    dismissals: byJson(fresh.dismissals),
    termHistory: byJson(fresh.termHistory),
    settings: byJson(fresh.settings),
    memory: byJson(fresh.memory),
  };
}

/** Every row of every store but the markers, in key order: two equal snapshots are two identical databases. */
export async function rawSnapshot(db: AudarmaDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const store of STORES) out[store] = await db.getAll(store);
  return out;
}

/**
 * The database as a user sees it, ids aside: each project's bundle in canonical form, and the number of rows in
 * every store (a row no project lists shows up there as one too many).
 */
export async function contentSnapshot(db: AudarmaDb): Promise<unknown> {
  const projects = (await db.getAll('projects')).sort((a, b) => a.name.localeCompare(b.name));
  const bundles = [];
  for (const p of projects) bundles.push(canonicalBundle(await readProjectBundle(db, p.id, 0)));
  const counts: Record<string, number> = {};
  for (const store of STORES) counts[store] = await db.count(store);
  return { bundles, counts };
}
