import { z } from 'zod';
import { RENDERING_STATES, type RenderingState } from '../core/model/types.ts';
import { TERM_STATUSES, type TermStatus } from '../core/model/term.ts';
import { ROLES } from './roles.ts';

// Request bodies are parsed whole: anything unexpected refuses the entire request with a 400.
const id = z.string().min(1).max(200);
const lang = z.string().regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/);
const name = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\p{L}\p{N}._@-]+$/u);
/** The id of the change the client's version was built on (pulled, or its own earlier one), or null. */
const base = id.nullable();

export const signInBody = z.strictObject({ name, password: z.string().min(1).max(1000) });
export const newUserBody = z.strictObject({
  name,
  password: z.string().min(8).max(1000),
  admin: z.boolean().optional(),
});
export const newProjectBody = z.strictObject({ id, name: z.string().min(1).max(300) });
export const memberBody = z.strictObject({
  user: name,
  role: z.enum(ROLES as ['lead', 'reviewer', 'terminologist', 'viewer']),
  langs: z.array(lang).max(20).default([]),
});

const renderingChange = z.strictObject({
  id,
  kind: z.literal('rendering'),
  base,
  documentId: id,
  unitId: id,
  lang,
  action: z.enum(['import', 'edit', 'review', 'approve', 'reject', 'reopen', 'restore', 'revert']),
  text: z.string().max(100_000),
  state: z.enum(RENDERING_STATES as [RenderingState, ...RenderingState[]]),
  note: z.string().max(10_000).optional(),
});

const termChange = z.strictObject({
  id,
  kind: z.literal('term'),
  base,
  entryId: id,
  lang,
  text: z.string().min(1).max(1000),
  status: z.enum(TERM_STATUSES as [TermStatus, ...TermStatus[]]),
});

/** One comment written, a unit's thread resolved or opened again, or one comment withdrawn. */
const commentChange = z.discriminatedUnion('op', [
  z.strictObject({
    id,
    kind: z.literal('comment'),
    base,
    op: z.literal('add'),
    commentId: id,
    documentId: id,
    unitId: id,
    lang: lang.optional(),
    text: z.string().trim().min(1).max(5000),
  }),
  z.strictObject({
    id,
    kind: z.literal('comment'),
    base,
    op: z.literal('delete'),
    commentId: id,
    documentId: id,
    unitId: id,
    lang: lang.optional(),
  }),
  z.strictObject({
    id,
    kind: z.literal('comment'),
    base,
    op: z.enum(['resolve', 'reopen']),
    documentId: id,
    unitId: id,
  }),
]);

const message = z.strictObject({
  key: z.string().min(1).max(200),
  params: z.record(z.string().max(100), z.union([z.string().max(2000), z.number()])).optional(),
});

/** An MQM annotation as it now stands (made or changed), or withdrawn. */
const annotationChange = z.discriminatedUnion('op', [
  z.strictObject({
    id,
    kind: z.literal('annotation'),
    base,
    op: z.literal('put'),
    annotationId: id,
    documentId: id,
    unitId: id,
    lang,
    start: z.int().min(0).max(1_000_000),
    end: z.int().min(0).max(1_000_000),
    quote: z.string().max(100_000),
    category: z.string().min(1).max(200),
    severity: z.enum(['neutral', 'minor', 'major', 'critical']),
    note: z.string().max(10_000).optional(),
    fromCheck: z.string().max(100).optional(),
    message: message.optional(),
  }),
  z.strictObject({
    id,
    kind: z.literal('annotation'),
    base,
    op: z.literal('delete'),
    annotationId: id,
    documentId: id,
    unitId: id,
    lang,
  }),
]);

/** A QA issue of one rendering marked "not an error", or taken back. */
const dismissalChange = z.strictObject({
  id,
  kind: z.literal('dismissal'),
  base,
  op: z.enum(['dismiss', 'restore']),
  documentId: id,
  unitId: id,
  lang,
  issueKey: z.string().min(1).max(500),
});

const checkSeverity = z.enum(['minor', 'major', 'critical']);
/**
 * The project's check settings, whole. Known fields are checked; fields a newer client adds pass through, so an
 * older server does not refuse a newer team's settings.
 */
const checkSettings = z.looseObject({
  disabled: z.array(z.string().max(100)).max(500).optional(),
  severity: z.record(z.string().max(100), checkSeverity).optional(),
  phraseRules: z
    .array(
      z.looseObject({
        id: z.string().min(1).max(200),
        match: z.string().min(1).max(2000),
        regex: z.boolean(),
        lang,
        severity: checkSeverity,
        category: z.string().min(1).max(200),
        kind: z.enum(['calque', 'false-friend']),
      }),
    )
    .max(5000)
    .optional(),
  phraseRulesOff: z.array(z.string().max(200)).max(10_000).optional(),
  englishSpelling: z.enum(['en-GB', 'en-US']).optional(),
  allowedLetters: z.record(lang, z.string().max(1000)).optional(),
});

const settingsChange = z.strictObject({
  id,
  kind: z.literal('settings'),
  base,
  value: checkSettings,
});

/** A document added to the project and uploaded: members who lack it fetch it. */
const documentChange = z.strictObject({
  id,
  kind: z.literal('document'),
  base,
  documentId: id,
  name: z.string().min(1).max(500),
});

