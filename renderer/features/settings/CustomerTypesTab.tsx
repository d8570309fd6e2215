import { useState } from 'react';
import type { CustomerType } from '../../../shared/schemas/classification';
import { classificationApi } from '../../api/classificationApi';
import { useApiData } from '../../api/useApiData';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useToast } from '../../ui/toastContext';
import { CustomerTypeFormDialog } from './CustomerTypeFormDialog';
import { DeleteCustomerTypeDialog } from './DeleteCustomerTypeDialog';

type Editing = { kind: 'form'; type: CustomerType | null } | { kind: 'delete'; type: CustomerType } | null;

/** Loại khách hàng: list, add, edit, delete (asking what happens to the customers). */
export function CustomerTypesTab() {
  const { t } = useI18n();
  const showToast = useToast();
  const { data, error, reload } = useApiData(() => classificationApi.types(), []);
  const [editing, setEditing] = useState<Editing>(null);
  const done = () => {
    setEditing(null);
    reload();
  };
  return (
    <section aria-label={t('settings.types')}>
      <div className="section-actions">
        <Button variant="primary" onClick={() => setEditing({ kind: 'form', type: null })}>
          {t('types.add')}
        </Button>
      </div>
      <ErrorMessage message={error} />
      {data && data.length === 0 && <p className="muted">{t('types.empty')}</p>}
      {data && data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('types.name')}</th>
              <th>{t('field.description')}</th>
              <th className="number">{t('classification.customerCount')}</th>
              <th aria-label={t('common.actions')} />
            </tr>
          </thead>
          <tbody>
            {data.map((type) => (
              <tr key={type.id}>
                <td>{type.name}</td>
                <td>{type.description}</td>
                <td className="number">{type.customerCount}</td>
                <td className="row-actions">
                  <Button variant="link" onClick={() => setEditing({ kind: 'form', type })}>
                    {t('common.edit')}
                  </Button>
                  <Button variant="link" onClick={() => setEditing({ kind: 'delete', type })}>
                    {t('common.delete')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing?.kind === 'form' && <CustomerTypeFormDialog type={editing.type} onSaved={done} onClose={() => setEditing(null)} />}
      {editing?.kind === 'delete' && (
        <DeleteCustomerTypeDialog
          type={editing.type}
          onClose={() => setEditing(null)}
          onDeleted={(message) => {
            showToast(message);
            done();
          }}
        />
      )}
    </section>
  );
}
