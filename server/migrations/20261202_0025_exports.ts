import type { Knex } from 'knex';

/**
 * Excel exports (issue 14).
 *
 * - `exports`: one row per export, the user's "Xuất khẩu gần đây" and the progress a client polls
 *   (whichever server process streams it): list, filter, columns, status, total, rows written.
 *   A ticket creates it `pending`; the download makes it `running`, then `done`, `cancelled`
 *   (the client went away or asked to stop: `cancel_requested` is the stop flag) or `failed`.
 * - `live_tickets` serve downloads too: `purpose` says what a ticket opens ('events' for the
 *   event stream, 'export' for a download) and `subject_id` which export, so a ticket for one
 *   thing never opens another.
 */
const up = `
CREATE TABLE exports (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users(id),
  list text NOT NULL CHECK (list IN ('customers', 'activities', 'opportunities')),
  request jsonb NOT NULL,
  filter jsonb NOT NULL DEFAULT '{}',
  columns text[] NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'cancelled', 'failed')),
  cancel_requested boolean NOT NULL DEFAULT false,
  total integer,
  rows_written integer NOT NULL DEFAULT 0,
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX exports_user_recent ON exports (user_id, created_at DESC);

ALTER TABLE live_tickets ADD COLUMN purpose text NOT NULL DEFAULT 'events', ADD COLUMN subject_id bigint;
`;

const down = `
ALTER TABLE live_tickets DROP COLUMN subject_id, DROP COLUMN purpose;
DROP TABLE exports;
`;

export const exportsTable = {
  name: '20261202_0025_exports',
  up: (knex: Knex) => knex.raw(up),
  down: (knex: Knex) => knex.raw(down),
};
