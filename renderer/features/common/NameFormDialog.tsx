import { useState } from 'react';
import type { FieldLabels } from '../../api/describeError';
import type { MessageKey } from '../../i18n/vi';
import { useI18n } from '../../i18n/useI18n';
import { Field } from '../../ui/Field';
import { ApiFormDialog } from './ApiFormDialog';

type NameFormDialogProps = {
  title: string;
  /** Labels the field, and names it in server errors about `name`. */
  labelKey: MessageKey;
  requiredKey: MessageKey;
  initialName: string;
  maxLength: number;
  /** Saves the trimmed name (create or rename). */
  save: (name: string) => Promise<unknown>;
  onSaved: () => void;
  onClose: () => void;
};

/** A dialog whose form is one name: a new entry of a managed list, or a new name for one. */
export function NameFormDialog({ title, labelKey, requiredKey, initialName, maxLength, save, onSaved, onClose }: NameFormDialogProps) {
  const { t } = useI18n();
  const [name, setName] = useState(initialName);
  const [fieldLabels] = useState<FieldLabels>(() => ({ name: labelKey }));
  const submit = () => {
    if (!name.trim()) return { field: 'name', message: t(requiredKey) };
    return async () => {
      await save(name.trim());
      onSaved();
    };
  };
  return (
    <ApiFormDialog title={title} fieldLabels={fieldLabels} submit={submit} onClose={onClose}>
      <Field label={t(labelKey)} name="name" required>
        <input value={name} onChange={(event) => setName(event.target.value)} maxLength={maxLength} autoFocus />
      </Field>
    </ApiFormDialog>
  );
}
