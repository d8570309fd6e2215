import { formatDateTime } from '../../../shared/format';
import type { PoolSettingsView } from '../../../shared/schemas/pool';
import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';

/** Running or stopped (how often), the last run (when, how many moved) and the next one. */
export function PoolRunState({ settings }: { settings: PoolSettingsView }) {
  const { t, locale } = useI18n();
  const { running, intervalMinutes, lastRunAt, lastRunMoved, nextRunAt } = settings;
  const lastRun = !lastRunAt
    ? t('pool.state.neverRun')
    : lastRunMoved === null
      ? t('pool.state.lastRunAt', { at: formatDateTime(lastRunAt) })
      : t('pool.state.lastRun', { at: formatDateTime(lastRunAt), count: formatCount(lastRunMoved, locale) });
  return (
    <p className={running ? 'pool-state pool-state-running' : 'pool-state'} role="status">
      <strong>{running ? t('pool.state.running', { count: intervalMinutes }) : t('pool.state.stopped')}</strong>
      <span>{lastRun}</span>
      {running && nextRunAt && <span>{t('pool.state.nextRun', { at: formatDateTime(nextRunAt) })}</span>}
    </p>
  );
}
