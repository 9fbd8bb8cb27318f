import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openAudarmaDb } from '../../src/storage/db.ts';
import { ensureDemoProject } from '../../src/storage/demo.ts';
import { listUnits } from '../../src/storage/documents.ts';
import { applyActions, applyBulk, listRevisions } from '../../src/storage/renderings.ts';
import { DEMO_DOCUMENT_ID } from '../../src/core/demo/project.ts';
import { renderingId } from '../../src/core/model/ids.ts';

const demo = readFileSync(
  new URL('../../src/demo/municipal-police-kazakhstan.en.txt', import.meta.url),
  'utf8',
);
let counter = 0;

async function firstUnit() {
  const db = await openAudarmaDb(`expect-${Date.now()}-${counter++}`);
  await ensureDemoProject(db, demo, 'MT', 1000);
  const [unit] = await listUnits(db, DEMO_DOCUMENT_ID, 1, 2);
  if (!unit) throw new Error('no unit');
  return { db, unit, target: { unitId: unit.id, documentId: DEMO_DOCUMENT_ID, lang: 'en' } };
}

describe('writes that say what they saw', () => {
  it('writes when the rendering is still at the revision the editor started from', async () => {
    const { db, target } = await firstUnit();
    const outcome = await applyActions(db, target, [{ type: 'edit', text: 'Go to contents' }], 'a', 2, {
      revision: 1,
    });
    expect(outcome).toMatchObject({ ok: true, rendering: { text: 'Go to contents', revision: 2 } });
  });

  it('refuses as stale, writing nothing, when the rendering moved on since the editor opened', async () => {
    const { db, target, unit } = await firstUnit();
    await applyActions(db, target, [{ type: 'edit', text: 'Contents' }], 'fixer', 2);
    const outcome = await applyActions(
      db,
      target,
      [{ type: 'edit', text: 'Go to contents' }, { type: 'approve' }],
      'a',
      3,
      {
        revision: 1,
      },
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'stale', from: 'edited', action: 'edit' } });
    const history = await listRevisions(db, renderingId(unit.id, 'en'));
    expect(history.map((r) => r.text)).toEqual(['To pass to contents', 'Contents']);
  });

  it('applies a fix only to the text its check saw: a second fix on the old text is refused', async () => {
    const { db, target } = await firstUnit();
    const seen = 'To pass to contents';
    const first = await applyActions(db, target, [{ type: 'edit', text: 'To go to contents' }], 'a', 2, {
      text: seen,
    });
    const second = await applyActions(db, target, [{ type: 'edit', text: 'To pass to Contents' }], 'a', 3, {
      text: seen,
    });
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { code: 'stale' } });
  });

  it('counts bulk items whose rendering changed since as refused, and writes the others', async () => {
    const { db, target } = await firstUnit();
    const result = await applyBulk(
      db,
      [
        { target, actions: [{ type: 'approve' }], expect: { revision: 5 } },
        {
          target: { ...target, lang: 'kk' },
          actions: [{ type: 'edit', text: 'Мазмұны' }],
          expect: { revision: 0 },
        },
      ],
      'a',
      2,
    );
    expect(result.refused).toBe(1);
    expect(result.changed.map((c) => c.after.lang)).toEqual(['kk']);
  });

  it('keeps the reason on a rejected rendering and drops it once it is edited again', async () => {
    const { db, target } = await firstUnit();
    const rejected = await applyActions(db, target, [{ type: 'reject', reason: 'calque' }], 'a', 2);
    expect(rejected).toMatchObject({ ok: true, rendering: { state: 'rejected', reason: 'calque' } });
    const edited = await applyActions(db, target, [{ type: 'edit', text: 'Go to contents' }], 'a', 3);
    expect(edited).toMatchObject({ ok: true });
    expect(edited.ok ? edited.rendering.reason : 'not written').toBeUndefined();
  });
});
