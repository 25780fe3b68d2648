// Moves keyboard focus to an element after the render that shows it (a field error,
// a banner, a heading), so screen-reader and keyboard users land where the news is.
import { useEffect, useState, type RefObject } from 'react';

export function useFocusRequest(): (target: RefObject<HTMLElement | null>) => void {
  const [target, setTarget] = useState<RefObject<HTMLElement | null> | null>(null);
  useEffect(() => {
    if (!target) return;
    target.current?.focus();
    setTarget(null);
  }, [target]);
  return setTarget;
}
