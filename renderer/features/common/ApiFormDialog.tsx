import type { ReactNode } from 'react';
import type { FieldLabels } from '../../api/describeError';
import { useApiAction } from '../../api/useApiAction';
import { useI18n } from '../../i18n/useI18n';
import { FormDialog } from '../../ui/FormDialog';

/** What submitting a form leads to: the message to show when it cannot be sent as typed, or the API call to run. */
export type Submission = string | (() => Promise<void>);

type ApiFormDialogProps = {
  title: string;
  /** Checks the form; the API call it returns runs with busy state, and a failure stays in the dialog. */
  submit: () => Submission;
  /** Names the form's fields in server errors (a module constant). */
  fieldLabels?: FieldLabels;
  /** Defaults to "Lưu". */
  submitLabel?: string;
  wide?: boolean;
  onClose: () => void;
  children: ReactNode;
};

/** A form dialog that saves through the API: checks first, then sends, showing the error of the last attempt. */
export function ApiFormDialog({ title, submit, fieldLabels, submitLabel, wide, onClose, children }: ApiFormDialogProps) {
  const { t } = useI18n();
  const { busy, error, setError, run } = useApiAction(fieldLabels);
  const send = () => {
    const submission = submit();
    if (typeof submission === 'string') setError(submission);
    else void run(submission);
  };
  return (
    <FormDialog
      title={title}
      submitLabel={submitLabel ?? t('common.save')}
      cancelLabel={t('common.cancel')}
      busy={busy}
      error={error}
      onSubmit={send}
      onClose={onClose}
      wide={wide}
    >
      {children}
    </FormDialog>
  );
}
