import type { Contact } from '../../../../shared/schemas/contacts';
import { contactsApi } from '../../../api/contactsApi';
import { useApiData } from '../../../api/useApiData';
import { useI18n } from '../../../i18n/useI18n';
import { ConfirmActionDialog } from '../../common/ConfirmActionDialog';
import { EditableListSection } from '../../common/EditableListSection';
import { ContactFormDialog } from './ContactFormDialog';

const fullName = (contact: Contact) => `${contact.lastName} ${contact.firstName}`.trim();

/** The customer's contacts (liên hệ): list, add, edit, delete. */
export function ContactsSection({ customerId, editable }: { customerId: number; editable: boolean }) {
  const { t } = useI18n();
  const { data, error, reload } = useApiData(() => contactsApi.listForCustomer(customerId), [customerId]);
  return (
    <EditableListSection
      label={t('customers.detail.contacts')}
      addLabel={t('contacts.add')}
      emptyText={t('contacts.empty')}
      rows={data?.rows}
      error={error}
      editable={editable}
      reload={reload}
      columns={[
        { header: t('contacts.fullName'), cell: fullName },
        { header: t('field.position'), cell: (contact) => contact.position },
        { header: t('field.phone'), cell: (contact) => contact.phone },
        { header: t('field.email'), cell: (contact) => contact.email },
      ]}
      renderForm={(contact, { onDone, onClose }) => <ContactFormDialog customerId={customerId} contact={contact} onSaved={onDone} onClose={onClose} />}
      renderDelete={(contact, { onDone, onClose }) => (
        <ConfirmActionDialog
          title={t('contacts.deleteTitle')}
          message={t('contacts.deleteConfirm', { name: fullName(contact) })}
          action={() => contactsApi.remove(contact.id).then(() => undefined)}
          onDone={onDone}
          onClose={onClose}
        />
      )}
    />
  );
}
