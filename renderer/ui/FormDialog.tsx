import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { ErrorMessage } from './ErrorMessage';
import { FormErrorContext, type FormError } from './formErrorContext';

type FormDialogProps = {
  title: string;
  submitLabel: string;
  cancelLabel: string;
  busy: boolean;
  error: FormError | null;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  /** Shown in the footer above the buttons (e.g. a warning to confirm). */
  notice?: ReactNode;
  /** A second way to send the form, left of the submit button (e.g. "Xem trước"). */
  secondary?: { label: string; onClick: () => void };
};

/** The first control of the field an error is about, or undefined when no field of the form shows it. */
function invalidControl(form: HTMLFormElement | null, field: string | undefined): HTMLElement | undefined {
  if (!form || field === undefined) return undefined;
  const container = form.querySelector(`[data-field="${CSS.escape(field)}"]`);
  return container?.querySelector<HTMLElement>('input, select, textarea, button') ?? undefined;
}

/**
 * A dialog holding one form: Enter submits; the buttons stay in view however long the form is.
 * An error about one field shows at that field, which gets the focus; any other error above the buttons.
 */
export function FormDialog({ title, submitLabel, cancelLabel, busy, error, onSubmit, onClose, children, wide, notice, secondary }: FormDialogProps) {
  const form = useRef<HTMLFormElement>(null);
  const [placed, setPlaced] = useState(false);
  useEffect(() => {
    const control = invalidControl(form.current, error?.field);
    setPlaced(Boolean(control));
    control?.focus();
    control?.scrollIntoView({ block: 'center' });
  }, [error]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <Dialog title={title} onClose={onClose} wide={wide}>
      <form ref={form} className="form" onSubmit={submit} noValidate>
        <FormErrorContext.Provider value={error}>{children}</FormErrorContext.Provider>
        <div className="dialog-footer form-footer">
          <ErrorMessage message={placed ? null : error?.message} />
          {notice}
          <div className="form-buttons">
            <Button onClick={onClose}>{cancelLabel}</Button>
            {secondary && (
              <Button disabled={busy} onClick={secondary.onClick}>
                {secondary.label}
              </Button>
            )}
            <Button type="submit" variant="primary" disabled={busy}>
              {submitLabel}
            </Button>
          </div>
        </div>
      </form>
    </Dialog>
  );
}
