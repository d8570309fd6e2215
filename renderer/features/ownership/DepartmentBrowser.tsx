import type { Department } from '../../../shared/schemas/departments';
import { useI18n } from '../../i18n/useI18n';
import { departmentTree } from '../settings/departmentTree';

type DepartmentBrowserProps = {
  departments: Department[];
  /** The department whose users are listed beside the tree; null = every user. */
  browsing: number | null;
  onBrowse: (departmentId: number | null) => void;
  /** Departments ticked to be copied as recipients. */
  picked: Set<number>;
  onTogglePick: (department: Department, picked: boolean) => void;
};

/** The department tree: a name lists that department's users, its checkbox picks the whole department. */
export function DepartmentBrowser({ departments, browsing, onBrowse, picked, onTogglePick }: DepartmentBrowserProps) {
  const { t } = useI18n();
  const browseButton = (departmentId: number | null, label: string) => (
    <button type="button" className="picker-browse" aria-pressed={browsing === departmentId} onClick={() => onBrowse(departmentId)}>
      {label}
    </button>
  );
  return (
    <ul className="picker-list" role="tree" aria-label={t('recipients.departments')}>
      <li role="treeitem" aria-level={1} aria-selected={browsing === null} className="picker-row">
        <span className="picker-check" />
        {browseButton(null, t('recipients.allUsers'))}
      </li>
      {departmentTree(departments).map(({ department, depth }) => (
        <li key={department.id} role="treeitem" aria-level={depth + 1} aria-selected={browsing === department.id} className="picker-row" style={{ paddingLeft: `${depth * 16}px` }}>
          <input
            type="checkbox"
            className="picker-check"
            aria-label={t('recipients.pickDepartment', { name: department.name })}
            checked={picked.has(department.id)}
            onChange={(event) => onTogglePick(department, event.target.checked)}
          />
          {browseButton(department.id, department.name)}
          <span className="muted picker-count">{department.userCount}</span>
        </li>
      ))}
    </ul>
  );
}
