import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import './MultiSelect.css';
import { usePressOutside } from './usePressOutside';

export type MultiSelectOption = { id: number; label: string };

type MultiSelectProps = {
  label: string;
  options: MultiSelectOption[];
  value: number[];
  onChange: (ids: number[]) => void;
  /** The button's text with nothing chosen, e.g. "Tất cả loại". */
  allLabel: string;
  /** The button's text with several chosen, e.g. "2 loại". */
  countLabel: (count: number) => string;
  clearLabel: string;
  /** Starts with the list open (a grid cell editor). */
  defaultOpen?: boolean;
};

/**
 * Pick any number of options from a checkbox list in a popover; none = all. ↓ or Enter opens it,
 * ↑/↓ move between the options, Space ticks, Escape closes and gives the focus back.
 */
export function MultiSelect({ label, options, value, onChange, allLabel, countLabel, clearLabel, defaultOpen = false }: MultiSelectProps) {
  const id = useId();
  const [open, setOpen] = useState(defaultOpen);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);

  const chosen = options.filter((option) => value.includes(option.id));
  const summary = chosen.length === 0 ? allLabel : chosen.length === 1 ? chosen[0].label : countLabel(chosen.length);
  const checkboxes = () => Array.from(list.current?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? []);

  useEffect(() => {
    if (open) checkboxes()[0]?.focus();
  }, [open]);
  usePressOutside(root, open, () => setOpen(false));

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const toggle = (optionId: number) =>
    onChange(value.includes(optionId) ? value.filter((item) => item !== optionId) : [...value, optionId]);

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' && !open) {
      event.preventDefault();
      setOpen(true);
    }
  };
  const onListKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      // Handled here: a dialog or page around must not close too.
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const boxes = checkboxes();
      const current = boxes.indexOf(document.activeElement as HTMLInputElement);
      const next = (current + (event.key === 'ArrowDown' ? 1 : boxes.length - 1)) % boxes.length;
      boxes[next]?.focus();
    }
  };

  return (
    <div
      className="multi-select"
      ref={root}
      // Tabbing out closes the list (presses outside close it above; a press on an option's text moves the focus nowhere).
      onBlur={(event) => open && event.relatedTarget && !root.current?.contains(event.relatedTarget) && setOpen(false)}
    >
      <span className="toolbar-label" id={`${id}-label`}>
        {label}
      </span>
      <span className="multi-select-anchor">
        <button
          ref={button}
          type="button"
          className={chosen.length ? 'multi-select-button multi-select-button-active' : 'multi-select-button'}
          aria-haspopup="true"
          aria-expanded={open}
          aria-controls={`${id}-list`}
          aria-labelledby={`${id}-label ${id}-summary`}
          onClick={() => setOpen((wasOpen) => !wasOpen)}
          onKeyDown={onButtonKeyDown}
        >
          <span id={`${id}-summary`}>{summary}</span>
          <span className="multi-select-caret" aria-hidden="true">
            ▾
          </span>
        </button>
        {open && (
          <div className="multi-select-list" id={`${id}-list`} role="group" aria-labelledby={`${id}-label`} ref={list} onKeyDown={onListKeyDown}>
            {options.map((option) => (
              <label key={option.id} className="multi-select-option">
                <input type="checkbox" checked={value.includes(option.id)} onChange={() => toggle(option.id)} />
                {option.label}
              </label>
            ))}
            {value.length > 0 && (
              <button type="button" className="multi-select-clear" onClick={() => onChange([])}>
                {clearLabel}
              </button>
            )}
          </div>
        )}
      </span>
    </div>
  );
}
