import { useState } from 'react';
import type { Contact } from '../../../../shared/schemas/contacts';
import { contactsApi } from '../../../api/contactsApi';
import { useApiData } from '../../../api/useApiData';
import { useI18n } from '../../../i18n/useI18n';
import { Button } from '../../../ui/Button';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { ConfirmActionDialog } from '../../common/ConfirmActionDialog';
import { ContactFormDialog } from './ContactFormDialog';

type Editing = { kind: 'form'; contact: Contact | null } | { kind: 'delete'; contact: Contact } | null;

/** The customer's contacts (liên hệ): list, add, edit, delete. */
export function ContactsSection({ customerId, editable }: { customerId: number; editable: boolean }) {
  const { t } = useI18n();
  const { data, error, reload } = useApiData(() => contactsApi.listForCustomer(customerId), [customerId]);
  const [editing, setEditing] = useState<Editing>(null);
  const done = () => {
    setEditing(null);
    reload();
  };
  return (
    <section aria-label={t('customers.detail.contacts')}>
      {editable && (
        <div className="section-actions">
          <Button variant="primary" onClick={() => setEditing({ kind: 'form', contact: null })}>
            {t('contacts.add')}
          </Button>
        </div>
      )}
      <ErrorMessage message={error} />
      {data && data.rows.length === 0 && <p className="muted">{t('contacts.empty')}</p>}
      {data && data.rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('contacts.fullName')}</th>
              <th>{t('field.position')}</th>
              <th>{t('field.phone')}</th>
              <th>{t('field.email')}</th>
              {editable && <th aria-label={t('common.actions')} />}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((contact) => (
              <tr key={contact.id}>
                <td>{`${contact.lastName} ${contact.firstName}`.trim()}</td>
                <td>{contact.position}</td>
                <td>{contact.phone}</td>
                <td>{contact.email}</td>
                {editable && (
                  <td className="row-actions">
                    <Button variant="link" onClick={() => setEditing({ kind: 'form', contact })}>
                      {t('common.edit')}
                    </Button>
                    <Button variant="link" onClick={() => setEditing({ kind: 'delete', contact })}>
                      {t('common.delete')}
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing?.kind === 'form' && <ContactFormDialog customerId={customerId} contact={editing.contact} onSaved={done} onClose={() => setEditing(null)} />}
      {editing?.kind === 'delete' && (
        <ConfirmActionDialog
          title={t('contacts.deleteTitle')}
          message={t('contacts.deleteConfirm', { name: `${editing.contact.lastName} ${editing.contact.firstName}`.trim() })}
          action={() => contactsApi.remove(editing.contact.id).then(() => undefined)}
          onDone={done}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}
