import type { CheckSettings } from '../core/checks/types.ts';
import type { AudarmaDb } from './db.ts';

/** The settings row of a project's checks: which run, their severities, phrase rules, spelling, alphabets. */
export const checkSettingsKey = (projectId: string): string => `checkSettings:${projectId}`;

export async function getCheckSettings(db: AudarmaDb, projectId: string): Promise<CheckSettings> {
  const row = await db.get('settings', checkSettingsKey(projectId));
  return (row?.value as CheckSettings | undefined) ?? {};
}

/**
 * One change to a project's check settings, read and written in one transaction: two tabs changing different
 * rules at once both keep their change, and a change is stored whole or not at all. Returns what was stored.
 */
export async function updateCheckSettings(
  db: AudarmaDb,
  projectId: string,
  change: (current: CheckSettings) => CheckSettings,
): Promise<CheckSettings> {
  const tx = db.transaction('settings', 'readwrite');
  const key = checkSettingsKey(projectId);
  const row = await tx.store.get(key);
  const next = change((row?.value as CheckSettings | undefined) ?? {});
  await Promise.all([tx.store.put({ key, value: next }), tx.done]);
  return next;
}
