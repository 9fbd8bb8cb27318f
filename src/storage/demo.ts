import type { AudarmaDb } from './db.ts';
import { importDocument } from './documents.ts';
import { putEntries } from './terms.ts';
import { buildDocument } from '../core/model/document.ts';
import {
  DEMO_DOCUMENT_ID,
  DEMO_DOCUMENT_NAME,
  DEMO_PROJECT_ID,
  demoGlossary,
  demoProject,
} from '../core/demo/project.ts';

/** Puts the demo project in an empty database; does nothing when it is there already. */
export async function ensureDemoProject(
  db: AudarmaDb,
  articleText: string,
  author: string,
  now: number,
): Promise<boolean> {
  // A restore in place gives the demo's document a new id: the project being there is what counts.
  if ((await db.getKey('projects', DEMO_PROJECT_ID)) || (await db.getKey('documents', DEMO_DOCUMENT_ID)))
    return false;
  const project = demoProject(now);
  const built = buildDocument({
    projectId: project.id,
    name: DEMO_DOCUMENT_NAME,
    text: articleText,
    lang: 'en',
    role: 'mt',
    now,
    id: DEMO_DOCUMENT_ID,
  });
  await putEntries(db, demoGlossary(DEMO_PROJECT_ID, now, author));
  await importDocument(db, { project, document: built.document, units: built.units, author, now });
  return true;
}
