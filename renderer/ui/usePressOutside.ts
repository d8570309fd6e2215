import { useEffect, useRef, type RefObject } from 'react';

/** While `active`, a press anywhere outside `root` calls `onOutside` (how a native select closes). */
export function usePressOutside(root: RefObject<HTMLElement | null>, active: boolean, onOutside: () => void): void {
  const latest = useRef(onOutside);
  latest.current = onOutside;
  useEffect(() => {
    if (!active) return;
    const onPress = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) latest.current();
    };
    document.addEventListener('mousedown', onPress);
    return () => document.removeEventListener('mousedown', onPress);
  }, [root, active]);
}
