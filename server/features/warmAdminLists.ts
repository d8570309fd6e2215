import type { Knex } from 'knex';
import type { Actor } from '../access/actor';
import { warmList } from '../list/listEngine';
import { warmCustomerList } from './customers/listCustomers';
import { recordListSource } from './history/recordList';
import { activityKind } from './history/repository';

/**
 * The orders the admins' grids offer, one direction each: the reverse order pages through the
 * same anchors (server/list/listEngine.ts, pageIds). Numbering 5M activities takes 8–10 s, and
 * the first admin to scroll deep in a new order waited for it (or for a plain OFFSET of seconds).
 */
const customerSorts = [undefined, 'code:asc', 'createdAt:asc', 'updatedAt:asc', 'score:asc'];
const activitySorts = [undefined, 'date:asc', 'customerName:asc', 'subject:asc', 'type:asc', 'status:asc', 'ownerName:asc'];

/**
 * The admins' lists, built when the server starts: the customer list (1M: 0.3–1 s an order) and
 * the Giao dịch list. One after the other, so one heavy build at a time runs beside the users'
 * work; anchors a process stored before (migration 0030) are adopted instead and rebuilt when
 * first used.
 */
export async function warmAdminLists(db: Knex): Promise<void> {
  const admin = await db('users').where({ role: 'admin', active: true }).first('id', 'username', 'full_name');
  if (!admin) return;
  const actor: Actor = { id: admin.id, username: admin.username, fullName: admin.full_name, role: 'admin', departmentId: null, departmentPath: null };
  for (const sort of customerSorts) await warmCustomerList(db, actor, sort);
  for (const sort of activitySorts) await warmList(db, actor, recordListSource(activityKind()), {}, sort);
}
