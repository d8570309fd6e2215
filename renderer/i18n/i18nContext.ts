import { createContext } from 'react';
import type { Locale, Translate } from './translate';

export type I18n = {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
};

export const I18nContext = createContext<I18n | null>(null);
