import type { Knex } from 'knex';
import type { Actor } from '../access/actor';
import { warmList } from '../list/listEngine';
import { warmCustomerList } from './customers/listCustomers';
import { recordListSource } from './history/recordList';
import { activityKind } from './history/repository';

/**
 * The admins' default lists, built when the server starts: the customer list (1M: 0.3 s) and the
 * Giao dịch list (5M activities: 16 s to number, which the first admin to scroll deep waited for).
 * One after the other, so one heavy build at a time runs beside the users' work; anchors an
 * earlier process stored at the same list version (migration 0030) are read back instead.
 */
export async function warmAdminLists(db: Knex): Promise<void> {
  const admin = await db('users').where({ role: 'admin', active: true }).first('id', 'username', 'full_name');
  if (!admin) return;
  const actor: Actor = { id: admin.id, username: admin.username, fullName: admin.full_name, role: 'admin', departmentId: null, departmentPath: null };
  await warmCustomerList(db, actor);
  await warmList(db, actor, recordListSource(activityKind()), {});
}
