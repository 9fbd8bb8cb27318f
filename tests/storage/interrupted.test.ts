import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openAudarmaDb, type AudarmaDb } from '../../src/storage/db.ts';
import { ensureDemoProject } from '../../src/storage/demo.ts';
import { listUnits } from '../../src/storage/documents.ts';
import { applyActions, applyBulk } from '../../src/storage/renderings.ts';
import { applyAlignment } from '../../src/storage/alignment.ts';
import { importDocumentRows } from '../../src/storage/importDocumentRows.ts';
import { readProjectBundle, restoreProjectBundle } from '../../src/storage/backup.ts';
import {
  dismissInterrupted,
  listInterrupted,
  recoverPending,
  underMarker,
  type PendingKind,
} from '../../src/storage/pending.ts';
import { rekeyBundle, type ProjectBundle } from '../../src/core/formats/backup.ts';
import { DEMO_DOCUMENT_ID, DEMO_PROJECT_ID, demoProject } from '../../src/core/demo/project.ts';
import { parseImport } from '../../src/worker/jobs/parseImport.ts';
import { contentSnapshot, rawSnapshot } from './snapshot.ts';

const demo = readFileSync(
  new URL('../../src/demo/municipal-police-kazakhstan.en.txt', import.meta.url),
  'utf8',
);
let counter = 0;

class Abandoned extends Error {}

/**
 * The database as a page sees it that goes away after `steps` transactions: the transactions begun so far run to
 * their end (commit, or abort when the write aborts them), and none begins after. `kill` ends it at once.
 */
function abandoning(real: AudarmaDb, steps: number): { db: AudarmaDb; kill: () => void; used: () => number } {
  let begun = 0;
  let dead = false;
  const db = new Proxy(real, {
    get(target, key, receiver) {
      if (key === 'transaction')
        return (...args: Parameters<AudarmaDb['transaction']>) => {
          if (dead || begun >= steps) {
            dead = true;
            throw new Abandoned('the page went away');
          }
          begun += 1;
          return target.transaction(...args);
        };
      const value = Reflect.get(target, key, target) as unknown;
      // idb's shortcut methods (get, put, add…) open their transaction through `this`: through this proxy.
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(receiver) : value;
    },
  });
  return { db, kill: () => void (dead = true), used: () => begun };
}

/** A page that fails its `step`-th transaction with a full disk and goes on working afterwards. */
function failingAt(real: AudarmaDb, step: number): { db: AudarmaDb; reached: () => boolean } {
  let begun = 0;
  const db = new Proxy(real, {
    get(target, key, receiver) {
      if (key === 'transaction')
        return (...args: Parameters<AudarmaDb['transaction']>) => {
          begun += 1;
          if (begun === step) throw new DOMException('disk full', 'QuotaExceededError');
          return target.transaction(...args);
        };
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(receiver) : value;
    },
  });
  return { db, reached: () => begun >= step };
}

type Scenario = {
  readonly kind: PendingKind;
  /** Builds the database the write starts from (the same every time). */
  readonly setup: (db: AudarmaDb) => Promise<void>;
  /** The write; `onProgress` is passed to it, so that a test can end the page between two of its slices. */
  readonly write: (db: AudarmaDb, onProgress: () => void) => Promise<unknown>;
  /** Content snapshots (ids aside) where the write stores new rows under fresh ids; raw rows elsewhere. */
  readonly snapshot: (db: AudarmaDb) => Promise<unknown>;
};

async function demoDb(db: AudarmaDb): Promise<void> {
  await ensureDemoProject(db, demo, 'tester', 1000);
}

