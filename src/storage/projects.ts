import type { AudarmaDb } from './db.ts';
import type { Project } from '../core/model/types.ts';

export async function listProjects(db: AudarmaDb): Promise<Project[]> {
  return db.getAll('projects');
}

export async function getProject(db: AudarmaDb, id: string): Promise<Project | undefined> {
  return db.get('projects', id);
}

export async function saveProject(db: AudarmaDb, project: Project): Promise<void> {
  await db.put('projects', project);
}
