/**
 * Whether a new version of the app is installed and waiting, and how to switch to it. The service worker's
 * registration (main.tsx) announces it; the notice (UpdateNotice.tsx) reads it, so the UI never touches the
 * service worker itself and renders the same in tests and in `npm start`, where there is none.
 */
export type AppUpdate = {
  readonly waiting: () => boolean;
  readonly subscribe: (listener: () => void) => () => void;
  /** Activates the waiting version and reloads the page with it. */
  readonly apply: () => Promise<void>;
};

export function createAppUpdate(): AppUpdate & { announce(apply: () => Promise<void>): void } {
  let ready: (() => Promise<void>) | null = null;
  const listeners = new Set<() => void>();
  return {
    waiting: () => ready !== null,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    apply: () => (ready ? ready() : Promise.resolve()),
    announce(apply) {
      ready = apply;
      for (const listener of listeners) listener();
    },
  };
}
