import type { ReactNode } from 'react';

type EnumSelectProps<Value extends string, Option extends Value> = {
  value: Value;
  options: readonly Option[];
  optionLabel: (option: Option) => string;
  /** Taken for a value that is none of `options` (e.g. the empty value of a leading "all" option). */
  fallback: Value;
  onChange: (value: Value) => void;
  /** Options listed before `options`. */
  children?: ReactNode;
};

/** A <select> over a fixed list of string constants, each shown by its label. */
export function EnumSelect<Value extends string, Option extends Value>({ value, options, optionLabel, fallback, onChange, children }: EnumSelectProps<Value, Option>) {
  return (
    <select value={value} onChange={(event) => onChange(options.find((option) => option === event.target.value) ?? fallback)}>
      {children}
      {options.map((option) => (
        <option key={option} value={option}>
          {optionLabel(option)}
        </option>
      ))}
    </select>
  );
}
