import type { Knex } from 'knex';
import { hashPassword } from '../../server/features/auth/passwords';
import { changeOwners } from '../../server/features/ownership/changeOwners';

export const benchPassword = 'Bench@12345';
export type BenchRole = 'admin' | 'manager' | 'staff';
export type BenchUsers = Record<BenchRole, { username: string; id: number }> & { managerDepartment: string; staffTookOverFrom: string | null };

/** The department (not the root) owning the most customers while owning at most 60% of them. */
async function bigDepartment(db: Knex): Promise<{ id: number; name: string; path: string }> {
  const { rows } = await db.raw<{ rows: { id: number; name: string; path: string; n: number }[] }>(`
    WITH per_owner AS (SELECT owner_id, count(*) AS n FROM customers WHERE deleted_at IS NULL AND owner_id IS NOT NULL GROUP BY owner_id),
         total AS (SELECT sum(n) AS n FROM per_owner)
    SELECT d.id, d.name, d.path, coalesce(sum(p.n), 0)::bigint AS n
      FROM departments d
      JOIN departments sub ON sub.path LIKE d.path || '%'
      JOIN users u ON u.department_id = sub.id
      JOIN per_owner p ON p.owner_id = u.id
     WHERE d.parent_id IS NOT NULL
     GROUP BY d.id
    HAVING sum(p.n) <= 0.6 * (SELECT n FROM total)
     ORDER BY n DESC LIMIT 1`);
  if (!rows[0]) throw new Error('No department owns customers: seed the database first (npm run seed -- --customers N)');
  return rows[0];
}

async function upsertUser(db: Knex, username: string, fullName: string, role: BenchRole, departmentId: number | null, passwordHash: string): Promise<{ id: number; created: boolean }> {
  const existing = await db('users').whereRaw('lower(username) = ?', [username]).first('id');
  if (existing) {
    await db('users').where({ id: existing.id }).update({ password_hash: passwordHash, role, department_id: departmentId, active: true });
    return { id: existing.id, created: false };
  }
  const [row] = await db('users').insert({ username, full_name: fullName, role, department_id: departmentId, password_hash: passwordHash }, ['id']);
  return { id: row.id, created: true };
}

/**
 * bench.admin, bench.manager (manager of a big department) and bench.staff, created in SQL with
 * a known password, or reused. A new bench.staff takes over the customers of a typical seeded
 * staff member of the same team, plus 20 shared customers, so its list looks like a real one.
 */
export async function prepareBenchUsers(db: Knex): Promise<BenchUsers> {
  const passwordHash = await hashPassword(benchPassword);
  const department = await bigDepartment(db);
  const admin = await upsertUser(db, 'bench.admin', 'Bench Quản trị', 'admin', null, passwordHash);
  const manager = await upsertUser(db, 'bench.manager', 'Bench Quản lý', 'manager', department.id, passwordHash);

  // A typical staff member under the big department: the median customer count among its staff.
  const { rows: staffRows } = await db.raw<{ rows: { id: number; username: string; department_id: number; n: number }[] }>(`
    SELECT u.id, u.username, u.department_id, count(c.id)::int AS n
      FROM users u JOIN departments d ON d.id = u.department_id
      LEFT JOIN customers c ON c.owner_id = u.id AND c.deleted_at IS NULL
     WHERE u.role = 'staff' AND d.path LIKE ? AND u.username NOT LIKE 'bench.%'
     GROUP BY u.id HAVING count(c.id) > 0 ORDER BY n, u.id`, [`${department.path}%`]);
  const typical = staffRows[Math.floor(staffRows.length / 2)];
  if (!typical) throw new Error(`No staff member of ${department.name} owns customers`);
  const staff = await upsertUser(db, 'bench.staff', 'Bench Nhân viên', 'staff', typical.department_id, passwordHash);
  let tookOverFrom: string | null = null;
  if (staff.created) {
    await db.transaction(async (trx) => {
      const actor = { id: admin.id, username: 'bench.admin', fullName: 'Bench Quản trị', role: 'admin' as const, departmentId: null, departmentPath: null };
      const plan = trx.raw('SELECT id AS customer_id, ?::bigint AS owner_id, NULL::int AS expected_version FROM customers WHERE owner_id = ?', [staff.id, typical.id]);
      await changeOwners(trx, actor, { source: plan }, 'transfer');
      await trx.raw(`INSERT INTO customer_shares (customer_id, user_id, source, info_types)
        SELECT id, ?, 'share', '{general,contacts,activities}' FROM customers WHERE owner_id <> ? AND deleted_at IS NULL ORDER BY id LIMIT 20
        ON CONFLICT DO NOTHING`, [staff.id, staff.id]);
    });
    tookOverFrom = typical.username;
  }
  return {
    admin: { username: 'bench.admin', id: admin.id },
    manager: { username: 'bench.manager', id: manager.id },
    staff: { username: 'bench.staff', id: staff.id },
    managerDepartment: department.name,
    staffTookOverFrom: tookOverFrom,
  };
}
