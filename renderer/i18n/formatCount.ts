import type { Locale } from './translate';

/** A count with the locale's thousands separator: `12.345` in Vietnamese, `12,345` in English. */
export function formatCount(value: number, locale: Locale): string {
  return value.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-US');
}