export const change = z.discriminatedUnion('kind', [
  documentChange,
  renderingChange,
  termChange,
  commentChange,
  annotationChange,
  dismissalChange,
  settingsChange,
]);
export type Change = z.infer<typeof change>;
export const pushBody = z.strictObject({ changes: z.array(change).min(1).max(1000) });

/**
 * What a change is about, the unit of "later arrival wins": one rendering or term (entry + language), one
 * comment, a unit's thread, one annotation, one dismissed issue, the project's check settings.
 */
export function changeTarget(c: Change): string {
  switch (c.kind) {
    case 'rendering':
      return `${c.unitId}:${c.lang}`;
    case 'term':
      return `${c.entryId}:${c.lang}`;
    case 'comment':
      return c.op === 'add' || c.op === 'delete' ? c.commentId : `thread:${c.unitId}`;
    case 'annotation':
      return c.annotationId;
    case 'dismissal':
      return `${c.unitId}:${c.lang}|${c.issueKey}`;
    case 'settings':
      return 'checks';
    case 'document':
      return c.documentId;
  }
}

const timestamp = z.number().int().min(0).max(8.64e15);
const unitKind = z.enum(['sentence', 'heading', 'listItem']);
const sharedUnit = z.looseObject({
  id,
  documentId: id,
  index: z.int().min(0),
  paragraph: z.int().min(0),
  kind: unitKind,
  separator: z.string().max(1000),
  source: z.string().max(100_000),
  mt: z.record(lang, z.string().max(100_000)),
});
const sharedRendering = z.looseObject({
  id: z.string().min(1).max(500),
  unitId: id,
  documentId: id,
  lang,
  text: z.string().max(100_000),
  state: z.enum(RENDERING_STATES as [RenderingState, ...RenderingState[]]),
  updatedAt: timestamp,
  updatedBy: z.string().max(200),
  revision: z.int().min(0),
});
const revisionAction = z.enum([
  'import',
  'edit',
  'review',
  'approve',
  'reject',
  'reopen',
  'restore',
  'revert',
]);
const renderingState = z.enum(RENDERING_STATES as [RenderingState, ...RenderingState[]]);
/** One revision of a rendering's history as the uploader's browser holds it (its own numbering and names). */
const sharedRevision = z.looseObject({
  id: z.string().min(1).max(600),
  renderingId: z.string().min(1).max(500),
  unitId: id,
  documentId: id,
  lang,
  number: z.int().min(1),
  action: revisionAction,
  text: z.string().max(100_000),
  state: renderingState,
  previousState: renderingState,
  author: z.string().max(200),
  at: timestamp,
  note: z.string().max(10_000).optional(),
});
/** Ids of changes (still to be pushed) that the uploaded snapshot already contains. */
const reflects = z.array(id).max(100_000);
const sharedDocument = z
  .strictObject({
    document: z.looseObject({
      id,
      name: z.string().min(1).max(500),
      createdAt: timestamp,
      unitCount: z.int().min(0),
    }),
    units: z.array(sharedUnit).max(200_000),
    renderings: z.array(sharedRendering).max(1_000_000),
    revisions: z.array(sharedRevision).max(2_000_000).default([]),
    reflects: reflects.default([]),
  })
  .refine((d) => d.units.every((u) => u.documentId === d.document.id), {
    message: 'every unit belongs to the document',
    path: ['units'],
  })
  .refine((d) => d.renderings.every((r) => r.documentId === d.document.id), {
    message: 'every rendering belongs to the document',
    path: ['renderings'],
  })
  .refine((d) => d.revisions.every((r) => r.documentId === d.document.id), {
    message: 'every revision belongs to the document',
    path: ['revisions'],
  });
const sharedTerm = z.looseObject({
  lang,
  text: z.string().min(1).max(1000),
  status: z.enum(TERM_STATUSES as [TermStatus, ...TermStatus[]]),
});
const sharedEntry = z.looseObject({
  id,
  terms: z.array(sharedTerm).max(100),
  definition: z.string().max(10_000).optional(),
  note: z.string().max(10_000).optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
/** What a project is beyond its name: its languages, as the workbench needs them to open it. */
export const projectMeta = z.strictObject({
  sourceLang: lang,
  targetLangs: z.array(lang).min(1).max(20),
  mtLang: lang.optional(),
  createdAt: timestamp,
});

/**
 * A shared project's content, uploaded by its lead when sharing (and for documents added later), or glossary
 * entries by its terminologist. Each document and entry is kept once by its id: sending it again changes nothing.
 */
export const contentBody = z
  .strictObject({
    project: projectMeta.optional(),
    documents: z.array(sharedDocument).max(200).default([]),
    glossary: z.array(sharedEntry).max(100_000).default([]),
    /** For glossary entries of this upload, the changes (term statuses) their snapshot already contains. */
    entryReflects: z.record(id, reflects).default({}),
  })
  .refine((b) => b.project || b.documents.length > 0 || b.glossary.length > 0, {
    message: 'nothing to store',
  })
  .refine((b) => Object.keys(b.entryReflects).every((e) => b.glossary.some((g) => g.id === e)), {
    message: 'every entry named is uploaded with it',
    path: ['entryReflects'],
  });
export type ContentBody = z.infer<typeof contentBody>;

const ids = z.union([id.transform((one) => [one]), z.array(id).max(1000)]).optional();
/** Which documents and glossary entries to read (repeated `document=` and `entry=`). */
export const contentQuery = z.strictObject({ document: ids, entry: ids });
