import type { FormEvent, ReactNode } from 'react';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { ErrorMessage } from './ErrorMessage';

type FormDialogProps = {
  title: string;
  submitLabel: string;
  cancelLabel: string;
  busy: boolean;
  error: string | null;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
};

/** A dialog holding one form: Enter submits, the error of the last attempt shows above the buttons. */
export function FormDialog({ title, submitLabel, cancelLabel, busy, error, onSubmit, onClose, children, wide }: FormDialogProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <Dialog title={title} onClose={onClose} wide={wide}>
      <form className="form" onSubmit={submit} noValidate>
        {children}
        <ErrorMessage message={error} />
        <div className="dialog-footer">
          <Button onClick={onClose}>{cancelLabel}</Button>
          <Button type="submit" variant="primary" disabled={busy}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
