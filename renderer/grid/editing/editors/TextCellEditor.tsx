import type { CustomCellEditorProps } from 'ag-grid-react';
import { useEffect, useRef, useState } from 'react';
import type { CellEdit, EditorSpec } from '../cellEdit';

type TextSpec = Extract<EditorSpec, { kind: 'text' }>;
export type TextCellEditorProps = CustomCellEditorProps & { edit: CellEdit<unknown> & { editor: TextSpec } };

/**
 * An input in the cell. Typing a character starts it with that character (replacing the value),
 * Enter/F2/double-click with the current value, Backspace/Delete empty. The grid commits on
 * Enter/Tab and cancels on Escape; the text is parsed into the value to save as it is typed.
 */
export function TextCellEditor({ edit, data, eventKey, onValueChange }: TextCellEditorProps) {
  const spec = edit.editor;
  const current = spec.format(edit.value(data));
  const typed = eventKey && eventKey.length === 1 ? eventKey : eventKey === 'Backspace' || eventKey === 'Delete' ? '' : null;
  const [text, setText] = useState(typed ?? current);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const element = input.current;
    if (!element) return;
    element.focus();
    if (typed === null) element.select();
    // Started by a key: that key already changed the value, even if Enter follows at once.
    if (typed !== null && typed !== current) onValueChange(spec.parse(typed));
    // Mount only: the starting key is read once.
  }, []);

  return (
    <input
      ref={input}
      className="grid-cell-input"
      inputMode={spec.inputMode}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onValueChange(spec.parse(event.target.value));
      }}
    />
  );
}
