export type CheckboxOption = { id: number; label: string };

type CheckboxGroupProps = {
  legend: string;
  options: CheckboxOption[];
  selected: number[];
  onChange: (selected: number[]) => void;
  emptyText?: string;
};

export function CheckboxGroup({ legend, options, selected, onChange, emptyText }: CheckboxGroupProps) {
  const toggle = (id: number, checked: boolean) => {
    onChange(checked ? [...selected, id] : selected.filter((value) => value !== id));
  };
  return (
    <fieldset className="checkbox-group">
      <legend>{legend}</legend>
      {options.length === 0 && emptyText && <p className="muted">{emptyText}</p>}
      <div className="checkbox-group-options">
        {options.map((option) => (
          <label key={option.id} className="checkbox">
            <input type="checkbox" checked={selected.includes(option.id)} onChange={(event) => toggle(option.id, event.target.checked)} />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
