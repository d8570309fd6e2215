import { useEffect, useRef, useState } from 'react';

type SearchBoxProps = { value: string; onSearch: (text: string) => void; label: string; placeholder?: string; delayMs?: number };

/** A search input that reports what was typed once typing pauses (300 ms by default). */
export function SearchBox({ value, onSearch, label, placeholder, delayMs = 300 }: SearchBoxProps) {
  const [text, setText] = useState(value);
  const reported = useRef(value);
  useEffect(() => {
    if (value === reported.current) return;
    reported.current = value;
    setText(value);
  }, [value]);
  useEffect(() => {
    if (text === reported.current) return;
    const timer = setTimeout(() => {
      reported.current = text;
      onSearch(text);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [text, onSearch, delayMs]);
  return <input type="search" className="search-box" aria-label={label} placeholder={placeholder ?? label} value={text} onChange={(event) => setText(event.target.value)} />;
}
