import { useContext, type ReactNode } from 'react';
import { FormErrorContext } from './formErrorContext';

type FieldMessageProps = { name: string; children: ReactNode; className?: string };

/**
 * For form parts that are not one labelled control (a checkbox, a list with buttons): names the
 * API field they edit, so an error about it shows under them and focuses their first control, as <Field> does.
 */
export function FieldMessage({ name, children, className }: FieldMessageProps) {
  const formError = useContext(FormErrorContext);
  const error = formError?.field === name ? formError.message : null;
  return (
    <div data-field={name} className={[className, error && 'field-invalid'].filter(Boolean).join(' ') || undefined}>
      {children}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