/** The demo with an approved edit, a Kazakh rendering, a comment and a glossary change. */
async function busy(db: AudarmaDb): Promise<void> {
  await demoDb(db);
  const [u1, u2] = await listUnits(db, DEMO_DOCUMENT_ID, 0, 2);
  if (!u1 || !u2) throw new Error('no units');
  const at = (u: typeof u1, lang: string) => ({ unitId: u.id, documentId: u.documentId, lang });
  await applyActions(db, at(u1, 'en'), [{ type: 'edit', text: 'Edited.' }, { type: 'approve' }], 'ann', 2000);
  await applyActions(db, at(u2, 'kk'), [{ type: 'edit', text: 'Мәтін.' }], 'ann', 2100);
  await db.put('comments', {
    id: 'c1',
    documentId: u1.documentId,
    unitId: u1.id,
    author: 'ann',
    at: 2300,
    text: 'Check the term',
    open: 1,
  });
  const [entry] = await db.getAllFromIndex('terms', 'byProject', DEMO_PROJECT_ID);
  if (!entry) throw new Error('no glossary');
  await db.add('termHistory', {
    id: 1,
    entryId: entry.id,
    at: 2600,
    by: 'ann',
    change: 'status',
    before: 'proposed',
    after: 'approved',
  });
}

/** A backup of the busy project taken before a later edit: restoring it in place changes something. */
let backup: ProjectBundle | undefined;
async function busyBackup(): Promise<ProjectBundle> {
  if (backup) return backup;
  const db = await openAudarmaDb(`interrupted-backup-${counter++}`);
  await busy(db);
  backup = await readProjectBundle(db, DEMO_PROJECT_ID, 3000);
  db.close();
  return backup;
}
async function busyThenEdited(db: AudarmaDb): Promise<void> {
  await busy(db);
  const [u1] = await listUnits(db, DEMO_DOCUMENT_ID, 0, 1);
  if (!u1) throw new Error('no unit');
  await applyActions(
    db,
    { unitId: u1.id, documentId: u1.documentId, lang: 'kk' },
    [{ type: 'edit', text: 'Кейін.' }, { type: 'approve' }],
    'bob',
    4000,
  );
}

function csvImport() {
  const lines = Array.from({ length: 2300 }, (_, i) => `${i},Предложение ${i}.,Sentence ${i}.,Сөйлем ${i}.`);
  const out = parseImport(
    {
      fileName: 'big.csv',
      bytes: new TextEncoder().encode(`id,ru,en,kk\n${lines.join('\n')}\n`),
      project: demoProject(1),
      author: 'a',
      now: 5,
      documentId: 'csvdoc',
    },
    () => undefined,
  );
  if (out.kind !== 'document') throw new Error('not a document');
  return out.rows;
}
const imported = csvImport();

/** The demo's units, read once: a write must not begin with reads of its own through the failing page. */
const demoUnits = await (async () => {
  const db = await openAudarmaDb(`interrupted-units-${counter++}`);
  await demoDb(db);
  const units = await listUnits(db, DEMO_DOCUMENT_ID);
  db.close();
  return units;
})();

const scenarios: readonly Scenario[] = [
  {
    kind: 'import',
    setup: demoDb,
    write: (db, onProgress) => importDocumentRows(db, imported, onProgress, 10),
    snapshot: rawSnapshot,
  },
  {
    kind: 'restoreReplace',
    setup: busyThenEdited,
    write: async (db, onProgress) => restoreProjectBundle(db, await busyBackup(), 'replace', onProgress, 10),
    snapshot: contentSnapshot,
  },
  {
    kind: 'restore',
    setup: busy,
    write: async (db, onProgress) => {
      let n = 0;
      const copy = rekeyBundle(await busyBackup(), { name: 'Copy', newId: (p) => `${p}-copy-${++n}` });
      return restoreProjectBundle(db, copy, 'new', onProgress, 10);
    },
    snapshot: rawSnapshot,
  },
  {
    kind: 'alignment',
    setup: busy,
    write: async (db, onProgress) => {
      const units = demoUnits;
      return applyAlignment(db, {
        documentId: DEMO_DOCUMENT_ID,
        lang: 'kk',
        role: 'target',
        units,
        writes: units.map((_unit, index) => ({ index, text: `Сөйлем ${index}.`, alignScore: 0.5 })),
        author: 'ann',
        now: 10,
        chunkSize: 20,
        onProgress,
      });
    },
    snapshot: rawSnapshot,
  },
  {
    kind: 'bulk',
    setup: busy,
    write: async (db, onProgress) => {
      const items = demoUnits.slice(1).map((u) => ({
        target: { unitId: u.id, documentId: u.documentId, lang: 'en' },
        actions: [{ type: 'approve' as const }],
      }));
      return applyBulk(db, items, 'ann', 10, onProgress, 25);
    },
    snapshot: rawSnapshot,
  },
];

