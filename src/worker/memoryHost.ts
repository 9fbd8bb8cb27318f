/// <reference lib="webworker" />
import { LiveMemory } from '../core/memory/liveMemory.ts';
import { packForms, unpackForms } from '../core/memory/packedForms.ts';
import type { Normalised } from '../core/memory/normalise.ts';
import { openAudarmaDb, type AudarmaDb } from '../storage/db.ts';
import { memoryChangesSince } from '../storage/memory.ts';

/**
 * The translation memory as the worker holds it: read from IndexedDB here, not on the main thread, and kept
 * between jobs. Each job first asks the memory's change log what changed since the last one and applies just
 * that (see LiveMemory); the normalised forms of its texts are kept in the Cache API, so that after a reload the
 * index is built from them instead of tokenising every entry again.
 */
type Held = {
  readonly name: string;
  db: Promise<AudarmaDb>;
  n?: number;
  live?: LiveMemory;
  savedForms: number;
};

let held: Held | undefined;
/** Jobs that read the memory run one after another, so two never apply the same changes twice. */
let queue: Promise<unknown> = Promise.resolve();

const CACHE = 'audarma-memory-forms-v1';
const formsUrl = (name: string) =>
  new URL(
    `/__audarma/memory-forms/${encodeURIComponent(name)}`,
    globalThis.location?.href ?? 'http://localhost/',
  ).href;

async function formsCache(): Promise<Cache | undefined> {
  return typeof caches === 'undefined' ? undefined : caches.open(CACHE).catch(() => undefined);
}

async function loadForms(name: string): Promise<Map<string, Normalised> | undefined> {
  const hit = await (await formsCache())?.match(formsUrl(name));
  return hit ? unpackForms(await hit.text()) : undefined;
}

/** Keeps the forms once the index holds many more than were kept: writing them costs a moment of the worker. */
async function saveForms(h: Held): Promise<void> {
  const live = h.live;
  if (!live) return;
  const forms = live.normalisedForms();
  if (forms.size < 1000 || forms.size < h.savedForms * 1.2) return;
  h.savedForms = forms.size;
  const cache = await formsCache();
  await cache
    ?.put(
      formsUrl(h.name),
      new Response(packForms(forms), { headers: { 'content-type': 'application/json' } }),
    )
    .catch(() => undefined);
}

async function refresh(name: string): Promise<LiveMemory> {
  if (!held || held.name !== name) held = { name, db: openAudarmaDb(name), savedForms: 0 };
  const h = held;
  let db = await h.db;
  let changes;
  try {
    changes = await memoryChangesSince(db, h.live ? h.n : undefined);
  } catch {
    // The connection was closed under us (another tab upgraded or deleted the database): open it again.
    h.db = openAudarmaDb(name);
    db = await h.db;
    changes = await memoryChangesSince(db, h.live ? h.n : undefined);
  }
  if (changes.kind === 'all') {
    const known = h.live ? h.live.normalisedForms() : await loadForms(name);
    if (!h.live && known) h.savedForms = known.size;
    h.live = new LiveMemory(changes.entries, known);
  } else if (changes.kind === 'some') h.live?.apply(changes.changed, changes.removed);
  h.n = changes.n;
  return h.live as LiveMemory;
}

/** Runs `use` on the memory of database `name`, brought up to date first. */
export function withMemory<T>(name: string, use: (memory: LiveMemory) => T): Promise<T> {
  const run = queue.then(async () => {
    const memory = await refresh(name);
    const out = use(memory);
    if (held) void saveForms(held);
    return out;
  });
  queue = run.catch(() => undefined);
  return run;
}
