import { useState } from 'react';
import type { CareStatus } from '../../../shared/schemas/classification';
import { classificationApi } from '../../api/classificationApi';
import type { FieldLabels } from '../../api/describeError';
import { useI18n } from '../../i18n/useI18n';
import { Field } from '../../ui/Field';
import { ApiFormDialog } from '../common/ApiFormDialog';

type CareStatusFormDialogProps = { status: CareStatus | null; onSaved: () => void; onClose: () => void };

/** An error about `name` here means the status's name. */
const fieldLabels: FieldLabels = { name: 'careStatuses.name' };

/** A care status's name; renaming it renames it on its customers too. */
export function CareStatusFormDialog({ status, onSaved, onClose }: CareStatusFormDialogProps) {
  const { t } = useI18n();
  const [name, setName] = useState(status?.name ?? '');
  const submit = () => {
    if (!name.trim()) return { field: 'name', message: t('careStatuses.nameRequired') };
    return async () => {
      if (status) await classificationApi.updateCareStatus(status.id, { name: name.trim() });
      else await classificationApi.createCareStatus({ name: name.trim() });
      onSaved();
    };
  };
  return (
    <ApiFormDialog title={status ? t('careStatuses.editTitle') : t('careStatuses.createTitle')} fieldLabels={fieldLabels} submit={submit} onClose={onClose}>
      <Field label={t('careStatuses.name')} name="name" required>
        <input value={name} onChange={(event) => setName(event.target.value)} maxLength={100} autoFocus />
      </Field>
    </ApiFormDialog>
  );
}
