import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, type I18n } from './i18nContext';
import { translate, type Locale } from './translate';

const storageKey = 'crm.locale';

function storedLocale(): Locale {
  return localStorage.getItem(storageKey) === 'en' ? 'en' : 'vi';
}

/** Vietnamese by default; the user's choice of language is remembered in localStorage. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale: (next) => {
        localStorage.setItem(storageKey, next);
        setLocaleState(next);
      },
      t: (key, params) => translate(locale, key, params),
    }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
