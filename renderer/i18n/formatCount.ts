import type { Locale, Translate } from './translate';

/** A count with the locale's thousands separator: `12.345` in Vietnamese, `12,345` in English. */
export function formatCount(value: number, locale: Locale): string {
  return value.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-US');
}

export type ListTotal = { total: number; totalEstimated?: boolean };

/** A list's total for its footer: "khoảng 57.748" while the server still counts a new search. */
export function formatListTotal(list: ListTotal, locale: Locale, t: Translate): string {
  const count = formatCount(list.total, locale);
  return list.totalEstimated ? t('list.estimatedTotal', { count }) : count;
}
