import { useCallback, type RefObject } from 'react';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';

const ESTIMATE = 72;
const OVERSCAN_ROWS = 8;
/** Used where the container has no size yet (first paint, or a DOM without layout such as jsdom). */
const FALLBACK_VIEWPORT = 1200;

export type VirtualRows = {
  /** Positions (into the row list) to render, in order. */
  readonly range: readonly number[];
  readonly paddingTop: number;
  readonly paddingBottom: number;
  /** Give each rendered row element to this (and null when it goes) so its real height replaces the estimate. */
  readonly measure: (position: number, element: HTMLElement | null) => void;
  readonly scrollToPosition: (position: number) => void;
};

/**
 * Renders only the rows near the viewport of a scrolling container, with heights measured as rows appear, on
 * @tanstack/react-virtual: rows that leave the page are no longer observed, and a container without a size yet
 * is taken as a screenful so the first rows render at once.
 */
export function useVirtualRows(
  count: number,
  container: RefObject<HTMLElement | null>,
  headerHeight = 0,
): VirtualRows {
  // The app is not built with the React compiler, and nothing here memoises the virtualizer's results: the
  // library's own re-render on scroll is what keeps the rows current.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => container.current,
    estimateSize: () => ESTIMATE,
    overscan: OVERSCAN_ROWS,
    // The header row sits inside the scrolling container, above the rows.
    paddingStart: headerHeight,
    initialRect: { width: 0, height: FALLBACK_VIEWPORT },
    observeElementRect: (instance, report) =>
      observeElementRect(instance, (rect) =>
        report(rect.height > 0 ? rect : { width: rect.width, height: FALLBACK_VIEWPORT }),
      ),
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);

  const measure = useCallback(
    (position: number, element: HTMLElement | null) => {
      if (element) element.setAttribute('data-index', String(position));
      virtualizer.measureElement(element);
    },
    [virtualizer],
  );
  const scrollToPosition = useCallback(
    (position: number) => {
      if (position >= 0 && position < count) virtualizer.scrollToIndex(position, { align: 'auto' });
    },
    [virtualizer, count],
  );

  return {
    range: items.map((item) => item.index),
    paddingTop: first ? first.start - headerHeight : 0,
    paddingBottom: last ? Math.max(0, virtualizer.getTotalSize() - last.end) : 0,
    measure,
    scrollToPosition,
  };
}
