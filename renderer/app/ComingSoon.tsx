import { useI18n } from '../i18n/useI18n';
import type { MessageKey } from '../i18n/vi';

/** What a module that is not built yet shows: no sample data, just the plain truth. */
export function ComingSoon({ module }: { module: MessageKey }) {
  const { t } = useI18n();
  return (
    <section className="page coming-soon">
      <h1>{t(module)}</h1>
      <p>{t('comingSoon.text', { module: t(module) })}</p>
      <p className="muted">{t('comingSoon.hint')}</p>
    </section>
  );
}
