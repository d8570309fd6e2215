import type { Locale } from '../i18n/translate';
import { AG_GRID_LOCALE_VN } from './agGridLocaleVn';

/** AG Grid's own texts in the user's language (its built-in texts are English). */
export function gridLocaleText(locale: Locale): Record<string, string> | undefined {
  return locale === 'vi' ? AG_GRID_LOCALE_VN : undefined;
}
