import type { Knex } from 'knex';
import type { Actor } from '../../access/actor';
import { writeNotifications, type NewNotification, type NotificationKind } from '../notifications/writeNotifications';
import type { OwnerChangeOptions, OwnerChangeReason } from './changeOwners';

type Direction = 'received' | 'lost';
type Wording = { kind: NotificationKind; title: (count: string, actorName: string) => string };

const count = new Intl.NumberFormat('vi-VN');

/** Vietnamese wording per reason and side; the renderer words `kind` + `data` in the user's language. */
const wordings: Record<OwnerChangeReason, Record<Direction, Wording>> = {
  transfer: {
    received: { kind: 'customers_received', title: (n, actor) => `Bạn được chuyển ${n} khách hàng từ ${actor}` },
    lost: { kind: 'customers_transferred_away', title: (n, actor) => `${actor} đã chuyển ${n} khách hàng của bạn cho người khác` },
  },
  edit: {
    received: { kind: 'customers_received', title: (n, actor) => `Bạn được chuyển ${n} khách hàng từ ${actor}` },
    lost: { kind: 'customers_transferred_away', title: (n, actor) => `${actor} đã chuyển ${n} khách hàng của bạn cho người khác` },
  },
  undo: {
    received: { kind: 'transfer_undone', title: (n, actor) => `${actor} đã hoàn tác một lần chuyển khách hàng: bạn nhận lại ${n} khách hàng` },
    lost: { kind: 'transfer_undone', title: (n, actor) => `${actor} đã hoàn tác một lần chuyển khách hàng: ${n} khách hàng về lại chủ cũ` },
  },
  claim: {
    received: { kind: 'customers_received', title: (n) => `Bạn đã nhận ${n} khách hàng từ kho khách hàng chung` },
    lost: { kind: 'customers_transferred_away', title: (n, actor) => `${actor} đã nhận ${n} khách hàng của bạn` },
  },
  pool: {
    received: { kind: 'customers_received', title: (n, actor) => `Bạn được chuyển ${n} khách hàng từ ${actor}` },
    lost: { kind: 'customers_transferred_away', title: (n) => `${n} khách hàng của bạn đã chuyển vào Khách hàng chung` },
  },
  conversion: {
    received: { kind: 'customers_received', title: (n, actor) => `Bạn được giao ${n} khách hàng chuyển đổi từ tiềm năng bởi ${actor}` },
    lost: { kind: 'customers_transferred_away', title: (n, actor) => `${actor} đã chuyển ${n} khách hàng của bạn cho người khác` },
  },
};

/**
 * One notification per user who received customers and one per user who lost some, from the
 * `owner_changes` table of changeOwners: never one per customer. The actor is not told of their
 * own action. Receivers get the link; the others only a `lostLink` (they mostly can no longer open those customers).
 */
export async function writeOwnerChangeNotices(trx: Knex, actor: Actor, reason: OwnerChangeReason, options: OwnerChangeOptions): Promise<void> {
  const { rows } = await trx.raw<{ rows: { user_id: number; direction: Direction; n: number }[] }>(
    `SELECT user_id, direction, count(*)::int AS n
       FROM (SELECT to_owner_id AS user_id, 'received' AS direction FROM owner_changes
             UNION ALL SELECT from_owner_id, 'lost' FROM owner_changes) x
      WHERE user_id IS NOT NULL AND user_id <> ?
      GROUP BY user_id, direction ORDER BY direction DESC, user_id`,
    [actor.id],
  );
  const notices = rows.map((row): NewNotification => {
    const wording = wordings[reason][row.direction];
    return {
      userId: row.user_id,
      kind: wording.kind,
      title: wording.title(count.format(row.n), actor.fullName),
      data: { count: row.n, direction: row.direction, reason, actorId: actor.id, actorName: actor.fullName, batchId: options.batchId ?? null },
      link: row.direction === 'received' ? options.link : options.lostLink,
    };
  });
  await writeNotifications(trx, notices);
}
