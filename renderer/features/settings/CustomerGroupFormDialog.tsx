import { useState } from 'react';
import type { CustomerGroup } from '../../../shared/schemas/classification';
import { classificationApi } from '../../api/classificationApi';
import type { FieldLabels } from '../../api/describeError';
import { useI18n } from '../../i18n/useI18n';
import { Field } from '../../ui/Field';
import { ApiFormDialog } from '../common/ApiFormDialog';

type CustomerGroupFormDialogProps = { group: CustomerGroup | null; onSaved: () => void; onClose: () => void };

/** An error about `name` here means the group's name, not a customer's. */
const fieldLabels: FieldLabels = { name: 'groups.name' };

/** A group's name and the lead-score points it gives its customers (L2). */
export function CustomerGroupFormDialog({ group, onSaved, onClose }: CustomerGroupFormDialogProps) {
  const { t } = useI18n();
  const [name, setName] = useState(group?.name ?? '');
  const [points, setPoints] = useState(String(group?.points ?? 0));
  const submit = () => {
    if (!name.trim()) return t('groups.nameRequired');
    if (!/^-?\d+$/.test(points.trim())) return t('groups.pointsInvalid');
    const body = { name: name.trim(), points: Number(points) };
    return async () => {
      if (group) await classificationApi.updateGroup(group.id, body);
      else await classificationApi.createGroup(body);
      onSaved();
    };
  };
  return (
    <ApiFormDialog title={group ? t('groups.editTitle') : t('groups.createTitle')} fieldLabels={fieldLabels} submit={submit} onClose={onClose}>
      <Field label={t('groups.name')} required>
        <input value={name} onChange={(event) => setName(event.target.value)} autoFocus />
      </Field>
      <Field label={t('field.points')}>
        <input value={points} onChange={(event) => setPoints(event.target.value)} inputMode="numeric" />
      </Field>
    </ApiFormDialog>
  );
}
