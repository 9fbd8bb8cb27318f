import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Annotation, Comment } from '../../core/model/review.ts';
import {
  addAnnotation,
  deleteAnnotation,
  listDocumentAnnotations,
  type NewAnnotation,
} from '../../storage/annotations.ts';
import { addComment, listDocumentComments, reopenThread, resolveThread } from '../../storage/comments.ts';
import type { Workbench } from '../app/useWorkbench.ts';
import { onStored } from '../../storage/changeFeed.ts';
import { reportProblem } from '../app/problems.ts';

export type ReviewNotes = {
  readonly comments: readonly Comment[];
  readonly annotations: readonly Annotation[];
  /** Units whose comment thread has at least one open comment. */
  readonly openThreads: ReadonlySet<string>;
  readonly comment: (unitId: string, lang: string | undefined, text: string) => Promise<string | undefined>;
  readonly resolve: (unitId: string) => Promise<void>;
  readonly reopen: (unitId: string) => Promise<void>;
  readonly annotate: (
    input: Omit<NewAnnotation, 'documentId' | 'author' | 'at'>,
  ) => Promise<string | undefined>;
  readonly removeAnnotation: (id: string) => Promise<void>;
};

/** Comments and MQM annotations of the open document, read by index and kept in step with every change. */
export function useReviewNotes(workbench: Workbench): ReviewNotes {
  const { db, document, author } = workbench;
  const [comments, setComments] = useState<readonly Comment[]>([]);
  const [annotations, setAnnotations] = useState<readonly Annotation[]>([]);
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => setGeneration((n) => n + 1), []);
  // Comments and annotations from a teammate (pulled) or another tab are read again.
  useEffect(
    () =>
      onStored((change) => {
        if (change.origin !== 'local' && change.notes) refresh();
      }),
    [refresh],
  );

  useEffect(() => {
    let cancelled = false;
    Promise.all([listDocumentComments(db, document.id), listDocumentAnnotations(db, document.id)])
      .then(([c, a]) => {
        if (cancelled) return;
        setComments(c);
        setAnnotations(a);
      })
      .catch((error: unknown) => {
        // An effect that was left (another document, the app closed) has no one to tell.
        if (!cancelled) reportProblem(error);
      });
    return () => {
      cancelled = true;
    };
  }, [db, document.id, generation]);

  const openThreads = useMemo(
    () => new Set(comments.filter((c) => c.open === 1).map((c) => c.unitId as string)),
    [comments],
  );

  const comment = useCallback(
    async (unitId: string, lang: string | undefined, text: string) => {
      const result = await addComment(db, {
        documentId: document.id,
        unitId: unitId as never,
        ...(lang ? { lang } : {}),
        author,
        text,
        at: Date.now(),
      });
      refresh();
      return result.ok ? undefined : result.error.message;
    },
    [db, document.id, author, refresh],
  );
  const resolve = useCallback(
    async (unitId: string) => {
      await resolveThread(db, unitId, author, Date.now());
      refresh();
    },
    [db, author, refresh],
  );
  const reopen = useCallback(
    async (unitId: string) => {
      await reopenThread(db, unitId);
      refresh();
    },
    [db, refresh],
  );
  const annotate = useCallback(
    async (input: Omit<NewAnnotation, 'documentId' | 'author' | 'at'>) => {
      const result = await addAnnotation(db, { ...input, documentId: document.id, author, at: Date.now() });
      refresh();
      return result.ok ? undefined : result.error.message;
    },
    [db, document.id, author, refresh],
  );
  const removeAnnotation = useCallback(
    async (id: string) => {
      await deleteAnnotation(db, id);
      refresh();
    },
    [db, refresh],
  );
  return { comments, annotations, openThreads, comment, resolve, reopen, annotate, removeAnnotation };
}