async function fresh(scenario: Scenario): Promise<AudarmaDb> {
  const db = await openAudarmaDb(`interrupted-${scenario.kind}-${counter++}`);
  await scenario.setup(db);
  return db;
}

async function endStates(scenario: Scenario) {
  const db = await fresh(scenario);
  const before = await scenario.snapshot(db);
  await scenario.write(db, () => undefined);
  const after = await scenario.snapshot(db);
  expect(after).not.toEqual(before);
  expect(await db.getAll('pending')).toEqual([]);
  db.close();
  return { before, after };
}

describe.each(scenarios)('a $kind cut short', (scenario) => {
  it('leaves the database exactly as before or after, whatever transaction the page went away at, and says so', async () => {
    const { before, after } = await endStates(scenario);
    const seen = { before: 0, after: 0 };
    for (let steps = 0; ; steps += 1) {
      const real = await fresh(scenario);
      const page = abandoning(real, steps);
      const outcome = await scenario
        .write(page.db, () => undefined)
        .then(
          () => 'finished' as const,
          (error: unknown) => {
            if (!(error instanceof Abandoned) && !((error as { cause?: unknown }).cause instanceof Abandoned))
              throw error;
            return 'abandoned' as const;
          },
        );
      const begun = (await real.getAll('pending')).some((row) => row.kind === scenario.kind);
      // The next start.
      const notices = await recoverPending(real, 99);
      const state = await scenario.snapshot(real);
      const pending = await real.getAll('pending');
      expect(pending.every((row) => row.interrupted === 99)).toBe(true);
      if (JSON.stringify(state) === JSON.stringify(after)) {
        seen.after += 1;
        expect(state).toEqual(after);
        expect(notices).toEqual([]);
      } else {
        seen.before += 1;
        expect(state).toEqual(before);
        // The user is told about every write that had begun; one that never stored its marker changed nothing.
        expect(notices.map((n) => n.kind)).toEqual(begun ? [scenario.kind] : []);
        await dismissInterrupted(
          real,
          notices.map((n) => n.id),
        );
        expect(await listInterrupted(real)).toEqual([]);
      }
      real.close();
      if (outcome === 'finished') break;
    }
    expect(seen.before).toBeGreaterThan(1);
    expect(seen.after).toBeGreaterThan(0);
  });

  it('leaves the database exactly as before or after when the page goes away between two slices', async () => {
    const { before, after } = await endStates(scenario);
    let slices = 0;
    await (async () => {
      const db = await fresh(scenario);
      await scenario.write(db, () => void (slices += 1));
      db.close();
    })();
    for (let cut = 1; cut <= slices; cut += 1) {
      const real = await fresh(scenario);
      const page = abandoning(real, Infinity);
      let seen = 0;
      await scenario
        .write(page.db, () => {
          seen += 1;
          if (seen === cut) {
            page.kill();
            throw new Abandoned('the page went away');
          }
        })
        .catch(() => undefined);
      const notices = await recoverPending(real, 99);
      const state = await scenario.snapshot(real);
      // Progress after the last slice may come after the write is visible; any earlier cut leaves nothing.
      if (JSON.stringify(state) === JSON.stringify(after)) expect(notices).toEqual([]);
      else {
        expect(state).toEqual(before);
        expect(notices.map((n) => n.kind)).toEqual([scenario.kind]);
      }
      real.close();
    }
  });

  it('puts everything back at once when a transaction fails with a full disk, and tells at once, not later', async () => {
    const { before, after } = await endStates(scenario);
    for (let step = 1; ; step += 1) {
      const real = await fresh(scenario);
      const page = failingAt(real, step);
      const failed = await scenario
        .write(page.db, () => undefined)
        .then(
          () => false,
          (error: unknown) => {
            expect(error).toMatchObject({ failure: 'quota' });
            return true;
          },
        );
      if (failed) expect(await scenario.snapshot(real), `failing transaction ${step}`).toEqual(before);
      // The failure was shown when it happened: the next start has nothing to report. Old rows a finished
      // restore could not remove (the disk was full) are removed then, silently.
      expect(await recoverPending(real, 99)).toEqual([]);
      expect(await real.getAll('pending')).toEqual([]);
      expect(await scenario.snapshot(real), `failing transaction ${step}`).toEqual(failed ? before : after);
      real.close();
      if (!page.reached()) break;
    }
  });
});

