import { useCallback, useState } from 'react';
import type { FormError } from '../ui/formErrorContext';
import { useI18n } from '../i18n/useI18n';
import { ApiError } from './ApiError';
import { describeError, type FieldLabels } from './describeError';

/**
 * Runs a mutation, tracking busy state and turning a failure into a readable message, with the
 * API field it is about (first segment of the server's `field`); `fieldLabels` (a constant) names
 * the form's fields in that message.
 */
export function useApiAction(fieldLabels?: FieldLabels) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<FormError | null>(null);
  const setError = useCallback((message: string | null, field?: string) => setFormError(message ? { message, field } : null), []);
  const run = useCallback(
    async (action: () => Promise<void>): Promise<boolean> => {
      setBusy(true);
      setFormError(null);
      try {
        await action();
        return true;
      } catch (failure) {
        const field = failure instanceof ApiError ? failure.field?.split('.')[0] : undefined;
        setFormError({ message: describeError(failure, t, fieldLabels), field });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t, fieldLabels],
  );
  return { busy, error: formError?.message ?? null, formError, setError, run };
}
