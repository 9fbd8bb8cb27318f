/** Messages between the UI thread and the worker. One request, any number of progress messages, one answer. */
export type JobRequest = { readonly id: number; readonly name: string; readonly input: unknown };

export type JobMessage =
  | { readonly id: number; readonly type: 'progress'; readonly fraction: number }
  | { readonly id: number; readonly type: 'done'; readonly output: unknown }
  | { readonly id: number; readonly type: 'error'; readonly message: string };
