import { useState } from 'react';
import type { Contact } from '../../../../shared/schemas/contacts';
import { contactsApi } from '../../../api/contactsApi';
import { useI18n } from '../../../i18n/useI18n';
import { Field } from '../../../ui/Field';
import { ApiFormDialog } from '../../common/ApiFormDialog';

type ContactFormDialogProps = { customerId: number; contact: Contact | null; onSaved: () => void; onClose: () => void };

type ContactField = 'lastName' | 'firstName' | 'email' | 'phone' | 'position';

export function ContactFormDialog({ customerId, contact, onSaved, onClose }: ContactFormDialogProps) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<ContactField, string>>({
    lastName: contact?.lastName ?? '',
    firstName: contact?.firstName ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    position: contact?.position ?? '',
  });
  const input = (field: ContactField) => ({ value: values[field], onChange: (event: { target: { value: string } }) => setValues({ ...values, [field]: event.target.value }) });

  const submit = () => {
    if (!values.firstName.trim()) return t('contacts.firstNameRequired');
    const fields = {
      lastName: values.lastName.trim(),
      firstName: values.firstName.trim(),
      email: values.email.trim() || null,
      phone: values.phone.trim() || null,
      position: values.position.trim() || null,
    };
    return async () => {
      if (contact) await contactsApi.update(contact.id, { version: contact.version, ...fields });
      else await contactsApi.create({ customerId, ...fields });
      onSaved();
    };
  };

  return (
    <ApiFormDialog title={contact ? t('contacts.editTitle') : t('contacts.createTitle')} submit={submit} onClose={onClose}>
      <div className="form-grid">
        <Field label={t('field.lastName')}>
          <input {...input('lastName')} autoFocus />
        </Field>
        <Field label={t('field.firstName')} required>
          <input {...input('firstName')} />
        </Field>
        <Field label={t('field.position')}>
          <input {...input('position')} />
        </Field>
        <Field label={t('field.phone')}>
          <input {...input('phone')} type="tel" />
        </Field>
        <Field label={t('field.email')} wide>
          <input {...input('email')} type="email" />
        </Field>
      </div>
    </ApiFormDialog>
  );
}
