import { useContext, useId, type ReactNode } from 'react';
import { FormErrorContext } from './formErrorContext';

type FieldProps = {
  label: string;
  required?: boolean;
  children: ReactNode;
  wide?: boolean;
  /** The API field it edits: an error about that field shows here, and the form focuses it. */
  name?: string;
};

/** A labelled form control: the <label> wraps the control, so the label names it. */
export function Field({ label, required, children, wide, name }: FieldProps) {
  const formError = useContext(FormErrorContext);
  const errorId = useId();
  const error = name !== undefined && formError?.field === name ? formError.message : null;
  const className = ['field', wide && 'field-wide', error && 'field-invalid'].filter(Boolean).join(' ');
  return (
    <label className={className} data-field={name}>
      <span className="field-label">
        {label}
        {required && <span className="field-required" aria-hidden="true"> *</span>}
      </span>
      {children}
      {error && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}
