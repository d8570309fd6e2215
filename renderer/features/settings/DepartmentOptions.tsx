import type { Department } from '../../../shared/schemas/departments';
import { departmentTree } from './departmentTree';

const indent = '\u00a0\u00a0\u00a0';

/** <option>s of a department picker, indented by depth in the tree. */
export function DepartmentOptions({ departments }: { departments: Department[] }) {
  return departmentTree(departments).map(({ department, depth }) => (
    <option key={department.id} value={department.id}>
      {`${indent.repeat(depth)}${department.name}`}
    </option>
  ));
}
