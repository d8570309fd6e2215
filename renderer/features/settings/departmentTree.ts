import type { Department } from '../../../shared/schemas/departments';

export type DepartmentRow = { department: Department; depth: number };

/** Departments in tree order (each parent followed by its children, by name), with their depth. */
export function departmentTree(departments: Department[]): DepartmentRow[] {
  const ids = new Set(departments.map((department) => department.id));
  const children = new Map<number | null, Department[]>();
  for (const department of departments) {
    const parent = department.parentId !== null && ids.has(department.parentId) ? department.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), department]);
  }
  const rows: DepartmentRow[] = [];
  const visit = (parent: number | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    for (const department of list) {
      rows.push({ department, depth });
      visit(department.id, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}
