/** Display formats of SPEC: money as `1.234.567 ₫`, dates as dd/MM/yyyy, in Asia/Ho_Chi_Minh. */
const moneyFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const zone = 'Asia/Ho_Chi_Minh';

export function formatMoney(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return `${moneyFormat.format(value)} ₫`;
}

/** A reader of `date`'s parts (day, hour…) as a clock in Vietnam shows them. */
function vietnamParts(date: Date, options: Intl.DateTimeFormatOptions): (type: Intl.DateTimeFormatPartTypes) => string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, ...options }).formatToParts(date);
  return (type) => parts.find((part) => part.type === type)?.value ?? '';
}

/** `2026-03-09` (a calendar day) or an ISO timestamp → `09/03/2026` (timestamps in Vietnam time). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const get = vietnamParts(date, { day: '2-digit', month: '2-digit', year: 'numeric' });
  return `${get('day')}/${get('month')}/${get('year')}`;
}

/** An ISO timestamp → `09/03/2026 14:05` in Vietnam time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const get = vietnamParts(date, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/** `dd/MM/yyyy` typed by a user → `yyyy-MM-dd`, or null when it is not a real day. */
export function parseDisplayDate(text: string): string | null {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today's calendar day in Vietnam, `yyyy-MM-dd`. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
