// Backs up and restores a 100,000-unit project (units, an MT rendering each with its import revision, and an
// approved English rendering on every hundredth unit) against fake-indexeddb in Node.
import 'fake-indexeddb/auto';
import { openAudarmaDb } from '../src/storage/db.ts';
import { importDocument } from '../src/storage/documents.ts';
import { readProjectBundle, restoreProjectBundle } from '../src/storage/backup.ts';
import { applyActions } from '../src/storage/renderings.ts';
import { parseBundle, serialiseBundle } from '../src/core/formats/backup.ts';
import { documentId, projectId, unitId } from '../src/core/model/ids.ts';
import type { Project, Unit } from '../src/core/model/types.ts';

const UNITS = 100_000;

export async function bench(): Promise<Record<string, number | string>> {
  const project: Project = {
    id: projectId('bench'),
    name: 'Bench',
    sourceLang: 'ru',
    targetLangs: ['en', 'kk'],
    mtLang: 'en',
    createdAt: 1,
  };
  const doc = documentId('bench-doc');
  const units: Unit[] = Array.from({ length: UNITS }, (_, index) => ({
    id: unitId(`${doc}:u${index.toString(36).padStart(5, '0')}`),
    documentId: doc,
    index,
    paragraph: Math.floor(index / 5),
    kind: 'sentence',
    separator: index === 0 ? '' : index % 5 === 0 ? '\n\n' : ' ',
    source: `Муниципальная полиция № ${index} создана в 2015 году в городе Алматы.`,
    mt: { en: `Municipal police No. ${index} was created in 2015 in Almaty.` },
  }));
  const source = await openAudarmaDb(`bench-backup-source-${Date.now()}`);
  let t = performance.now();
  await importDocument(source, {
    project,
    document: { id: doc, projectId: project.id, name: 'bench.txt', createdAt: 1, unitCount: UNITS },
    units,
    author: 'bench',
    now: 1,
  });
  for (let i = 0; i < UNITS; i += 100) {
    const u = units[i] as Unit;
    await applyActions(
      source,
      { unitId: u.id, documentId: doc, lang: 'en' },
      [{ type: 'approve' }],
      'bench',
      2,
    );
  }
  const setupMs = performance.now() - t;
  process.stderr.write(`backup bench: set-up ${Math.round(setupMs)} ms\n`);
  t = performance.now();
  const bundle = await readProjectBundle(source, project.id, 3);
  const readMs = performance.now() - t;
  t = performance.now();
  const text = serialiseBundle(bundle);
  const serialiseMs = performance.now() - t;
  t = performance.now();
  const parsed = parseBundle(text);
  const parseMs = performance.now() - t;
  if (!parsed.ok) throw new Error(parsed.error.message);
  const target = await openAudarmaDb(`bench-backup-target-${Date.now()}`);
  t = performance.now();
  await restoreProjectBundle(target, parsed.value, 'new');
  const restoreMs = performance.now() - t;
  const again = await readProjectBundle(target, project.id, 3);
  if (serialiseBundle(again) !== text) throw new Error('restored project differs from the backup');
  t = performance.now();
  await restoreProjectBundle(target, parsed.value, 'replace');
  const replaceMs = performance.now() - t;
  source.close();
  target.close();
  return {
    units: UNITS,
    rows: bundle.units.length + bundle.renderings.length + bundle.revisions.length,
    megabytes: Math.round((new TextEncoder().encode(text).length / 1e6) * 10) / 10,
    setupMs: Math.round(setupMs),
    readMs: Math.round(readMs),
    serialiseMs: Math.round(serialiseMs),
    parseMs: Math.round(parseMs),
    restoreMs: Math.round(restoreMs),
    replaceMs: Math.round(replaceMs),
  };
}
