import { useState } from 'react';
import type { CareStatus, CustomerGroup, CustomerType } from '../../../shared/schemas/classification';
import type { Customer, DuplicateMatches } from '../../../shared/schemas/customers';
import { customersApi } from '../../api/customersApi';
import { useApiData } from '../../api/useApiData';
import { navigate } from '../../app/navigate';
import { useSession } from '../../app/sessionContext';
import { useI18n } from '../../i18n/useI18n';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { ApiFormDialog } from '../common/ApiFormDialog';
import type { PickedUser } from '../common/searchUsers';
import { UserMultiPicker } from '../common/UserMultiPicker';
import { UserPicker } from '../common/UserPicker';
import { TierSelect } from '../tiers/TierSelect';
import { createCustomerBody, customerFormValues, firstInvalidField, updateCustomerBody, type CustomerFormValues } from './customerFormValues';
import { DuplicateWarning } from './DuplicateWarning';

type CustomerFormDialogProps = {
  /** null: a new customer; otherwise the customer to edit, loaded fresh (current version). */
  customerId: number | null;
  types: CustomerType[];
  groups: CustomerGroup[];
  careStatuses: CareStatus[];
  onSaved: (customer: Customer) => void;
  onClose: () => void;
};

type Loaded = { customer: Customer | null; assigned: PickedUser[] };

async function loadCustomer(customerId: number | null): Promise<Loaded> {
  if (!customerId) return { customer: null, assigned: [] };
  const [customer, shares] = await Promise.all([customersApi.get(customerId), customersApi.shares(customerId)]);
  // "Giao cho" rows always name a user (only manual shares name departments).
  const assigned = shares.flatMap((share) => (share.source === 'assigned' ? [{ id: share.userId, fullName: share.userName }] : []));
  return { customer, assigned };
}

export function CustomerFormDialog({ customerId, ...rest }: CustomerFormDialogProps) {
  const { t } = useI18n();
  const loaded = useApiData(() => loadCustomer(customerId), [customerId]);
  if (!loaded.data) {
    return (
      <Dialog title={customerId ? t('customers.form.editTitle') : t('customers.form.createTitle')} onClose={rest.onClose}>
        {loaded.error ? <ErrorMessage message={loaded.error} /> : <p>{t('common.loading')}</p>}
      </Dialog>
    );
  }
  return <CustomerForm {...loaded.data} {...rest} />;
}

type CustomerFormProps = Omit<CustomerFormDialogProps, 'customerId'> & Loaded;

/** The values the duplicate check looked at; a change to any of them asks again. */
const duplicateKey = (values: CustomerFormValues) => JSON.stringify([values.taxCode.trim(), values.phone.trim(), values.email.trim().toLowerCase()]);

