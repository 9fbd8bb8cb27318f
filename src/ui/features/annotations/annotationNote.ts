import type { TFunction } from 'i18next';
import type { Annotation } from '../../../core/model/review.ts';

/**
 * What an annotation says in the reader's language: the QA issue's message it was promoted from, rendered now,
 * or the note its author typed.
 */
export function annotationNote(t: TFunction, annotation: Pick<Annotation, 'note' | 'message' | 'fromCheck'>) {
  if (annotation.message)
    return t(annotation.message.key, {
      ...annotation.message.params,
      defaultValue: annotation.note ?? annotation.fromCheck ?? '',
    });
  return annotation.note ?? '';
}
