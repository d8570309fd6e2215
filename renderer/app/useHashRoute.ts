import { useEffect, useState } from 'react';

/** The path of the hash, without its query (see hashQuery). */
function currentSegments(): string[] {
  return window.location.hash.replace(/^#\/?/, '').replace(/\?.*$/, '').split('/').filter(Boolean).map(decodeURIComponent);
}

/** A tiny hash router: `#/customers/12` → ['customers', '12']. Works from file:// and any server path. */
export function useHashRoute(): string[] {
  const [segments, setSegments] = useState(currentSegments);
  useEffect(() => {
    const update = () => setSegments(currentSegments());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return segments;
}
