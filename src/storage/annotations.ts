import type { AudarmaDb } from './db.ts';
import { guarded } from './errors.ts';
import { announceStored } from './changeFeed.ts';
import { OUTBOX_STORES, queueDocumentChange } from './outbox.ts';
import { annotationPut } from './noteChanges.ts';
import { newId, renderingId, type DocumentId, type UnitId } from '../core/model/ids.ts';
import type { Lang } from '../core/model/lang.ts';
import { MQM_SEVERITY_WEIGHTS, type Annotation, type MqmSeverity } from '../core/model/review.ts';
import { fail, ok, type Result } from '../core/result.ts';

export type NewAnnotation = Omit<Annotation, 'id' | 'quote'> & { readonly id?: string };

/** What may change on an annotation after it was made; the span and the quote stay as marked. */
export type AnnotationPatch = Partial<Pick<Annotation, 'category' | 'severity' | 'note'>>;

const isSeverity = (value: unknown): value is MqmSeverity =>
  typeof value === 'string' && Object.hasOwn(MQM_SEVERITY_WEIGHTS, value);

function problem(id: string, what: string): Result<never> {
  return fail({ message: `annotation ${id}: ${what}` });
}

function checkFields(id: string, a: Pick<Annotation, 'category' | 'severity'>): Result<true> {
  if (a.category.trim() === '') return problem(id, 'the MQM category is empty');
  if (!isSeverity(a.severity))
    return problem(id, `severity "${String(a.severity)}" is not one of neutral, minor, major, critical`);
  return ok(true);
}

/**
 * Marks an error on a span of a rendering. The span is checked against the rendering's current text, read in the
 * same transaction, and the marked text is stored with it, so later edits do not lose what was marked.
 */
export async function addAnnotation(db: AudarmaDb, input: NewAnnotation): Promise<Result<Annotation>> {
  const id = input.id ?? newId('ann');
  const fields = checkFields(id, input);
  if (!fields.ok) return fields;
  if (
    !Number.isInteger(input.start) ||
    !Number.isInteger(input.end) ||
    input.start < 0 ||
    input.end < input.start
  )
    return problem(id, `span ${input.start}–${input.end} is not a range of the text`);
  return guarded(async () => {
    const tx = db.transaction(['renderings', 'annotations', ...OUTBOX_STORES], 'readwrite');
    const rendering = await tx.objectStore('renderings').get(renderingId(input.unitId, input.lang));
    const text = rendering?.text ?? '';
    if (input.end > text.length) {
      tx.abort();
      await tx.done.catch(() => undefined);
      return problem(
        id,
        `span ${input.start}–${input.end} lies outside the ${input.lang} text of unit ${input.unitId} (${text.length} characters)`,
      );
    }
    const annotation: Annotation = {
      id,
      documentId: input.documentId,
      unitId: input.unitId,
      lang: input.lang,
      start: input.start,
      end: input.end,
      quote: text.slice(input.start, input.end),
      category: input.category,
      severity: input.severity,
      author: input.author,
      at: input.at,
      ...(input.note !== undefined && input.note.trim() !== '' ? { note: input.note.trim() } : {}),
      ...(input.fromCheck !== undefined ? { fromCheck: input.fromCheck } : {}),
      ...(input.message !== undefined ? { message: input.message } : {}),
    };
    const queued = await queueDocumentChange(tx, annotation.documentId, annotationPut(annotation));
    await Promise.all([tx.objectStore('annotations').add(annotation), ...queued, tx.done]);
    announceStored({ origin: 'local', unitIds: [annotation.unitId], notes: true });
    return ok(annotation);
  });
}

/** Changes category, severity or note of an annotation in one transaction. */
export async function updateAnnotation(
  db: AudarmaDb,
  id: string,
  patch: AnnotationPatch,
): Promise<Result<Annotation>> {
  return guarded(async () => {
    const tx = db.transaction(['annotations', ...OUTBOX_STORES], 'readwrite');
    const current = await tx.objectStore('annotations').get(id);
    if (!current) {
      tx.abort();
      await tx.done.catch(() => undefined);
      return problem(id, 'no such annotation');
    }
    const { note, ...rest } = { ...current, ...patch };
    const next: Annotation = {
      ...rest,
      ...(note !== undefined && note.trim() !== '' ? { note: note.trim() } : {}),
    };
    const fields = checkFields(id, next);
    if (!fields.ok) {
      tx.abort();
      await tx.done.catch(() => undefined);
      return fields;
    }
    const queued = await queueDocumentChange(tx, next.documentId, annotationPut(next));
    await Promise.all([tx.objectStore('annotations').put(next), ...queued, tx.done]);
    announceStored({ origin: 'local', unitIds: [next.unitId], notes: true });
    return ok(next);
  });
}

export async function deleteAnnotation(db: AudarmaDb, id: string): Promise<void> {
  await guarded(async () => {
    const tx = db.transaction(['annotations', ...OUTBOX_STORES], 'readwrite');
    const current = await tx.objectStore('annotations').get(id);
    const queued = current
      ? await queueDocumentChange(tx, current.documentId, {
          kind: 'annotation',
          op: 'delete',
          annotationId: id,
          documentId: current.documentId,
          unitId: current.unitId,
          lang: current.lang,
        })
      : [];
    await Promise.all([tx.objectStore('annotations').delete(id), ...queued, tx.done]);
    if (current) announceStored({ origin: 'local', unitIds: [current.unitId], notes: true });
  });
}

/** The team server's change for an annotation as it now stands. */
const byPosition = (a: Annotation, b: Annotation): number => a.start - b.start || a.at - b.at;

/** Annotations of one unit (every language), in text order. */
export async function listUnitAnnotations(db: AudarmaDb, unitId: UnitId | string): Promise<Annotation[]> {
  return (await db.getAllFromIndex('annotations', 'byUnit', unitId)).sort(byPosition);
}

/** Annotations of a document in one language, through the byDocumentLang index. */
export async function listAnnotations(
  db: AudarmaDb,
  documentId: DocumentId | string,
  lang: Lang,
): Promise<Annotation[]> {
  return db.getAllFromIndex('annotations', 'byDocumentLang', [documentId, lang]);
}

/** Annotations of a document in every language: an index range over [documentId, any language]. */
export async function listDocumentAnnotations(
  db: AudarmaDb,
  documentId: DocumentId | string,
): Promise<Annotation[]> {
  return db.getAllFromIndex(
    'annotations',
    'byDocumentLang',
    IDBKeyRange.bound([documentId, ''], [documentId, '\uffff']),
  );
}
