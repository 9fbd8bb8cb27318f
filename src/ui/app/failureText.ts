import type { TFunction } from 'i18next';
import { classifyStorageError, StorageError } from '../../storage/errors.ts';
import { JobError } from '../hooks/runJob.ts';

/**
 * What to tell the user about a failed action: a full disk, a blocked database or a worker that died each get
 * their own message (the same wherever they happen); anything else is shown with its own text.
 */
export function failureText(t: TFunction, error: unknown): string {
  if (error instanceof JobError) return t(`jobs.${error.reason}`);
  const storage = classifyStorageError(error);
  if (storage.failure !== 'other' || error instanceof StorageError)
    return t(`storage.failure.${storage.failure}`, { message: storage.message });
  return t('transfer.status.failed', { message: storage.message });
}
