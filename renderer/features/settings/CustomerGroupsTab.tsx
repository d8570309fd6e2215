import { useState } from 'react';
import type { CustomerGroup } from '../../../shared/schemas/classification';
import { classificationApi } from '../../api/classificationApi';
import { useApiData } from '../../api/useApiData';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ConfirmActionDialog } from '../common/ConfirmActionDialog';
import { CustomerGroupFormDialog } from './CustomerGroupFormDialog';

type Editing = { kind: 'form'; group: CustomerGroup | null } | { kind: 'delete'; group: CustomerGroup } | null;

/** Nhóm khách hàng: list with points, add, edit, delete. */
export function CustomerGroupsTab() {
  const { t } = useI18n();
  const { data, error, reload } = useApiData(() => classificationApi.groups(), []);
  const [editing, setEditing] = useState<Editing>(null);
  const done = () => {
    setEditing(null);
    reload();
  };
  return (
    <section aria-label={t('settings.groups')}>
      <div className="section-actions">
        <Button variant="primary" onClick={() => setEditing({ kind: 'form', group: null })}>
          {t('groups.add')}
        </Button>
      </div>
      <ErrorMessage message={error} />
      {data && data.length === 0 && <p className="muted">{t('groups.empty')}</p>}
      {data && data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('groups.name')}</th>
              <th className="number">{t('field.points')}</th>
              <th className="number">{t('classification.customerCount')}</th>
              <th aria-label={t('common.actions')} />
            </tr>
          </thead>
          <tbody>
            {data.map((group) => (
              <tr key={group.id}>
                <td>{group.name}</td>
                <td className="number">{group.points}</td>
                <td className="number">{group.customerCount}</td>
                <td className="row-actions">
                  <Button variant="link" onClick={() => setEditing({ kind: 'form', group })}>
                    {t('common.edit')}
                  </Button>
                  <Button variant="link" onClick={() => setEditing({ kind: 'delete', group })}>
                    {t('common.delete')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing?.kind === 'form' && <CustomerGroupFormDialog group={editing.group} onSaved={done} onClose={() => setEditing(null)} />}
      {editing?.kind === 'delete' && (
        <ConfirmActionDialog
          title={t('groups.deleteTitle')}
          message={t('groups.deleteConfirm', { name: editing.group.name, count: editing.group.customerCount })}
          action={() => classificationApi.deleteGroup(editing.group.id).then(() => undefined)}
          onDone={done}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}
