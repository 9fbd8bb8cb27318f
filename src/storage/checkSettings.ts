import type { CheckSettings } from '../core/checks/types.ts';
import type { AudarmaDb } from './db.ts';
import { announceStored } from './changeFeed.ts';
import { queueProjectChange } from './outbox.ts';
import { checkSettingsKey } from './settings.ts';

export { checkSettingsKey };

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
  const tx = db.transaction(['settings', 'shares', 'outbox'], 'readwrite');
  const key = checkSettingsKey(projectId);
  const row = await tx.objectStore('settings').get(key);
  const next = change((row?.value as CheckSettings | undefined) ?? {});
  // A shared project's settings go to the team whole: the later arrival at the server wins.
  const queued = await queueProjectChange(tx, projectId, { kind: 'settings', value: next });
  await Promise.all([tx.objectStore('settings').put({ key, value: next }), ...queued, tx.done]);
  announceStored({ origin: 'local', unitIds: [], settings: true });
  return next;
}
