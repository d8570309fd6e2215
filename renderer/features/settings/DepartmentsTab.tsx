import { useState } from 'react';
import type { Department } from '../../../shared/schemas/departments';
import { departmentsApi } from '../../api/departmentsApi';
import { useApiData } from '../../api/useApiData';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ConfirmActionDialog } from '../common/ConfirmActionDialog';
import { DepartmentFormDialog } from './DepartmentFormDialog';
import { departmentTree } from './departmentTree';

type Editing = { kind: 'create'; parentId: number | null } | { kind: 'rename'; department: Department } | { kind: 'delete'; department: Department } | null;

/** Phòng ban: the department tree; add (top level or under a department), rename, delete empty ones. */
export function DepartmentsTab() {
  const { t } = useI18n();
  const { data, error, reload } = useApiData(() => departmentsApi.list(), []);
  const [editing, setEditing] = useState<Editing>(null);
  const rows = departmentTree(data ?? []);
  const done = () => {
    setEditing(null);
    reload();
  };
  return (
    <section aria-label={t('settings.departments')}>
      <div className="section-actions">
        <Button variant="primary" onClick={() => setEditing({ kind: 'create', parentId: null })}>
          {t('departments.add')}
        </Button>
      </div>
      <ErrorMessage message={error} />
      {data && rows.length === 0 && <p className="muted">{t('departments.empty')}</p>}
      <ul className="tree" role="tree" aria-label={t('settings.departments')}>
        {rows.map(({ department, depth }) => (
          <li key={department.id} role="treeitem" aria-level={depth + 1} className="tree-item" style={{ paddingLeft: `${depth * 24 + 8}px` }}>
            <span className="tree-name">{department.name}</span>
            <span className="muted">{t('departments.userCount', { count: department.userCount })}</span>
            <span className="row-actions">
              <Button variant="link" onClick={() => setEditing({ kind: 'create', parentId: department.id })}>
                {t('departments.addChild')}
              </Button>
              <Button variant="link" onClick={() => setEditing({ kind: 'rename', department })}>
                {t('departments.rename')}
              </Button>
              <Button variant="link" onClick={() => setEditing({ kind: 'delete', department })}>
                {t('common.delete')}
              </Button>
            </span>
          </li>
        ))}
      </ul>
      {editing?.kind === 'create' && <DepartmentFormDialog mode="create" parentId={editing.parentId} departments={data ?? []} onSaved={done} onClose={() => setEditing(null)} />}
      {editing?.kind === 'rename' && <DepartmentFormDialog mode="rename" department={editing.department} onSaved={done} onClose={() => setEditing(null)} />}
      {editing?.kind === 'delete' && (
        <ConfirmActionDialog
          title={t('departments.deleteTitle')}
          message={t('departments.deleteConfirm', { name: editing.department.name })}
          action={() => departmentsApi.remove(editing.department.id).then(() => undefined)}
          onDone={done}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}
