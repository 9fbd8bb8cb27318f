import { documentId, newId, unitIdAt, type DocumentId, type ProjectId } from './ids.ts';
import type { Lang } from './lang.ts';
import type { Document, Unit } from './types.ts';
import { segmentText } from '../text/segment.ts';

export type BuiltDocument = { readonly document: Document; readonly units: readonly Unit[] };

/**
 * Builds a document from a text. `role` says what the text is: the source original, or a machine translation
 * into `lang` (the demo: an English MT with no Russian source yet).
 */
export function buildDocument(input: {
  readonly projectId: ProjectId;
  readonly name: string;
  readonly text: string;
  readonly lang: Lang;
  readonly role: 'source' | 'mt';
  readonly now: number;
  readonly id?: DocumentId;
}): BuiltDocument {
  const id = input.id ?? documentId(newId('doc'));
  const segments = segmentText(input.text, input.lang);
  const units: Unit[] = segments.map((s, index) => ({
    id: unitIdAt(id, index),
    documentId: id,
    index,
    paragraph: s.paragraph,
    kind: s.kind,
    separator: s.separator,
    source: input.role === 'source' ? s.text : '',
    mt: input.role === 'mt' ? { [input.lang]: s.text } : {},
  }));
  return {
    document: {
      id,
      projectId: input.projectId,
      name: input.name,
      createdAt: input.now,
      unitCount: units.length,
    },
    units,
  };
}
