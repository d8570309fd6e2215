import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { useI18n } from '../i18n/useI18n';
import { describeError } from './describeError';

type ApiData<T> = { data: T | undefined; error: string | null; loading: boolean; reload: () => void };

/** Loads data when the dependencies change; `reload()` fetches again (after a mutation). */
export function useApiData<T>(load: () => Promise<T>, deps: DependencyList): ApiData<T> {
  const { t } = useI18n();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    setLoading(true);
    load().then(
      (result) => {
        if (!current) return;
        setData(result);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        setError(describeError(failure, t));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure on every render: `deps` name what it reads.
  }, [...deps, generation, t]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data, error, loading, reload };
}
