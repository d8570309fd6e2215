import { useState } from 'react';
import { formatDateTime } from '../../../shared/format';
import type { MultiAssignRule, MultiAssignRunResult } from '../../../shared/schemas/multiAssign';
import { multiAssignApi } from '../../api/multiAssignApi';
import { useApiAction } from '../../api/useApiAction';
import { useApiData } from '../../api/useApiData';
import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ConfirmActionDialog } from '../common/ConfirmActionDialog';
import { EditableListSection } from '../common/EditableListSection';
import { MultiAssignRuleFormDialog } from './MultiAssignRuleFormDialog';

type LastRun = { name: string; result: MultiAssignRunResult };

/** Multi Assigned Account (O4): the rules the user manages, with "Chạy ngay" and what the last run shared. */
export function MultiAssignRulesTab() {
  const { t, locale } = useI18n();
  const { data, error, reload } = useApiData(() => multiAssignApi.list(), []);
  const running = useApiAction();
  const [lastRun, setLastRun] = useState<LastRun | null>(null);
  const count = (value: number) => formatCount(value, locale);

  const runNow = (rule: MultiAssignRule) => {
    setLastRun(null);
    void running.run(async () => {
      setLastRun({ name: rule.name, result: await multiAssignApi.run(rule.id) });
      reload();
    });
  };

  return (
    <>
      <p className="muted">{t('multiAssign.intro')}</p>
      {lastRun && (
        <div className="notice" role="status">
          <div>{t('multiAssign.runResult', { name: lastRun.name, shared: count(lastRun.result.shared), users: count(lastRun.result.users) })}</div>
          {lastRun.result.skipped > 0 && <div>{t('multiAssign.runSkipped', { skipped: count(lastRun.result.skipped) })}</div>}
        </div>
      )}
      <ErrorMessage message={running.error} />
      <EditableListSection
        label={t('settings.multiAssign')}
        addLabel={t('multiAssign.add')}
        emptyText={t('multiAssign.empty')}
        rows={data}
        error={error}
        reload={reload}
        columns={[
          { header: t('multiAssign.name'), cell: (rule) => rule.name },
          { header: t('multiAssign.campaign'), cell: (rule) => rule.campaignName },
          { header: t('multiAssign.assignee'), cell: (rule) => rule.assigneeName },
          { header: t('multiAssign.users'), cell: (rule) => rule.users.map((user) => user.fullName).join(', ') },
          { header: t('multiAssign.status'), cell: (rule) => (rule.active ? t('multiAssign.everyMinutes', { count: rule.intervalMinutes }) : t('multiAssign.off')) },
          { header: t('multiAssign.pending'), numeric: true, cell: (rule) => count(rule.pendingCount) },
          {
            header: t('multiAssign.lastRun'),
            cell: (rule) => (rule.lastRunAt ? t('multiAssign.lastRunValue', { at: formatDateTime(rule.lastRunAt), count: count(rule.lastRunCount ?? 0) }) : t('multiAssign.neverRun')),
          },
          {
            header: t('multiAssign.runNow'),
            cell: (rule) => (
              <Button disabled={running.busy} onClick={() => runNow(rule)} aria-label={`${t('multiAssign.runNow')}: ${rule.name}`}>
                {t('multiAssign.runNow')}
              </Button>
            ),
          },
        ]}
        renderForm={(rule, { onDone, onClose }) => <MultiAssignRuleFormDialog rule={rule} onSaved={onDone} onClose={onClose} />}
        renderDelete={(rule, { onDone, onClose }) => (
          <ConfirmActionDialog
            title={t('multiAssign.deleteTitle')}
            message={t('multiAssign.deleteConfirm', { name: rule.name })}
            action={() => multiAssignApi.remove(rule.id).then(() => undefined)}
            onDone={onDone}
            onClose={onClose}
          />
        )}
      />
    </>
  );
}
