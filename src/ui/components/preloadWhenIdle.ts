/**
 * Fetches code that is not needed for the first screen once the browser is idle, one module at a time, so that it
 * is at hand when first used, also after the network is gone (a first visit, before the service worker controls
 * the page).
 */
export function preloadWhenIdle(...loaders: readonly (() => Promise<unknown>)[]): void {
  if (typeof window === 'undefined') return;
  const idle =
    typeof requestIdleCallback === 'function'
      ? (work: () => void) => requestIdleCallback(work, { timeout: 5000 })
      : (work: () => void) => setTimeout(work, 2000);
  let at = 0;
  const next = () => {
    const load = loaders[at++];
    if (!load) return;
    // A failed preload is tried again, and reported, when the code is used.
    load()
      .catch(() => undefined)
      .finally(() => idle(next));
  };
  idle(next);
}
