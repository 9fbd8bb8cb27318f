import { renderingId, revisionId, type DocumentId, type UnitId } from './ids.ts';
import type { Lang } from './lang.ts';
import type { Rendering, RenderingState, Revision } from './types.ts';

/**
 * A rendering as it arrives from outside (machine translation, an XLIFF target, a file conversion) together with its
 * first revision, an `import`. Every import path builds it here, so history always starts the same way.
 */
export function importedRendering(input: {
  readonly unitId: UnitId;
  readonly documentId: DocumentId;
  readonly lang: Lang;
  readonly text: string;
  readonly state: RenderingState;
  readonly author: string;
  readonly at: number;
  /** A rejection reason carried by the imported file. */
  readonly note?: string;
}): { readonly rendering: Rendering; readonly revision: Revision } {
  const id = renderingId(input.unitId, input.lang);
  const common = {
    unitId: input.unitId,
    documentId: input.documentId,
    lang: input.lang,
    text: input.text,
    state: input.state,
  };
  return {
    rendering: { id, ...common, updatedAt: input.at, updatedBy: input.author, revision: 1 },
    revision: {
      id: revisionId(`${id}#1`),
      renderingId: id,
      ...common,
      number: 1,
      action: 'import',
      previousState: 'new',
      author: input.author,
      at: input.at,
      ...(input.note !== undefined ? { note: input.note } : {}),
    },
  };
}
