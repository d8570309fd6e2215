import type { ReactNode } from 'react';
import type { FieldLabels } from '../../api/describeError';
import { useApiAction } from '../../api/useApiAction';
import { useI18n } from '../../i18n/useI18n';
import { FormDialog } from '../../ui/FormDialog';
import type { FormError } from '../../ui/formErrorContext';

/**
 * What submitting a form leads to: why it cannot be sent as typed (a message, or a message about
 * one API field, shown at that field), or the API call to run.
 */
export type Submission = string | FormError | (() => Promise<void>);

type ApiFormDialogProps = {
  title: string;
  /** Checks the form; the API call it returns runs with busy state, and a failure stays in the dialog. */
  submit: () => Submission;
  /** Names the form's fields in server errors (a module constant). */
  fieldLabels?: FieldLabels;
  /** Defaults to "Lưu". */
  submitLabel?: string;
  wide?: boolean;
  /** Shown above the buttons. */
  notice?: ReactNode;
  /** A second button that checks and sends the form its own way (e.g. a preview), with the same busy state and error placement. */
  secondary?: { label: string; submit: () => Submission };
  onClose: () => void;
  children: ReactNode;
};

/** A form dialog that saves through the API: checks first, then sends, showing the error of the last attempt at its field. */
export function ApiFormDialog({ title, submit, fieldLabels, submitLabel, wide, notice, secondary, onClose, children }: ApiFormDialogProps) {
  const { t } = useI18n();
  const { busy, formError, setError, run } = useApiAction(fieldLabels);
  const send = (submission: Submission) => {
    if (typeof submission === 'string') setError(submission);
    else if (typeof submission === 'object') setError(submission.message, submission.field);
    else void run(submission);
  };
  return (
    <FormDialog
      title={title}
      submitLabel={submitLabel ?? t('common.save')}
      cancelLabel={t('common.cancel')}
      busy={busy}
      error={formError}
      onSubmit={() => send(submit())}
      onClose={onClose}
      wide={wide}
      notice={notice}
      secondary={secondary && { label: secondary.label, onClick: () => send(secondary.submit()) }}
    >
      {children}
    </FormDialog>
  );
}
