import { useState } from 'react';
import type { CustomerType } from '../../../shared/schemas/classification';
import { classificationApi } from '../../api/classificationApi';
import type { FieldLabels } from '../../api/describeError';
import { useApiAction } from '../../api/useApiAction';
import { useI18n } from '../../i18n/useI18n';
import { Field } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';

type CustomerTypeFormDialogProps = { type: CustomerType | null; onSaved: () => void; onClose: () => void };

/** An error about `name` here means the type's name, not a customer's. */
const fieldLabels: FieldLabels = { name: 'types.name' };

export function CustomerTypeFormDialog({ type, onSaved, onClose }: CustomerTypeFormDialogProps) {
  const { t } = useI18n();
  const [name, setName] = useState(type?.name ?? '');
  const [description, setDescription] = useState(type?.description ?? '');
  const { busy, error, setError, run } = useApiAction(fieldLabels);
  const submit = () => {
    if (!name.trim()) return setError(t('types.nameRequired'));
    const body = { name: name.trim(), description: description.trim() || null };
    void run(async () => {
      if (type) await classificationApi.updateType(type.id, body);
      else await classificationApi.createType(body);
      onSaved();
    });
  };
  return (
    <FormDialog
      title={type ? t('types.editTitle') : t('types.createTitle')}
      submitLabel={t('common.save')}
      cancelLabel={t('common.cancel')}
      busy={busy}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      <Field label={t('types.name')} required>
        <input value={name} onChange={(event) => setName(event.target.value)} autoFocus />
      </Field>
      <Field label={t('field.description')}>
        <input value={description} onChange={(event) => setDescription(event.target.value)} />
      </Field>
    </FormDialog>
  );
}
