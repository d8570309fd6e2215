import { useEffect, useState, type FormEvent } from 'react';
import { tierBases, type TierSettings } from '../../../shared/schemas/tiers';
import { tiersApi } from '../../api/tiersApi';
import { useApiAction } from '../../api/useApiAction';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { RadioChoices } from '../../ui/RadioChoices';
import { useToast } from '../../ui/toastContext';

type TierSettingsFormProps = { settings: TierSettings; onSaved: (settings: TierSettings) => void };

/** Basis (Doanh thu / Thanh toán), auto-update, and "Tính lại phân cấp" now. */
export function TierSettingsForm({ settings, onSaved }: TierSettingsFormProps) {
  const { t } = useI18n();
  const showToast = useToast();
  const { busy, error, run } = useApiAction();
  const [draft, setDraft] = useState(settings);
  useEffect(() => setDraft(settings), [settings]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    await run(async () => {
      onSaved(await tiersApi.saveSettings(draft));
      showToast(t('tiers.settingsSaved'));
    });
  };
  const recompute = () => void run(async () => {
    const { changed } = await tiersApi.recompute();
    onSaved(draft);
    showToast(t('tiers.recomputed', { count: changed }));
  });

  return (
    <form className="form" onSubmit={save} noValidate>
      <RadioChoices
        legend={t('tiers.basis')}
        name="tier-basis"
        value={draft.basis}
        onChange={(basis) => setDraft({ ...draft, basis })}
        choices={tierBases.map((basis) => ({ value: basis, label: t(`tiers.basis.${basis}`), hint: t(`tiers.basis.${basis}.hint`) }))}
      />
      <label className="checkbox">
        <input type="checkbox" checked={draft.autoUpdate} onChange={(event) => setDraft({ ...draft, autoUpdate: event.target.checked })} />
        <span>
          <strong>{t('tiers.autoUpdate')}</strong>
          <span className="muted"> — {t('tiers.autoUpdate.hint')}</span>
        </span>
      </label>
      <ErrorMessage message={error} />
      <div className="form-buttons">
        <Button type="submit" variant="primary" disabled={busy}>
          {t('common.save')}
        </Button>
        <Button disabled={busy} onClick={recompute}>
          {t('tiers.recompute')}
        </Button>
      </div>
    </form>
  );
}
