/** Storage failures the UI shows as states of their own rather than as a generic error. */
export type StorageFailure = 'quota' | 'blocked' | 'versionChange' | 'other';

export class StorageError extends Error {
  constructor(
    readonly failure: StorageFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}

export function classifyStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError') return new StorageError('quota', message, { cause: error });
  return new StorageError('other', message, { cause: error });
}

/** Runs a storage operation and turns its failure into a StorageError the UI can tell apart. */
export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw classifyStorageError(error);
  }
}
