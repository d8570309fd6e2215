import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export type ComboboxOption = { id: number; label: string; detail?: string | null };

type ComboboxProps = {
  /** Accessible name when the combobox is not inside a <label>. */
  ariaLabel?: string;
  placeholder?: string;
  /** The chosen option's text, shown while the user is not searching; '' for none. */
  selectedText: string;
  /** The options matching `text` (the server searches: lists of 300+ users never load whole). */
  search: (text: string) => Promise<ComboboxOption[]>;
  onPick: (option: ComboboxOption) => void;
  noMatchesText: string;
  disabled?: boolean;
  delayMs?: number;
};

/**
 * A searchable pick-one input (ARIA combobox + listbox): typing searches, ↑/↓ move, Enter picks,
 * Escape closes the list without closing the dialog around it.
 */
export function Combobox({ ariaLabel, placeholder, selectedText, search, onPick, noMatchesText, disabled, delayMs = 200 }: ComboboxProps) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(selectedText);
  const [options, setOptions] = useState<ComboboxOption[] | null>(null);
  const [active, setActive] = useState(0);
  const latestSearch = useRef(search);
  latestSearch.current = search;

  useEffect(() => {
    if (!open) setText(selectedText);
  }, [selectedText, open]);

  useEffect(() => {
    if (!open) return;
    let current = true;
    const query = text === selectedText ? '' : text.trim();
    const timer = setTimeout(() => {
      latestSearch.current(query).then(
        (found) => {
          if (!current) return;
          setOptions(found);
          setActive(0);
        },
        () => current && setOptions([]),
      );
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [open, text, selectedText, delayMs]);

  const close = () => {
    setOpen(false);
    setOptions(null);
    setText(selectedText);
  };
  const pick = (option: ComboboxOption) => {
    onPick(option);
    setOpen(false);
    setOptions(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return setOpen(true);
      const count = options?.length ?? 0;
      if (count) setActive((index) => (index + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      const option = options?.[active];
      if (option) pick(option);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };
  const optionId = (index: number) => `${listId}-${index}`;
  return (
    <div className="combobox">
      <input
        className="combobox-input"
        role="combobox"
        aria-label={ariaLabel}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options?.length ? optionId(active) : undefined}
        placeholder={placeholder}
        value={text}
        disabled={disabled}
        onFocus={(event) => {
          event.target.select();
          setOpen(true);
        }}
        onBlur={close}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
      />
      {open && options && (
        <ul className="combobox-list" role="listbox" id={listId}>
          {options.length === 0 && <li className="combobox-empty">{noMatchesText}</li>}
          {options.map((option, index) => (
            <li
              key={option.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'combobox-option combobox-option-active' : 'combobox-option'}
              // mousedown, not click: the input keeps the focus until the pick is made.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(option);
              }}
              onMouseEnter={() => setActive(index)}
            >
              <span>{option.label}</span>
              {option.detail && <span className="combobox-detail">{option.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
