import type { Pool } from 'pg';
import { mayWrite, type Membership } from './roles.ts';
import type { Change } from './schemas.ts';

/**
 * A change to an annotation that is already there is judged by the annotation as the server holds it (its
 * language and MQM category), not by what the change claims: a delete names no category, and a put could claim
 * another. So a terminologist may withdraw or change terminology annotations only, and a reviewer only those of
 * their languages. Annotations made earlier in the same push count as held. A delete of an annotation the server
 * never had is judged by the change alone (it carries no category, so only roles that need none may send it).
 */
export async function annotationsNotTheirs(
  pool: Pool,
  projectId: string,
  member: Membership,
  changes: readonly Change[],
): Promise<Change[]> {
  const annotations = changes.filter((c) => c.kind === 'annotation');
  if (annotations.length === 0) return [];
  const { rows } = await pool.query<{ target: string; lang: string; category: string }>(
    `select distinct on (target) target, payload->>'lang' as lang, payload->>'category' as category
       from changes
      where project_id = $1 and kind = 'annotation' and target = any($2) and payload->>'op' = 'put'
      order by target, seq desc`,
    [projectId, [...new Set(annotations.map((c) => c.annotationId))]],
  );
  const held = new Map(rows.map((r) => [r.target, { lang: r.lang, category: r.category }]));
  const denied: Change[] = [];
  for (const c of annotations) {
    const stored = held.get(c.annotationId);
    // A delete claims a language but no category: the category only the stored annotation can tell.
    const claimed =
      c.op === 'put' || mayWrite(member, { kind: 'annotation', lang: c.lang, category: stored?.category });
    if (!claimed || (stored && !mayWrite(member, { kind: 'annotation', ...stored }))) denied.push(c);
    if (c.op === 'put') held.set(c.annotationId, { lang: c.lang, category: c.category });
  }
  return denied;
}
