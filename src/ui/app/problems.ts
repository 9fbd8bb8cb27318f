import { useSyncExternalStore } from 'react';
import { classifyStorageError, type StorageError } from '../../storage/errors.ts';

/**
 * Failures of background work (a read, a worker job, a save) that no single control waits for. Each is reported
 * here instead of being dropped, so nothing waits forever in silence: the app shows them in one place.
 */
export type Problem = { readonly id: number; readonly error: StorageError };

let problems: readonly Problem[] = [];
let next = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());

export function reportProblem(error: unknown): void {
  const classified = classifyStorageError(error);
  // The same failure from many places at once (a dead worker, say) is said once.
  if (problems.some((p) => p.error.message === classified.message)) return;
  problems = [...problems, { id: next++, error: classified }].slice(-3);
  emit();
}

export function dismissProblem(id: number): void {
  problems = problems.filter((p) => p.id !== id);
  emit();
}

export function useProblems(): readonly Problem[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => problems,
    () => problems,
  );
}
