const twoDigits = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));

/** Today's calendar day in Vietnam, `YYYY-MM-DD`. */
export function vietnamToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

/**
 * Day numbers for generated data: day 0 is `historyDays` before `asOf`, day `historyDays` is
 * `asOf` itself, later days are the planned future. Strings are precomputed so formatting
 * millions of dates and timestamps costs a lookup.
 */
export class SeedCalendar {
  readonly today: number;
  private readonly days: string[];

  constructor(asOf: string, readonly historyDays: number, futureDays = 120) {
    const end = Date.parse(`${asOf}T00:00:00Z`);
    if (Number.isNaN(end)) throw new Error(`not a calendar day: ${asOf}`);
    this.today = historyDays;
    this.days = Array.from({ length: historyDays + futureDays + 1 }, (_, day) =>
      new Date(end - (historyDays - day) * 86_400_000).toISOString().slice(0, 10));
  }

  get lastDay(): number {
    return this.days.length - 1;
  }

  date(day: number): string {
    return this.days[Math.min(Math.max(day, 0), this.days.length - 1)];
  }

  /** A timestamp on `day` at `second` (of the day) Vietnam time. */
  timestamp(day: number, second: number): string {
    const hours = Math.floor(second / 3600);
    const minutes = Math.floor((second % 3600) / 60);
    return `${this.date(day)} ${twoDigits[hours]}:${twoDigits[minutes]}:${twoDigits[second % 60]}+07`;
  }

  /** The same instant as an ISO string, for inserts through knex. */
  instant(day: number, second: number): Date {
    return new Date(Date.parse(`${this.date(day)}T00:00:00+07:00`) + second * 1000);
  }
}