function CustomerForm({ customer, assigned, types, groups, careStatuses, onSaved, onClose }: CustomerFormProps) {
  const { t } = useI18n();
  const { user } = useSession();
  const [values, setValues] = useState(() => customerFormValues(customer, { id: user.id, fullName: user.fullName }, assigned));
  const [duplicates, setDuplicates] = useState<{ key: string; found: DuplicateMatches } | null>(null);
  // A tier by hand (C4): managers and admins, on an existing customer; sent only when changed, so a computed tier is left alone.
  const mayPickTier = customer !== null && user.role !== 'staff';
  const [tierId, setTierId] = useState(customer?.tierId ?? null);
  const set = <Key extends keyof CustomerFormValues>(key: Key, value: CustomerFormValues[Key]) => setValues((current) => ({ ...current, [key]: value }));
  const text = (key: 'name' | 'code' | 'taxCode' | 'phone' | 'email' | 'address' | 'tags') => ({
    value: values[key],
    onChange: (event: { target: { value: string } }) => set(key, event.target.value),
  });
  const warned = duplicates !== null && duplicates.key === duplicateKey(values);

  const save = async () => {
    const saved = customer
      ? await customersApi.update(customer.id, { ...updateCustomerBody(values, customer.version), ...(tierId !== customer.tierId && { tierId }) })
      : await customersApi.create(createCustomerBody(values));
    onSaved(saved);
  };
  const submit = () => {
    const invalid = firstInvalidField(values);
    if (invalid) return { field: invalid.field, message: t(invalid.messageKey) };
    if (warned) return save;
    return async () => {
      const key = duplicateKey(values);
      const found = await customersApi.findDuplicates({
        taxCode: values.taxCode.trim() || null,
        phone: values.phone.trim() || null,
        email: values.email.trim() || null,
        excludeId: customer?.id,
      });
      if (found.matches.length === 0) return save();
      setDuplicates({ key, found });
    };
  };
  const openDuplicate = (customerId: number) => {
    onClose();
    navigate(`/customers/${customerId}`);
  };

  return (
    <ApiFormDialog
      title={customer ? t('customers.form.editTitle') : t('customers.form.createTitle')}
      submit={submit}
      submitLabel={warned ? t('duplicates.saveAnyway') : undefined}
      notice={warned && <DuplicateWarning found={duplicates.found} onOpen={openDuplicate} />}
      onClose={onClose}
      wide
    >
      <div className="form-grid">
        <Field label={t('field.name')} name="name" required wide>
          <input {...text('name')} maxLength={255} autoFocus />
        </Field>
        <Field label={t('field.code')} name="code">
          <input {...text('code')} maxLength={40} placeholder={customer ? undefined : t('customers.form.codeAuto')} />
        </Field>
        <Field label={t('field.taxCode')} name="taxCode">
          <input {...text('taxCode')} maxLength={20} />
        </Field>
        <Field label={t('field.phone')} name="phone">
          <input {...text('phone')} type="tel" maxLength={40} />
        </Field>
        <Field label={t('field.email')} name="email">
          <input {...text('email')} type="email" maxLength={255} />
        </Field>
        <Field label={t('field.address')} name="address" wide>
          <input {...text('address')} maxLength={4000} />
        </Field>
        <Field label={t('field.type')} name="typeId">
          <select value={values.typeId ?? ''} onChange={(event) => set('typeId', event.target.value ? Number(event.target.value) : null)}>
            <option value="">{t('customers.form.noType')}</option>
            {types.map((type) => (
              <option key={type.id} value={type.id}>
                {type.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('field.careStatus')} name="careStatus">
          <select value={values.careStatus} onChange={(event) => set('careStatus', event.target.value)}>
            <option value="">{t('customers.form.noCareStatus')}</option>
            {careStatuses.map((status) => (
              <option key={status.id} value={status.value}>
                {status.name}
              </option>
            ))}
          </select>
        </Field>
        {mayPickTier && (
          <Field label={t('field.tier')} name="tierId">
            <TierSelect value={tierId} onChange={setTierId} emptyLabel={t('tiers.detail.none')} />
          </Field>
        )}
        <Field label={t('field.owner')} name="ownerId">
          <UserPicker scope="owner" value={values.owner} onChange={(owner) => owner && set('owner', owner)} />
          <span className="field-hint">{t('customers.form.ownerHint')}</span>
        </Field>
        <Field label={t('field.tags')} name="tags">
          <input {...text('tags')} placeholder={t('customers.form.tagsHint')} />
        </Field>
        <Field label={t('field.assignedUsers')} name="assignedUserIds" wide>
          <UserMultiPicker scope="any" value={values.assigned} onChange={(users) => set('assigned', users)} excludeIds={values.owner ? [values.owner.id] : []} />
          <span className="field-hint">{t('customers.form.assignedHint')}</span>
        </Field>
      </div>
      <CheckboxGroup
        legend={t('field.groups')}
        options={groups.map((group) => ({ id: group.id, label: group.name }))}
        selected={values.groupIds}
        onChange={(groupIds) => set('groupIds', groupIds)}
        emptyText={t('customers.form.noGroups')}
      />
    </ApiFormDialog>
  );
}
