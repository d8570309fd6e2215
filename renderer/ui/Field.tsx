import type { ReactNode } from 'react';

type FieldProps = { label: string; required?: boolean; children: ReactNode; wide?: boolean };

/** A labelled form control: the <label> wraps the control, so the label names it. */
export function Field({ label, required, children, wide }: FieldProps) {
  return (
    <label className={wide ? 'field field-wide' : 'field'}>
      <span className="field-label">
        {label}
        {required && <span className="field-required" aria-hidden="true"> *</span>}
      </span>
      {children}
    </label>
  );
}
