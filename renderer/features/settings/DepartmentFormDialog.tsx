import { useState } from 'react';
import type { Department } from '../../../shared/schemas/departments';
import { departmentsApi } from '../../api/departmentsApi';
import type { FieldLabels } from '../../api/describeError';
import { useI18n } from '../../i18n/useI18n';
import { Field } from '../../ui/Field';
import { ApiFormDialog } from '../common/ApiFormDialog';
import { DepartmentOptions } from './DepartmentOptions';

type DepartmentFormDialogProps =
  | { mode: 'create'; parentId: number | null; departments: Department[]; onSaved: () => void; onClose: () => void }
  | { mode: 'rename'; department: Department; onSaved: () => void; onClose: () => void };

/** An error about `name` here means the department's name, not a customer's. */
const fieldLabels: FieldLabels = { name: 'departments.name' };

/** Creates a department (under a parent, or at the top) or renames one. */
export function DepartmentFormDialog(props: DepartmentFormDialogProps) {
  const { t } = useI18n();
  const [name, setName] = useState(props.mode === 'rename' ? props.department.name : '');
  const [parentId, setParentId] = useState<number | null>(props.mode === 'create' ? props.parentId : null);
  const submit = () => {
    if (!name.trim()) return t('departments.nameRequired');
    return async () => {
      if (props.mode === 'rename') await departmentsApi.update(props.department.id, { name: name.trim() });
      else await departmentsApi.create({ name: name.trim(), parentId });
      props.onSaved();
    };
  };
  return (
    <ApiFormDialog title={props.mode === 'rename' ? t('departments.renameTitle') : t('departments.createTitle')} fieldLabels={fieldLabels} submit={submit} onClose={props.onClose}>
      <Field label={t('departments.name')} required>
        <input value={name} onChange={(event) => setName(event.target.value)} autoFocus />
      </Field>
      {props.mode === 'create' && (
        <Field label={t('field.parentDepartment')}>
          <select value={parentId ?? ''} onChange={(event) => setParentId(Number(event.target.value) || null)}>
            <option value="">{t('departments.topLevel')}</option>
            <DepartmentOptions departments={props.departments} />
          </select>
        </Field>
      )}
    </ApiFormDialog>
  );
}
