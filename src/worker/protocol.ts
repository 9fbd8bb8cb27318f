/**
 * Messages from the UI thread to the worker: run a job, cancel one (queued or running), or ping (the worker
 * answers `pong`, which tells the UI it is alive while jobs wait on it).
 */
export type JobRequest =
  | { readonly type: 'run'; readonly id: number; readonly name: string; readonly input: unknown }
  | { readonly type: 'cancel'; readonly id: number }
  | { readonly type: 'ping'; readonly id: number };

/**
 * Messages from the worker: a job is `started` when the worker takes it from its queue, then sends any number of
 * progress messages and one answer (`done`, `error`, or `cancelled` when a cancel reached it in time).
 */
export type JobMessage =
  | { readonly id: number; readonly type: 'started' }
  | { readonly id: number; readonly type: 'progress'; readonly fraction: number }
  | { readonly id: number; readonly type: 'done'; readonly output: unknown }
  | { readonly id: number; readonly type: 'error'; readonly message: string }
  | { readonly id: number; readonly type: 'cancelled' }
  | { readonly id: number; readonly type: 'pong' };
