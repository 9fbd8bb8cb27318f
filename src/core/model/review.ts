import type { DocumentId, UnitId } from './ids.ts';
import type { Lang } from './lang.ts';

/** A message in the discussion of one unit. A thread is all comments of a unit; resolving closes them all. */
export type Comment = {
  readonly id: string;
  readonly documentId: DocumentId;
  readonly unitId: UnitId;
  /** Language the comment is about, or undefined for the unit as a whole. */
  readonly lang?: Lang;
  readonly author: string;
  readonly at: number;
  readonly text: string;
  /** 1 while the thread is open, 0 once resolved (a number so that IndexedDB can index it). */
  readonly open: 0 | 1;
  readonly resolvedBy?: string;
  readonly resolvedAt?: number;
};

/** MQM severities with their penalty multipliers (MQM Council scoring model). */
export type MqmSeverity = 'neutral' | 'minor' | 'major' | 'critical';
export const MQM_SEVERITY_WEIGHTS: Readonly<Record<MqmSeverity, number>> = {
  neutral: 0,
  minor: 1,
  major: 5,
  critical: 25,
};

/** An error a reviewer marked on a span of a rendering, MQM style. */
export type Annotation = {
  readonly id: string;
  readonly documentId: DocumentId;
  readonly unitId: UnitId;
  readonly lang: Lang;
  /** UTF-16 offsets into the rendering text at the time of annotation. */
  readonly start: number;
  readonly end: number;
  /** The annotated text, kept so that later edits do not lose what was marked. */
  readonly quote: string;
  /** MQM category path, e.g. "accuracy/mistranslation" or "terminology/inconsistent". */
  readonly category: string;
  readonly severity: MqmSeverity;
  readonly note?: string;
  readonly author: string;
  readonly at: number;
  /** Check id when the annotation was promoted from a QA issue. */
  readonly fromCheck?: string;
  /**
   * The QA issue's message when the annotation was promoted from one: kept as its key and parameters, so each
   * reader sees it in their own interface language.
   */
  readonly message?: AnnotationMessage;
};

export type AnnotationMessage = {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
};
