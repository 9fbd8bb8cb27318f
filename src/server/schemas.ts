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

export const change = z.discriminatedUnion('kind', [renderingChange, termChange]);
export type Change = z.infer<typeof change>;
export const pushBody = z.strictObject({ changes: z.array(change).min(1).max(1000) });

/** What a change is about: one rendering (unit + language) or one term (entry + language). */
export function changeTarget(c: Change): string {
  return c.kind === 'rendering' ? `${c.unitId}:${c.lang}` : `${c.entryId}:${c.lang}`;
}
