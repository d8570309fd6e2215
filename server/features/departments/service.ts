import type { Knex } from 'knex';
import type { CreateDepartmentBody, Department, UpdateDepartmentBody } from '../../../shared/schemas/departments';
import type { Actor } from '../../access/actor';
import { badRequest, conflict, notFound } from '../../errors';
import { writeAudit } from '../audit/writeAudit';
import { findDepartment } from './repository';

async function parentPath(trx: Knex, parentId: number | null | undefined): Promise<string> {
  if (parentId == null) return '/';
  const parent = await trx('departments').where({ id: parentId }).first('path');
  if (!parent) throw badRequest('Parent department does not exist', 'parentId');
  return parent.path;
}

export async function createDepartment(db: Knex, actor: Actor, body: CreateDepartmentBody): Promise<Department> {
  const id = await db.transaction(async (trx) => {
    const path = await parentPath(trx, body.parentId);
    const [row] = await trx('departments').insert({ name: body.name.trim(), parent_id: body.parentId ?? null }, ['id']);
    await trx('departments').where({ id: row.id }).update({ path: `${path}${row.id}/` });
    await writeAudit(trx, actor.id, 'create', 'department', [row.id], { name: body.name });
    return row.id as number;
  });
  return (await findDepartment(db, id))!;
}

/** Renames or moves a department; a move rewrites the materialised paths of its whole subtree. */
export async function updateDepartment(db: Knex, actor: Actor, id: number, body: UpdateDepartmentBody): Promise<Department> {
  await db.transaction(async (trx) => {
    const current = await trx('departments').where({ id }).forUpdate().first('path', 'parent_id');
    if (!current) throw notFound('Department');
    const changes: Record<string, unknown> = { updated_at: trx.fn.now() };
    if (body.name !== undefined) changes.name = body.name.trim();
    if (body.parentId !== undefined && body.parentId !== current.parent_id) {
      const newParentPath = await parentPath(trx, body.parentId);
      if (newParentPath.startsWith(current.path)) throw badRequest('A department cannot move under itself', 'parentId');
      const newPath = `${newParentPath}${id}/`;
      changes.parent_id = body.parentId;
      await trx.raw(`UPDATE departments SET path = ? || substr(path, length(?) + 1) WHERE path LIKE ? || '%'`, [newPath, current.path, current.path]);
    }
    await trx('departments').where({ id }).update(changes);
    await writeAudit(trx, actor.id, 'update', 'department', [id], body);
  });
  return (await findDepartment(db, id))!;
}

export async function deleteDepartment(db: Knex, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (trx) => {
    const found = await trx('departments').where({ id }).forUpdate().first('id');
    if (!found) throw notFound('Department');
    const users = await trx('users').where({ department_id: id }).first('id');
    const children = await trx('departments').where({ parent_id: id }).first('id');
    if (users || children) throw conflict('DEPARTMENT_NOT_EMPTY', 'Move its users and subdepartments elsewhere first');
    await trx('departments').where({ id }).delete();
    await writeAudit(trx, actor.id, 'delete', 'department', [id]);
  });
}
