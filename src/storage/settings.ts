import type { AudarmaDb } from './db.ts';

/** The settings row of a project's checks: which run, their severities, phrase rules, spelling, alphabets. */
export const checkSettingsKey = (projectId: string): string => `checkSettings:${projectId}`;

export async function getSetting<T>(db: AudarmaDb, key: string, fallback: T): Promise<T> {
  const row = await db.get('settings', key);
  return row === undefined ? fallback : (row.value as T);
}

export async function setSetting(db: AudarmaDb, key: string, value: unknown): Promise<void> {
  await db.put('settings', { key, value });
}
