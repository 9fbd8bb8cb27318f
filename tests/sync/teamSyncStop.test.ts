// A sync round the timer started may still be waiting on the network when the project closes and its database
// goes with it: the round then fails on the closed database, and that failure must not escape as an unhandled
// rejection (nobody is left to tell).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openAudarmaDb } from '../../src/storage/db.ts';
import { ensureDemoProject } from '../../src/storage/demo.ts';
import { getShare, shareLocally } from '../../src/storage/outbox.ts';
import { TeamSync } from '../../src/sync/TeamSync.ts';
import { DEMO_PROJECT_ID } from '../../src/core/demo/project.ts';

const demo = readFileSync('src/demo/municipal-police-kazakhstan.en.txt', 'utf8');

/** A fetch whose calls wait until the test lets them fail, as a server that does not answer. */
function heldFetch() {
  const held: ((error: Error) => void)[] = [];
  let released = false;
  const fetch = vi.fn(
    () =>
      new Promise<Response>((_, reject) => {
        if (released) reject(new TypeError('fetch failed'));
        else held.push(reject);
      }),
  );
  const release = () => {
    released = true;
    for (const reject of held.splice(0)) reject(new TypeError('fetch failed'));
  };
  return { fetch, release };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a team sync stopped while a round is under way', () => {
  it('lets the round fail on the closed database without an unhandled rejection', async () => {
    const db = await openAudarmaDb(`team-sync-stop-${Date.now()}`);
    await ensureDemoProject(db, demo, 'MT', 1000);
    await shareLocally(db, DEMO_PROJECT_ID, 'http://127.0.0.1:9', 'bolat');
    const share = (await getShare(db, DEMO_PROJECT_ID))!;
    const network = heldFetch();
    vi.stubGlobal('fetch', network.fetch);
    const escaped: unknown[] = [];
    const onUnhandled = (reason: unknown) => escaped.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const sync = new TeamSync(db, share, () => undefined);
      sync.start();
      await vi.waitFor(() => expect(network.fetch).toHaveBeenCalled());
      sync.stop();
      db.close();
      network.release();
      // Long enough for the round to reach the closed database and for Node to report what nobody caught.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(escaped).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
