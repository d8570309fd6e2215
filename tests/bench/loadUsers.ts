import type { Knex } from 'knex';
import { userActor } from '../../server/access/userActor';
import { hashPassword } from '../../server/features/auth/passwords';
import { changeOwners } from '../../server/features/ownership/changeOwners';
import { benchPassword } from './benchUsers';

export const loadReaderCount = 40;
export const loadEditorCount = 8;
const loadUserCount = loadReaderCount + loadEditorCount;

/** bench.load01 … bench.load48: readers first, then editors in pairs (a staff member and the manager of their team). */
export type LoadUser = { username: string; id: number; role: 'staff' | 'manager'; departmentId: number };

/**
 * Who user `i` is: every tenth reader a manager of its team (a bigger grid); of each editor pair
 * the second a manager of the first one's team, so both may edit the first one's customers and
 * their versions can collide.
 */
const roleSql = `CASE WHEN (i <= ${loadReaderCount} AND i % 10 = 0) OR (i > ${loadReaderCount} AND i % 2 = 0) THEN 'manager' ELSE 'staff' END`;

/**
 * Creates the 48 load users in a few statements, or reuses them. A new one takes over all the
 * customers of one seeded staff member of typical size (nearest the median, each a different
 * one) and joins that member's team. The takeover keeps each customer's receipt time and
 * previous owner (a restoring plan), so the common pool's due dates stay as seeded.
 */
export async function prepareLoadUsers(db: Knex, adminId: number): Promise<LoadUser[]> {
  const passwordHash = await hashPassword(benchPassword);
  const actor = await userActor(db, adminId);
  if (!actor) throw new Error(`No user ${adminId}`);
  await db.transaction(async (trx) => {
    // Constants only in this statement: CREATE TABLE AS takes no bind parameters.
    await trx.raw(`CREATE TEMP TABLE load_sources ON COMMIT DROP AS
      WITH owned AS (SELECT owner_id, count(*) AS n FROM customers WHERE deleted_at IS NULL AND owner_id IS NOT NULL GROUP BY owner_id),
           staff AS (SELECT u.id, u.department_id, o.n FROM users u JOIN owned o ON o.owner_id = u.id
                      WHERE u.role = 'staff' AND u.active AND u.department_id IS NOT NULL AND u.username NOT LIKE 'bench.%'),
           ranked AS (SELECT s.*, row_number() OVER (ORDER BY abs(s.n - m.n), s.id) AS i
                        FROM staff s, (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) AS n FROM staff) m)
      SELECT r.i, 'bench.load' || lpad(r.i::text, 2, '0') AS username, r.id AS source_id,
             CASE WHEN r.i > ${loadReaderCount} AND r.i % 2 = 0 THEN partner.department_id ELSE r.department_id END AS department_id
        FROM ranked r LEFT JOIN ranked partner ON partner.i = r.i - 1
       WHERE r.i <= ${loadUserCount} AND NOT EXISTS (SELECT 1 FROM users u WHERE lower(u.username) = 'bench.load' || lpad(r.i::text, 2, '0'))`);
    await trx.raw(`INSERT INTO users (username, full_name, role, department_id, password_hash)
      SELECT username, 'Bench Tải ' || lpad(i::text, 2, '0'), ${roleSql}, department_id, ? FROM load_sources`, [passwordHash]);
    await trx.raw('UPDATE users SET password_hash = ?, active = true WHERE username LIKE ?', [passwordHash, 'bench.load%']);
    const plan = trx.raw(`SELECT c.id AS customer_id, u.id AS owner_id, NULL::int AS expected_version,
        c.previous_owner_id, c.owner_assigned_at AS assigned_at
      FROM load_sources s JOIN users u ON lower(u.username) = s.username JOIN customers c ON c.owner_id = s.source_id`);
    await changeOwners(trx, actor, { source: plan, restore: true }, 'transfer');
  });
  const users: LoadUser[] = await db('users').where('username', 'like', 'bench.load%').orderBy('username')
    .select('username', 'id', 'role', 'department_id as departmentId');
  if (users.length !== loadUserCount) throw new Error(`Found ${users.length} of ${loadUserCount} bench.load users (too few seeded staff?)`);
  return users;
}
