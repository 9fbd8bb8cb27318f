// Branded ids keep a UnitId from being passed where a RenderingId is expected.
export type ProjectId = string & { readonly __brand: 'ProjectId' };
export type DocumentId = string & { readonly __brand: 'DocumentId' };
export type UnitId = string & { readonly __brand: 'UnitId' };
export type RenderingId = string & { readonly __brand: 'RenderingId' };
export type RevisionId = string & { readonly __brand: 'RevisionId' };
export type EntryId = string & { readonly __brand: 'EntryId' };

export const projectId = (raw: string): ProjectId => raw as ProjectId;
export const documentId = (raw: string): DocumentId => raw as DocumentId;
export const unitId = (raw: string): UnitId => raw as UnitId;
export const revisionId = (raw: string): RevisionId => raw as RevisionId;
export const entryId = (raw: string): EntryId => raw as EntryId;

/** The id of the unit at `index` of a document: ids sort in document order (base 36, five digits wide). */
export const unitIdAt = (document: DocumentId, index: number): UnitId =>
  `${document}:u${index.toString(36).padStart(5, '0')}` as UnitId;

/** A rendering is identified by its unit and language: there is at most one per pair. */
export const renderingId = (unit: UnitId, lang: string): RenderingId => `${unit}:${lang}` as RenderingId;

/** Random ids that sort roughly by creation time (time prefix) and never collide in practice. */
export function newId(prefix: string): string {
  const time = Date.now().toString(36).padStart(9, '0');
  const rand = Math.random().toString(36).slice(2, 10).padEnd(8, '0');
  return `${prefix}_${time}${rand}`;
}
