import { useState } from 'react';
import type { CustomerGroup, CustomerType } from '../../../shared/schemas/classification';
import type { Customer } from '../../../shared/schemas/customers';
import type { User } from '../../../shared/schemas/users';
import { customersApi } from '../../api/customersApi';
import { useApiData } from '../../api/useApiData';
import { usersApi } from '../../api/usersApi';
import { useSession } from '../../app/sessionContext';
import { useI18n } from '../../i18n/useI18n';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { ApiFormDialog } from '../common/ApiFormDialog';
import { createCustomerBody, customerFormValues, updateCustomerBody, type CustomerFormValues } from './customerFormValues';

type CustomerFormDialogProps = {
  /** null: a new customer; otherwise the customer to edit, loaded fresh (current version). */
  customerId: number | null;
  types: CustomerType[];
  groups: CustomerGroup[];
  onSaved: (customer: Customer) => void;
  onClose: () => void;
};

export function CustomerFormDialog({ customerId, ...rest }: CustomerFormDialogProps) {
  const { t } = useI18n();
  const customer = useApiData(() => (customerId ? customersApi.get(customerId) : Promise.resolve(null)), [customerId]);
  // Staff may not list users; the form then leaves the owner to the server (the creator).
  const users = useApiData(() => usersApi.list({ active: true }).catch(() => []), []);
  if (customer.loading || users.loading || customer.data === undefined) {
    return (
      <Dialog title={customerId ? t('customers.form.editTitle') : t('customers.form.createTitle')} onClose={rest.onClose}>
        {customer.error ? <ErrorMessage message={customer.error} /> : <p>{t('common.loading')}</p>}
      </Dialog>
    );
  }
  return <CustomerForm customer={customer.data} users={users.data ?? []} {...rest} />;
}

type CustomerFormProps = Omit<CustomerFormDialogProps, 'customerId'> & { customer: Customer | null; users: User[] };

function CustomerForm({ customer, users, types, groups, onSaved, onClose }: CustomerFormProps) {
  const { t } = useI18n();
  const { user } = useSession();
  const [values, setValues] = useState(() => customerFormValues(customer, user.id));
  const set = <Key extends keyof CustomerFormValues>(key: Key, value: CustomerFormValues[Key]) => setValues((current) => ({ ...current, [key]: value }));
  const text = (key: 'name' | 'code' | 'taxCode' | 'phone' | 'email' | 'address' | 'careStatus' | 'tags') => ({
    value: values[key],
    onChange: (event: { target: { value: string } }) => set(key, event.target.value),
  });

  const submit = () => {
    if (!values.name.trim()) return t('customers.form.nameRequired');
    return async () => {
      const saved = customer ? await customersApi.update(customer.id, updateCustomerBody(values, customer.version)) : await customersApi.create(createCustomerBody(values));
      onSaved(saved);
    };
  };

  return (
    <ApiFormDialog title={customer ? t('customers.form.editTitle') : t('customers.form.createTitle')} submit={submit} onClose={onClose} wide>
      <div className="form-grid">
        <Field label={t('field.name')} required wide>
          <input {...text('name')} autoFocus />
        </Field>
        <Field label={t('field.code')}>
          <input {...text('code')} placeholder={customer ? undefined : t('customers.form.codeAuto')} />
        </Field>
        <Field label={t('field.taxCode')}>
          <input {...text('taxCode')} />
        </Field>
        <Field label={t('field.phone')}>
          <input {...text('phone')} type="tel" />
        </Field>
        <Field label={t('field.email')}>
          <input {...text('email')} type="email" />
        </Field>
        <Field label={t('field.address')} wide>
          <input {...text('address')} />
        </Field>
        <Field label={t('field.careStatus')}>
          <input {...text('careStatus')} />
        </Field>
        <Field label={t('field.tags')}>
          <input {...text('tags')} placeholder={t('customers.form.tagsHint')} />
        </Field>
        {users.length > 0 && (
          <Field label={t('field.owner')}>
            <select value={values.ownerId ?? ''} onChange={(event) => set('ownerId', Number(event.target.value) || null)}>
              {values.ownerId === null && <option value="">{t('customers.form.noOwner')}</option>}
              {users.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.fullName}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      <CheckboxGroup
        legend={t('field.type')}
        single
        options={types.map((type) => ({ id: type.id, label: type.name }))}
        selected={values.typeIds}
        onChange={(typeIds) => set('typeIds', typeIds)}
        emptyText={t('customers.form.noTypes')}
      />
      <CheckboxGroup
        legend={t('field.groups')}
        options={groups.map((group) => ({ id: group.id, label: group.name }))}
        selected={values.groupIds}
        onChange={(groupIds) => set('groupIds', groupIds)}
        emptyText={t('customers.form.noGroups')}
      />
      {users.length > 1 && (
        <CheckboxGroup
          legend={t('field.assignedUsers')}
          options={users.filter((option) => option.id !== values.ownerId).map((option) => ({ id: option.id, label: option.fullName }))}
          selected={values.assignedUserIds}
          onChange={(assignedUserIds) => set('assignedUserIds', assignedUserIds)}
        />
      )}
    </ApiFormDialog>
  );
}
