// A scrolling list that renders only the rows near the viewport. Row heights are measured
// (ResizeObserver) rather than assumed, so rows of any height — an open edit form, a long
// note — keep the scrollbar honest; unmeasured rows count as the average measured so far.
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';

export interface VirtualListProps<T> {
  items: readonly T[];
  getKey: (item: T) => string;
  renderItem: (item: T, index: number) => ReactNode;
  /** Used for rows never measured until one has been. */
  estimatedHeight?: number;
  /** Pixels rendered beyond each edge of the viewport. */
  overscan?: number;
  /** Scrolls row `index` into view whenever `seq` changes. */
  scrollTo?: { index: number; seq: number } | null;
  className?: string;
  label?: string;
  testId?: string;
}

/** First i in [0, n) with offsets[i + 1] > y (the row that contains y). */
function rowAt(offsets: readonly number[], y: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! > y) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function VirtualList<T>({ items, getKey, renderItem, estimatedHeight = 96, overscan = 600, scrollTo, className, label, testId }: VirtualListProps<T>) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const heights = useRef(new Map<string, number>());
  const [measured, remeasured] = useReducer((n: number) => n + 1, 0);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(800);
  const rows = useRef(new Map<Element, string>());

  const observer = useMemo(
    () =>
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((entries) => {
            let changed = false;
            for (const entry of entries) {
              const key = rows.current.get(entry.target);
              if (key === undefined) continue;
              const height = (entry.target as HTMLElement).offsetHeight;
              if (heights.current.get(key) !== height) {
                heights.current.set(key, height);
                changed = true;
              }
            }
            if (changed) remeasured();
          }),
    [],
  );
  useEffect(() => () => observer?.disconnect(), [observer]);

  const offsets = useMemo(() => {
    let sum = 0;
    let count = 0;
    for (const h of heights.current.values()) {
      sum += h;
      count++;
    }
    const fallback = count > 0 ? sum / count : estimatedHeight;
    const out = new Array<number>(items.length + 1);
    out[0] = 0;
    for (let i = 0; i < items.length; i++) out[i + 1] = out[i]! + (heights.current.get(getKey(items[i]!)) ?? fallback);
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `measured` stands for the heights map
  }, [items, getKey, estimatedHeight, measured]);

  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    setViewport(scroller.clientHeight);
    if (typeof ResizeObserver === 'undefined') return;
    const sizeObserver = new ResizeObserver(() => setViewport(scroller.clientHeight));
    sizeObserver.observe(scroller);
    return () => sizeObserver.disconnect();
  }, []);

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller || !scrollTo || scrollTo.index < 0 || scrollTo.index >= items.length) return;
    const top = offsets[scrollTo.index]!;
    const bottom = offsets[scrollTo.index + 1]!;
    if (top < scroller.scrollTop || bottom > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = Math.max(0, top - 8);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when asked again
  }, [scrollTo?.seq]);

  const measureRow = useCallback(
    (key: string) => (element: HTMLDivElement | null) => {
      if (!element) return;
      rows.current.set(element, key);
      observer?.observe(element);
      return () => {
        rows.current.delete(element);
        observer?.unobserve(element);
      };
    },
    [observer],
  );

  const total = offsets[items.length]!;
  const first = items.length === 0 ? 0 : rowAt(offsets, Math.max(0, scrollTop - overscan));
  const last = items.length === 0 ? -1 : rowAt(offsets, Math.min(total, scrollTop + viewport + overscan));
  const visible: ReactNode[] = [];
  for (let i = first; i <= last && i < items.length; i++) {
    const item = items[i]!;
    const key = getKey(item);
    visible.push(
      <div key={key} ref={measureRow(key)} className="virtual-list__row" role="listitem">
        {renderItem(item, i)}
      </div>,
    );
  }

  return (
    <div
      ref={scrollerRef}
      className={`virtual-list ${className ?? ''}`}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      data-testid={testId}
      data-count={items.length}
    >
      <div className="virtual-list__spacer" style={{ height: total }}>
        <div role="list" aria-label={label} className="virtual-list__window" style={{ transform: `translateY(${offsets[first] ?? 0}px)` }}>
          {visible}
        </div>
      </div>
    </div>
  );
}
