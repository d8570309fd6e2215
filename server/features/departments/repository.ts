import type { Knex } from 'knex';
import type { Department } from '../../../shared/schemas/departments';

export async function listDepartments(db: Knex): Promise<Department[]> {
  const rows = await db('departments as d')
    .select('d.id', 'd.name', 'd.parent_id', db.raw('(SELECT count(*)::int FROM users u WHERE u.department_id = d.id) AS user_count'))
    .orderBy('d.path');
  return rows.map((row) => ({ id: row.id, name: row.name, parentId: row.parent_id, userCount: row.user_count }));
}

export async function findDepartment(db: Knex, id: number): Promise<Department | undefined> {
  return (await listDepartments(db)).find((department) => department.id === id);
}
