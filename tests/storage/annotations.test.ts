import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openAudarmaDb, type AudarmaDb } from '../../src/storage/db.ts';
import { ensureDemoProject } from '../../src/storage/demo.ts';
import {
  addAnnotation,
  deleteAnnotation,
  listAnnotations,
  listDocumentAnnotations,
  listUnitAnnotations,
  updateAnnotation,
  type NewAnnotation,
} from '../../src/storage/annotations.ts';
import { applyAction } from '../../src/storage/renderings.ts';
import { DEMO_DOCUMENT_ID } from '../../src/core/demo/project.ts';
import { documentId, unitId } from '../../src/core/model/ids.ts';

const demo = readFileSync('src/demo/municipal-police-kazakhstan.en.txt', 'utf8');
let counter = 0;
const unit = (n: number) => unitId(`${DEMO_DOCUMENT_ID}:u${n.toString(36).padStart(5, '0')}`);

async function demoDb(): Promise<AudarmaDb> {
  const db = await openAudarmaDb(`annotations-${Date.now()}-${counter++}`);
  await ensureDemoProject(db, demo, 'tester', 1000);
  return db;
}

// Unit 1 (index 1) of the demo reads "To pass to contents" in English.
const base = (over: Partial<NewAnnotation> = {}): NewAnnotation => ({
  documentId: DEMO_DOCUMENT_ID,
  unitId: unit(1),
  lang: 'en',
  start: 0,
  end: 7,
  category: 'accuracy/overly-literal',
  severity: 'major',
  author: 'aigerim',
  at: 2000,
  ...over,
});

describe('annotations', () => {
  it('keeps the QA message an annotation was promoted from as its key and parameters, not as text', async () => {
    const db = await demoDb();
    const message = { key: 'checks.numbers.missing', params: { number: '1 500' } };
    const added = await addAnnotation(db, base({ fromCheck: 'number-missing', message }));
    expect(added.ok).toBe(true);
    const [stored] = await listUnitAnnotations(db, unit(1));
    expect(stored).toMatchObject({ fromCheck: 'number-missing', message });
    expect(stored?.note).toBeUndefined();
  });

  it('stores an annotation with the marked text and lists it by unit, by document and language, by document', async () => {
    const db = await demoDb();
    const added = await addAnnotation(db, base({ note: '  calque  ' }));
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    expect(added.value).toMatchObject({ quote: 'To pass', note: 'calque', severity: 'major' });
    await applyAction(
      db,
      { unitId: unit(0), documentId: DEMO_DOCUMENT_ID, lang: 'kk' },
      { type: 'edit', text: 'Қазақстандағы полиция' },
      'dana',
      3000,
    );
    const kk = await addAnnotation(
      db,
      base({
        unitId: unit(0),
        lang: 'kk',
        start: 0,
        end: 13,
        severity: 'minor',
        category: 'linguistic/grammar',
      }),
    );
    expect(kk.ok && kk.value.quote).toBe('Қазақстандағы');
    expect((await listUnitAnnotations(db, unit(1))).map((a) => a.quote)).toEqual(['To pass']);
    expect((await listAnnotations(db, DEMO_DOCUMENT_ID, 'en')).map((a) => a.quote)).toEqual(['To pass']);
    expect((await listAnnotations(db, DEMO_DOCUMENT_ID, 'kk')).map((a) => a.quote)).toEqual([
      'Қазақстандағы',
    ]);
    expect(await listDocumentAnnotations(db, DEMO_DOCUMENT_ID)).toHaveLength(2);
    expect(await listDocumentAnnotations(db, documentId('another'))).toEqual([]);
  });

  it('refuses bad input with a message naming what and where, and writes nothing', async () => {
    const db = await demoDb();
    const cases: [Partial<NewAnnotation>, RegExp][] = [
      [{ end: 400 }, /span 0–400 lies outside the en text of unit .*u00001 \(19 characters\)/],
      [{ start: 5, end: 2 }, /span 5–2 is not a range/],
      [{ category: ' ' }, /MQM category is empty/],
      [{ severity: 'fatal' as never }, /severity "fatal" is not one of/],
      [{ lang: 'kk', end: 1 }, /outside the kk text .* \(0 characters\)/],
    ];
    for (const [over, message] of cases) {
      const result = await addAnnotation(db, base(over));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    expect(await listDocumentAnnotations(db, DEMO_DOCUMENT_ID)).toEqual([]);
  });

  it('changes severity, category and note, keeps the span, and deletes', async () => {
    const db = await demoDb();
    const added = await addAnnotation(db, base({ id: 'a1', note: 'x' }));
    expect(added.ok).toBe(true);
    const updated = await updateAnnotation(db, 'a1', { severity: 'critical', note: '' });
    expect(updated.ok && updated.value).toMatchObject({
      severity: 'critical',
      quote: 'To pass',
      start: 0,
      end: 7,
    });
    expect(updated.ok && 'note' in updated.value).toBe(false);
    const refused = await updateAnnotation(db, 'a1', { severity: 'huge' as never });
    expect(refused.ok).toBe(false);
    expect((await listUnitAnnotations(db, unit(1)))[0]?.severity).toBe('critical');
    const missing = await updateAnnotation(db, 'nope', { severity: 'minor' });
    expect(!missing.ok && missing.error.message).toBe('annotation nope: no such annotation');
    await deleteAnnotation(db, 'a1');
    expect(await listUnitAnnotations(db, unit(1))).toEqual([]);
  });

  it('lists a unit in text order', async () => {
    const db = await demoDb();
    await addAnnotation(db, base({ start: 11, end: 19, severity: 'minor' }));
    await addAnnotation(db, base({ start: 0, end: 2, at: 3000 }));
    expect((await listUnitAnnotations(db, unit(1))).map((a) => a.quote)).toEqual(['To', 'contents']);
  });
});
