import type { Knex } from 'knex';

/** Activity types are the company's own words (the UI suggests call, meeting, email, task, visit, other). */
export const activityTypeText = {
  name: '20261123_0006_activity_type_text',
  up: (knex: Knex) => knex.raw(`ALTER TABLE activities DROP CONSTRAINT activities_type_check;
    ALTER TABLE activities ADD CONSTRAINT activities_type_length CHECK (length(type) BETWEEN 1 AND 40);`),
  down: (knex: Knex) => knex.raw(`ALTER TABLE activities DROP CONSTRAINT activities_type_length;
    ALTER TABLE activities ADD CONSTRAINT activities_type_check CHECK (type IN ('call', 'meeting', 'email', 'task', 'visit', 'other'));`),
};