describe('start-up clean-up', () => {
  it('leaves alone a write another tab is still running, and cleans it once that tab is gone', async () => {
    const real = await fresh(scenarios[0]!);
    const held = new Set<string>();
    const locks = {
      request: async (name: string, ...rest: unknown[]) => {
        const callback = rest.at(-1) as (lock: unknown) => Promise<unknown>;
        const options = (rest.length > 1 ? rest[0] : {}) as { ifAvailable?: boolean };
        if (held.has(name)) {
          if (options.ifAvailable) return callback(null);
          throw new Error('this fake lock manager does not queue');
        }
        held.add(name);
        try {
          return await callback({ name });
        } finally {
          held.delete(name);
        }
      },
    } as unknown as LockManager;
    const page = abandoning(real, 4);
    await importDocumentRows(page.db, imported, undefined, 10).catch(() => undefined);
    const [marker] = await real.getAll('pending');
    if (!marker) throw new Error('no marker');
    const units = await real.count('units');
    expect(units).toBeGreaterThan(0);
    held.add(`audarma-write:${marker.id}`);
    expect(await recoverPending(real, 99, locks)).toEqual([]);
    expect(await real.count('units')).toBe(units);
    held.delete(`audarma-write:${marker.id}`);
    expect((await recoverPending(real, 99, locks)).map((n) => [n.kind, n.name])).toEqual([
      ['import', 'big.csv'],
    ]);
    expect(await real.count('units')).toBe((await listUnits(real, DEMO_DOCUMENT_ID)).length);
  });

  it('finishes a clean-up that was itself cut short', async () => {
    const real = await fresh(scenarios[0]!);
    const before = await rawSnapshot(real);
    await importDocumentRows(abandoning(real, 5).db, imported, undefined, 10).catch(() => undefined);
    for (let steps = 0; steps < 4; steps += 1)
      await recoverPending(abandoning(real, steps).db, 50).catch(() => undefined);
    const notices = await recoverPending(real, 99);
    expect(notices.map((n) => n.kind)).toEqual(['import']);
    expect(await rawSnapshot(real)).toEqual(before);
  });

  it('never removes the rows of a listed document, whatever a marker says', async () => {
    const real = await fresh(scenarios[0]!);
    const before = await rawSnapshot(real);
    await real.put('pending', {
      id: 'stray',
      kind: 'import',
      name: 'x',
      startedAt: 1,
      documents: [DEMO_DOCUMENT_ID],
      entries: (await real.getAllKeysFromIndex('terms', 'byProject', DEMO_PROJECT_ID)) as string[],
    });
    await recoverPending(real, 99);
    expect(await rawSnapshot(real)).toEqual(before);
  });

  it('removes the marker of a write that fails and whose clean-up works', async () => {
    const real = await fresh(scenarios[0]!);
    const marker = { id: 'm', kind: 'bulk' as const, name: 'n', startedAt: 1, documents: [], entries: [] };
    await expect(
      underMarker(real, marker, async () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await real.getAll('pending')).toEqual([]);
  });
});
