import { useEffect, useRef, useState, type FormEvent } from 'react';
import { poolRuleNames, type PoolSettingsView } from '../../../shared/schemas/pool';
import { ApiError } from '../../api/ApiError';
import { classificationApi } from '../../api/classificationApi';
import { describeError } from '../../api/describeError';
import { poolApi } from '../../api/poolApi';
import { tiersApi } from '../../api/tiersApi';
import { useApiAction } from '../../api/useApiAction';
import { useApiData } from '../../api/useApiData';
import { useSession } from '../../app/sessionContext';
import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { useLiveEvent } from '../../live/useLiveEvent';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { FormErrorContext } from '../../ui/formErrorContext';
import { ConfirmActionDialog } from '../common/ConfirmActionDialog';
import './pool.css';
import { PoolLimitsSection } from './PoolLimitsSection';
import { PoolPreview } from './PoolPreview';
import { PoolRuleSection } from './PoolRuleSection';
import { PoolRunState } from './PoolRunState';
import { poolFieldMessage, toBody, toDraft, type PoolSettingsDraft } from './poolSettingsDraft';

/**
 * Thiết lập › Khách hàng chung (P2, P3): the three rules, claim limit, cooldown, reminder and run
 * interval; Thiết lập saves, Start / Stop switch the scheduled run, Reset runs it now. Admins edit,
 * everyone else reads. Xem trước below lists what a run would move.
 */
export function PoolSettingsTab() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const isAdmin = user.role === 'admin';
  const loaded = useApiData(() => poolApi.settings(), []);
  const types = useApiData(() => classificationApi.types(), []);
  // Tiers are another feature: no tier picker while /api/tiers does not answer.
  const tiers = useApiData(() => tiersApi.list(), []);
  const { busy, formError, setError, run } = useApiAction();
  const [draft, setDraft] = useState<PoolSettingsDraft | null>(null);
  /** The settings as the server last answered them: the state line follows Start / Stop / Reset. */
  const [current, setCurrent] = useState<PoolSettingsView | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const [moved, setMoved] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!loaded.data) return;
    setCurrent(loaded.data);
    setDraft(toDraft(loaded.data));
  }, [loaded.data]);
  // A scheduled run moves customers: the state line follows it (last run, next run) without a reload.
  useLiveEvent('customers', () => void poolApi.settings().then(setCurrent, () => undefined), 5000);
  // An error about a field shows at it (Field / the status group); that field takes the focus.
  useEffect(() => {
    if (!formError?.field) return;
    form.current?.querySelector<HTMLElement>(`[data-field="${CSS.escape(formError.field)}"] :is(input, select, button)`)?.focus();
  }, [formError]);

  /** Runs a call; a refusal about one setting (`rules.noActivitySinceLast.days`) is placed at that setting. */
  const send = async (call: () => Promise<void>, done: string) => {
    setNotice(null);
    let failure: unknown;
    const ok = await run(async () => {
      try {
        await call();
      } catch (caught) {
        failure = caught;
        throw caught;
      }
    });
    if (ok) setNotice(done);
    else if (failure instanceof ApiError && failure.field) {
      setError(poolFieldMessage(failure.field, t) ?? describeError(failure, t), failure.field);
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!draft || busy) return;
    const checked = toBody(draft);
    if ('invalidField' in checked) {
      setError(poolFieldMessage(checked.invalidField, t) ?? t('error.badRequest'), checked.invalidField);
      return;
    }
    void send(async () => {
      const saved = await poolApi.saveSettings(checked.body);
      setCurrent(saved);
      setDraft(toDraft(saved));
    }, t('pool.saved'));
  };
  const switchRunning = (start: boolean) => void send(async () => setCurrent(await (start ? poolApi.start() : poolApi.stop())), t(start ? 'pool.started' : 'pool.stopped'));

  if (loaded.error) return <ErrorMessage message={loaded.error} />;
  if (!draft || !current) return <p className="muted">{t('common.loading')}</p>;
  const fieldShown = Boolean(formError?.field && poolFieldMessage(formError.field, t));
  return (
    <div className="pool-settings">
      <p className="muted">{t('pool.intro')}</p>
      {!isAdmin && <p className="notice">{t('pool.readOnly')}</p>}
      <PoolRunState settings={current} />
      {moved !== null && (
        <p className="notice" role="status">
          {t('pool.reset.done', { count: formatCount(moved, locale) })}
        </p>
      )}
      <form ref={form} className="form" onSubmit={save} noValidate>
        <FormErrorContext.Provider value={formError}>
          <fieldset className="pool-settings-fields" disabled={!isAdmin}>
            {poolRuleNames.map((ruleId) => (
              <PoolRuleSection
                key={ruleId}
                ruleId={ruleId}
                rule={draft.rules[ruleId]}
                onChange={(rule) => setDraft({ ...draft, rules: { ...draft.rules, [ruleId]: rule } })}
                types={types.data ?? []}
                tiers={tiers.error ? null : (tiers.data ?? null)}
              />
            ))}
            <PoolLimitsSection draft={draft} onChange={setDraft} />
          </fieldset>
        </FormErrorContext.Provider>
        <ErrorMessage message={fieldShown ? null : (formError?.message ?? types.error)} />
        {notice && (
          <p className="muted" role="status">
            {notice}
          </p>
        )}
        {isAdmin && (
          <div className="form-buttons pool-buttons">
            <Button type="submit" variant="primary" disabled={busy}>
              {t('pool.save')}
            </Button>
            <Button disabled={busy || current.running} onClick={() => switchRunning(true)}>
              {t('pool.start')}
            </Button>
            <Button disabled={busy || !current.running} onClick={() => switchRunning(false)}>
              {t('pool.stop')}
            </Button>
            <Button disabled={busy} onClick={() => setConfirmReset(true)}>
              {t('pool.reset')}
            </Button>
          </div>
        )}
      </form>
      <PoolPreview />
      {confirmReset && (
        <ConfirmActionDialog
          title={t('pool.reset.title')}
          message={t('pool.reset.confirm')}
          confirmLabel={t('pool.reset.run')}
          action={async () => {
            setMoved((await poolApi.run()).moved);
            // Only the state line: unsaved edits of the form stay.
            setCurrent(await poolApi.settings());
          }}
          onDone={() => setConfirmReset(false)}
          onClose={() => setConfirmReset(false)}
        />
      )}
    </div>
  );
}
