import { useI18n } from '../i18n/useI18n';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <select className="language-switch" aria-label={t('header.language')} value={locale} onChange={(event) => setLocale(event.target.value === 'en' ? 'en' : 'vi')}>
      <option value="vi">Tiếng Việt</option>
      <option value="en">English</option>
    </select>
  );
}
