import { useEffect, useState, type FormEvent } from 'react';
import { duplicateTaxCodeModes, type DuplicateTaxCodeMode } from '../../../shared/schemas/enums';
import { settingsApi } from '../../api/settingsApi';
import { useApiAction } from '../../api/useApiAction';
import { useApiData } from '../../api/useApiData';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useToast } from '../../ui/toastContext';

/** Thiết lập › Khách hàng (admins): what saving a customer with another customer's tax code does. */
export function CustomerSettingsTab() {
  const { t } = useI18n();
  const showToast = useToast();
  const { data, error: loadError, loading } = useApiData(() => settingsApi.customers(), []);
  const { busy, error, run } = useApiAction();
  const [duplicateTaxCode, setDuplicateTaxCode] = useState<DuplicateTaxCodeMode>('warn');
  useEffect(() => {
    if (data) setDuplicateTaxCode(data.duplicateTaxCode);
  }, [data]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const saved = await run(async () => {
      const settings = await settingsApi.saveCustomers({ duplicateTaxCode });
      setDuplicateTaxCode(settings.duplicateTaxCode);
    });
    if (saved) showToast(t('customerSettings.saved'));
  };

  if (loading && !data) return <p className="muted">{t('common.loading')}</p>;
  if (loadError) return <ErrorMessage message={loadError} />;
  return (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset className="radio-group">
        <legend>{t('customerSettings.duplicateTaxCode')}</legend>
        {duplicateTaxCodeModes.map((mode) => (
          <label key={mode} className="radio">
            <input type="radio" name="duplicate-tax-code" value={mode} checked={duplicateTaxCode === mode} onChange={() => setDuplicateTaxCode(mode)} />
            <span>
              <strong>{t(`customerSettings.duplicateTaxCode.${mode}`)}</strong>
              <span className="muted"> — {t(`customerSettings.duplicateTaxCode.${mode}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <ErrorMessage message={error} />
      <div className="form-buttons">
        <Button type="submit" variant="primary" disabled={busy}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
