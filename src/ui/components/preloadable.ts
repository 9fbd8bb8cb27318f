import { lazy, type ComponentType } from 'react';

/**
 * A lazily loaded component whose code can be fetched ahead of its first use. Once fetched, the component is
 * handed to React synchronously, so its first render does not suspend: React holds a suspended view's content
 * back for a moment (its fallback throttle), which a preloaded view should not pay.
 */
export function preloadable<P extends object>(
  load: () => Promise<ComponentType<P>>,
): {
  readonly Component: ComponentType<P>;
  readonly preload: () => Promise<unknown>;
  /** Whether the code has arrived: a view that must not render without it suspends on `preload()` until then. */
  readonly loaded: () => boolean;
} {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    pending ??= load().then((component) => (loaded = component));
    return pending;
  };
  const Component = lazy(() => {
    if (loaded) {
      const component = loaded;
      // A thenable that resolves at once: React reads it as already loaded.
      return {
        then: (resolve: (m: { default: ComponentType<P> }) => void) => resolve({ default: component }),
      } as Promise<{
        default: ComponentType<P>;
      }>;
    }
    return preload().then((component) => ({ default: component }));
  });
  return { Component, preload, loaded: () => loaded !== undefined };
}
