import { useCallback, useState } from 'react';
import { useI18n } from '../i18n/useI18n';
import { describeError, type FieldLabels } from './describeError';

/**
 * Runs a mutation, tracking busy state and turning a failure into a readable message;
 * `fieldLabels` (a constant) names the form's fields in that message.
 */
export function useApiAction(fieldLabels?: FieldLabels) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (action: () => Promise<void>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        await action();
        return true;
      } catch (failure) {
        setError(describeError(failure, t, fieldLabels));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t, fieldLabels],
  );
  return { busy, error, setError, run };
}
