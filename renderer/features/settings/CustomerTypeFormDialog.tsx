import { useState } from 'react';
import type { CustomerType } from '../../../shared/schemas/classification';
import { classificationApi } from '../../api/classificationApi';
import type { FieldLabels } from '../../api/describeError';
import { useI18n } from '../../i18n/useI18n';
import { Field } from '../../ui/Field';
import { ApiFormDialog } from '../common/ApiFormDialog';

type CustomerTypeFormDialogProps = { type: CustomerType | null; onSaved: () => void; onClose: () => void };

/** An error about `name` here means the type's name, not a customer's. */
const fieldLabels: FieldLabels = { name: 'types.name' };

export function CustomerTypeFormDialog({ type, onSaved, onClose }: CustomerTypeFormDialogProps) {
  const { t } = useI18n();
  const [name, setName] = useState(type?.name ?? '');
  const [description, setDescription] = useState(type?.description ?? '');
  const submit = () => {
    if (!name.trim()) return t('types.nameRequired');
    const body = { name: name.trim(), description: description.trim() || null };
    return async () => {
      if (type) await classificationApi.updateType(type.id, body);
      else await classificationApi.createType(body);
      onSaved();
    };
  };
  return (
    <ApiFormDialog title={type ? t('types.editTitle') : t('types.createTitle')} fieldLabels={fieldLabels} submit={submit} onClose={onClose}>
      <Field label={t('types.name')} required>
        <input value={name} onChange={(event) => setName(event.target.value)} autoFocus />
      </Field>
      <Field label={t('field.description')}>
        <input value={description} onChange={(event) => setDescription(event.target.value)} />
      </Field>
    </ApiFormDialog>
  );
}
