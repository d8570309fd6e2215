type RadioChoice<Value extends string> = { value: Value; label: string; hint: string };

type RadioChoicesProps<Value extends string> = {
  legend: string;
  /** The radios' shared name (one group per form). */
  name: string;
  choices: RadioChoice<Value>[];
  value: Value;
  onChange: (value: Value) => void;
};

/** One of a few ways to do something, each explained in one line ("Thêm nhóm — thêm các nhóm được chọn, …"). */
export function RadioChoices<Value extends string>({ legend, name, choices, value, onChange }: RadioChoicesProps<Value>) {
  return (
    <fieldset className="radio-group">
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value} className="radio">
          <input type="radio" name={name} value={choice.value} checked={value === choice.value} onChange={() => onChange(choice.value)} />
          <span>
            <strong>{choice.label}</strong>
            <span className="muted"> — {choice.hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
