import { expect, it } from 'vitest';
import { useCompanyApp } from '../support/companyApp';

const t = useCompanyApp();

// Issue 12: a stale in-cell edit (409) reloads the customer and shows who made its current version.
it('a customer names who made its current version: edits, bulk group changes, owner changes', async () => {
  const created = (await t.staffA.call('POST', '/api/customers', { name: 'Cửa hàng Người Sửa' })).body;
  expect(created.updatedByName).toBeNull();

  const edited = await t.staffA.call('PATCH', `/api/customers/${created.id}`, { version: created.version, phone: '0281234567' });
  expect(edited.status).toBe(200);
  const staffAName = edited.body.ownerName;
  expect(edited.body.updatedByName).toBe(staffAName);

  // The admin edits it; the staff member's stale edit is refused, and the reload says who and what.
  const byAdmin = await t.admin.call('PATCH', `/api/customers/${created.id}`, { version: edited.body.version, phone: '0909000111' });
  expect(byAdmin.status).toBe(200);
  const stale = await t.staffA.call('PATCH', `/api/customers/${created.id}`, { version: edited.body.version, phone: '0111' });
  expect(stale.status).toBe(409);
  expect(stale.body.error.code).toBe('VERSION_CONFLICT');
  expect(stale.body.error.message).toBe(`${byAdmin.body.updatedByName} changed this customer at ${byAdmin.body.updatedAt}; reload it and try again`);
  const current = (await t.staffA.call('GET', `/api/customers/${created.id}`)).body;
  expect(current).toMatchObject({ phone: '0909000111', version: byAdmin.body.version, updatedByName: byAdmin.body.updatedByName });
  expect(current.updatedByName).not.toBe(staffAName);

  const group = (await t.admin.call('POST', '/api/customer-groups', { name: 'Nhóm người sửa' })).body;
  expect((await t.staffA.call('POST', '/api/customers/groups', { customerIds: [created.id], groupIds: [group.id], mode: 'add' })).status).toBe(200);
  expect((await t.staffA.call('GET', `/api/customers/${created.id}`)).body.updatedByName).toBe(staffAName);

  // An owner change through the edit goes through the one owner-change operation and names its actor.
  const latest = (await t.admin.call('GET', `/api/customers/${created.id}`)).body;
  const moved = await t.admin.call('PATCH', `/api/customers/${created.id}`, { version: latest.version, ownerId: t.staffB.userId });
  expect(moved.status).toBe(200);
  expect(moved.body.updatedByName).toBe(byAdmin.body.updatedByName);
});
