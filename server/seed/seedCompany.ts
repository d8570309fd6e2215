import type { Knex } from 'knex';
import type { CompanyPlan, DepartmentPlan } from './companyPlan';
import { mobilePhone, personName, type CustomerKind } from './fakeData';
import { productCatalog } from './productCatalog';
import { Random, seedFor } from './random';

export type SeededUser = { id: number; username: string; role: 'manager' | 'staff'; departmentId: number; ownerWeight: number };

/** Ids of the reference data the customer generators point at. */
export type CompanyRefs = {
  departments: { id: number; name: string; path: string }[];
  users: SeededUser[];
  customerTypes: { id: number; kind: CustomerKind; share: number }[];
  groups: { id: number; points: number; popularity: number }[];
  products: { id: number; price: number }[];
  lostReasonIds: number[];
};

type PlannedUser = { username: string; fullName: string; role: 'manager' | 'staff'; departmentId: number; ownerWeight: number; email: string; phone: string };

async function findOrCreateDepartment(trx: Knex, name: string, parent: { id: number; path: string } | null): Promise<{ id: number; path: string }> {
  const existing = await trx('departments').where({ name, parent_id: parent?.id ?? null }).first('id', 'path');
  if (existing) return existing;
  const [row] = await trx('departments').insert({ name, parent_id: parent?.id ?? null }, ['id']);
  const path = `${parent?.path ?? '/'}${row.id}/`;
  await trx('departments').where({ id: row.id }).update({ path });
  return { id: row.id, path };
}

/** Creates the department tree depth-first and lists the users each department should have. */
async function seedDepartments(trx: Knex, plan: CompanyPlan, random: Random): Promise<{ departments: CompanyRefs['departments']; users: PlannedUser[] }> {
  const departments: CompanyRefs['departments'] = [];
  const users: PlannedUser[] = [];
  const visit = async (department: DepartmentPlan, parent: { id: number; path: string } | null) => {
    const row = await findOrCreateDepartment(trx, department.name, parent);
    departments.push({ id: row.id, name: department.name, path: row.path });
    for (let n = 0; n < department.managers + department.staff; n++) {
      const manager = n < department.managers;
      const person = personName(random);
      const username = `${plan.usernamePrefix}${String(users.length + 1).padStart(3, '0')}`;
      users.push({
        username, fullName: person.fullName, role: manager ? 'manager' : 'staff', departmentId: row.id,
        ownerWeight: department.ownerWeight * (manager ? 0.3 : 1), email: `${username}@hoangphat-crm.vn`, phone: mobilePhone(random),
      });
    }
    for (const child of department.children ?? []) await visit(child, row);
  };
  await visit(plan.root, null);
  return { departments, users };
}

/** Users by username; existing ones (from an earlier run) are kept as they are. */
async function seedUsers(trx: Knex, planned: PlannedUser[], passwordHash: string): Promise<SeededUser[]> {
  await trx('users')
    .insert(planned.map((user) => ({
      username: user.username, password_hash: passwordHash, full_name: user.fullName, email: user.email, phone: user.phone,
      department_id: user.departmentId, role: user.role,
    })))
    .onConflict(trx.raw('((lower(username)))'))
    .ignore();
  const rows: { id: number; username: string; role: string; department_id: number | null }[] = await trx('users')
    .whereRaw('lower(username) = ANY(?)', [planned.map((user) => user.username)])
    .select('id', 'username', 'role', 'department_id');
  const byName = new Map(rows.map((row) => [row.username.toLowerCase(), row]));
  return planned.flatMap((user) => {
    const row = byName.get(user.username);
    if (!row || row.role === 'admin' || row.department_id === null) return [];
    return [{ id: row.id, username: row.username, role: row.role as SeededUser['role'], departmentId: row.department_id, ownerWeight: user.ownerWeight }];
  });
}

async function findOrCreateByName(trx: Knex, table: 'customer_types' | 'customer_groups', name: string, values: Record<string, unknown>): Promise<number> {
  const existing = await trx(table).whereRaw('lower(name) = lower(?)', [name]).whereNull('deleted_at').first('id');
  if (existing) return existing.id;
  const [row] = await trx(table).insert({ name, ...values }, ['id']);
  return row.id;
}

async function seedProducts(trx: Knex, random: Random): Promise<CompanyRefs['products']> {
  const catalog = productCatalog(random);
  await trx('products').insert(catalog).onConflict(trx.raw('((lower(code))) WHERE deleted_at IS NULL')).ignore();
  const rows: { id: number; price: number }[] = await trx('products')
    .whereRaw('lower(code) = ANY(?)', [catalog.map((product) => product.code.toLowerCase())])
    .whereNull('deleted_at')
    .orderBy('code')
    .select('id', 'price');
  return rows.map((row) => ({ id: row.id, price: Number(row.price) }));
}

async function seedLostReasons(trx: Knex, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) {
    // Live reasons are unique by lower(name) (migration 0024): the defaults are reused.
    const existing = await trx('lost_reasons').whereRaw('lower(name) = lower(?)', [name]).whereNull('deleted_at').first('id');
    ids.push(existing ? existing.id : (await trx('lost_reasons').insert({ name }, ['id']))[0].id);
  }
  return ids;
}

/**
 * The company behind the customers: departments, users (one shared password hash), customer
 * types, groups with points, products and lost reasons. Finds what an earlier run created, so
 * running it twice changes nothing; never touches `admin` or other existing users.
 */
export async function seedCompany(trx: Knex, plan: CompanyPlan, passwordHash: string, seed: number): Promise<CompanyRefs> {
  const { departments, users: plannedUsers } = await seedDepartments(trx, plan, new Random(seedFor(seed, 'users')));
  const users = await seedUsers(trx, plannedUsers, passwordHash);
  const customerTypes: CompanyRefs['customerTypes'] = [];
  for (const type of plan.customerTypes) {
    customerTypes.push({ id: await findOrCreateByName(trx, 'customer_types', type.name, {}), kind: type.kind, share: type.share });
  }
  const groups: CompanyRefs['groups'] = [];
  for (const group of plan.groups) {
    groups.push({ id: await findOrCreateByName(trx, 'customer_groups', group.name, { points: group.points }), points: group.points, popularity: group.popularity });
  }
  const products = await seedProducts(trx, new Random(seedFor(seed, 'products')));
  const lostReasonIds = await seedLostReasons(trx, plan.lostReasons);
  return { departments, users, customerTypes, groups, products, lostReasonIds };
}
