import type { Knex } from 'knex';
import { badRequest } from '../../errors';

export type Recipient = { id: number; fullName: string };
export type RecipientChoice = { userIds?: number[]; departmentIds?: number[] };

/** 400 on `departmentIds` unless every listed department exists. */
export async function checkDepartmentsExist(trx: Knex, departmentIds: number[]): Promise<void> {
  if (departmentIds.length === 0) return;
  const [{ n }] = await trx('departments').whereIn('id', departmentIds).count<{ n: number }[]>('* as n');
  if (Number(n) < departmentIds.length) throw badRequest('A department does not exist', 'departmentIds');
}

/** 400 on `userIds` unless every listed user exists and is active. */
export async function checkUsersActive(trx: Knex, userIds: number[]): Promise<void> {
  if (userIds.length === 0) return;
  const [{ n }] = await trx('users').whereIn('id', userIds).where({ active: true }).count<{ n: number }[]>('* as n');
  if (Number(n) < userIds.length) throw badRequest('Every recipient must be an active user', 'userIds');
}

/**
 * Who a transfer goes to (SPEC O1, contract details): the listed users in the order given, then
 * the active users of the listed departments and their subdepartments by full name (Vietnamese
 * collation), without repeats. Every listed user must be active and every department must exist
 * (400 naming the field); at least one recipient must remain. (A share keeps departments as
 * departments: `share.ts`.)
 */
export async function resolveRecipients(trx: Knex, choice: RecipientChoice): Promise<Recipient[]> {
  const userIds = choice.userIds ?? [];
  const departmentIds = choice.departmentIds ?? [];
  await checkUsersActive(trx, userIds);
  await checkDepartmentsExist(trx, departmentIds);
  const { rows } = await trx.raw<{ rows: { id: number; full_name: string }[] }>(
    `SELECT u.id, u.full_name, true AS listed, l.pos
       FROM unnest(?::bigint[]) WITH ORDINALITY AS l(id, pos) JOIN users u ON u.id = l.id
     UNION ALL
     SELECT u.id, u.full_name, false, 0
       FROM users u
      WHERE u.active AND NOT (u.id = ANY(?::bigint[]))
        AND EXISTS (SELECT 1 FROM departments d JOIN departments sub ON sub.path LIKE d.path || '%'
                     WHERE d.id = ANY(?::bigint[]) AND sub.id = u.department_id)
     ORDER BY listed DESC, pos, full_name, id`,
    [userIds, userIds, departmentIds],
  );
  if (rows.length === 0) {
    throw badRequest(departmentIds.length ? 'The chosen departments have no active users' : 'Choose at least one user or department', departmentIds.length ? 'departmentIds' : 'userIds');
  }
  return rows.map((row) => ({ id: row.id, fullName: row.full_name }));
}
