import { useCallback, useEffect, useLayoutEffect, useMemo, useState, type RefObject } from 'react';

const ESTIMATE = 72;
const OVERSCAN_PX = 600;
/** Used where the container has no size yet (first paint, or a DOM without layout such as jsdom). */
const FALLBACK_VIEWPORT = 1200;

export type VirtualRows = {
  /** Positions (into the row list) to render, in order. */
  readonly range: readonly number[];
  readonly paddingTop: number;
  readonly paddingBottom: number;
  /** Give each rendered row element to this so its real height replaces the estimate. */
  readonly measure: (position: number, element: HTMLElement | null) => void;
  readonly scrollToPosition: (position: number) => void;
};

/**
 * Renders only the rows near the viewport of a scrolling container, with heights measured as rows appear.
 * Offsets are kept in a prefix-sum array rebuilt only when a measured height actually changes.
 */
/** Measured (or estimated) row heights with their prefix sums, rebuilt lazily after a change. */
class RowHeights {
  private heights = new Float64Array(0);
  private prefix: Float64Array | undefined;

  /** Keeps the measured heights of the first rows when the row count changes. */
  resize(count: number): void {
    if (this.heights.length === count) return;
    const next = new Float64Array(count).fill(ESTIMATE);
    next.set(this.heights.subarray(0, Math.min(count, this.heights.length)));
    this.heights = next;
    this.prefix = undefined;
  }

  /** Records a measured height; true when it differs from what was known. */
  set(position: number, height: number): boolean {
    if (position < 0 || position >= this.heights.length || this.heights[position] === height) return false;
    this.heights[position] = height;
    this.prefix = undefined;
    return true;
  }

  offsets(): Float64Array {
    if (this.prefix) return this.prefix;
    const out = new Float64Array(this.heights.length + 1);
    for (let i = 0; i < this.heights.length; i += 1)
      out[i + 1] = (out[i] ?? 0) + (this.heights[i] ?? ESTIMATE);
    this.prefix = out;
    return out;
  }
}

/**
 * Renders only the rows near the viewport of a scrolling container, with heights measured as rows appear.
 * Offsets are prefix sums rebuilt only when a measured height actually changes.
 */
export function useVirtualRows(
  count: number,
  container: RefObject<HTMLElement | null>,
  headerHeight = 0,
): VirtualRows {
  const [store] = useState(() => new RowHeights());
  const [version, setVersion] = useState(0);
  const [viewport, setViewport] = useState({ top: 0, height: 0 });

  const offsets = useMemo(() => {
    void version;
    store.resize(count);
    return store.offsets();
  }, [store, count, version]);

  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const update = () => setViewport({ top: element.scrollTop, height: element.clientHeight });
    update();
    element.addEventListener('scroll', update, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(update);
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', update);
      observer?.disconnect();
    };
  }, [container]);

  const observer = useMemo(
    () =>
      typeof ResizeObserver === 'undefined'
        ? undefined
        : new ResizeObserver((entries) => {
            let changed = false;
            for (const entry of entries) {
              const target = entry.target as HTMLElement;
              const position = Number(target.dataset.position);
              if (Number.isFinite(position) && target.offsetHeight > 0)
                changed = store.set(position, target.offsetHeight) || changed;
            }
            if (changed) setVersion((v) => v + 1);
          }),
    [store],
  );
  useEffect(() => () => observer?.disconnect(), [observer]);

  // The element observed for each position: a row that leaves the page (or is replaced) is no longer observed, so
  // scrolling through a long document does not leave every row it ever showed under observation.
  const [observed] = useState(() => new Map<number, HTMLElement>());
  const measure = useCallback(
    (position: number, element: HTMLElement | null) => {
      const previous = observed.get(position);
      if (previous === element) return;
      if (previous) observer?.unobserve(previous);
      if (!element) {
        observed.delete(position);
        return;
      }
      observed.set(position, element);
      element.setAttribute('data-position', String(position));
      observer?.observe(element);
    },
    [observer, observed],
  );

  const viewHeight = viewport.height || FALLBACK_VIEWPORT;
  const top = Math.max(0, viewport.top - headerHeight - OVERSCAN_PX);
  const bottom = viewport.top - headerHeight + viewHeight + OVERSCAN_PX;
  const first = Math.max(0, upperBound(offsets, top) - 1);
  let last = first;
  while (last < count && (offsets[last] ?? 0) < bottom) last += 1;
  const range = Array.from({ length: Math.max(0, last - first) }, (_, i) => first + i);

  const scrollToPosition = useCallback(
    (position: number) => {
      const element = container.current;
      if (!element || position < 0 || position >= count) return;
      const height = element.clientHeight || FALLBACK_VIEWPORT;
      const rowTop = (offsets[position] ?? 0) + headerHeight;
      const rowBottom = (offsets[position + 1] ?? rowTop) + headerHeight;
      if (rowTop < element.scrollTop + headerHeight) element.scrollTo?.({ top: rowTop - headerHeight });
      else if (rowBottom > element.scrollTop + height) element.scrollTo?.({ top: rowBottom - height });
    },
    [container, count, offsets, headerHeight],
  );

  return {
    range,
    paddingTop: offsets[first] ?? 0,
    paddingBottom: (offsets[count] ?? 0) - (offsets[last] ?? 0),
    measure,
    scrollToPosition,
  };
}

/** First index whose offset is greater than `value` (binary search over the prefix sums). */
function upperBound(offsets: Float64Array, value: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((offsets[mid] ?? 0) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
