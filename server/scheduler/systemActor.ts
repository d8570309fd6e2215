import type { Knex } from 'knex';
import type { Actor } from '../access/actor';
import { userActor } from '../access/userActor';

/** The system user scheduled jobs act as (one row, created by migration 0013, never able to sign in). */
export async function loadSystemActor(db: Knex): Promise<Actor> {
  const row = await db('users').where({ is_system: true }).first('id');
  const actor = row ? await userActor(db, row.id) : undefined;
  if (!actor) throw new Error('The system user is missing: run the migrations');
  const { active: _active, ...system } = actor;
  return system;
}
