import { useState, type FormEvent } from 'react';
import { formatDate, parseDisplayDate, todayInVietnam } from '../../../shared/format';
import { poolApi } from '../../api/poolApi';
import { useApiAction } from '../../api/useApiAction';
import { navigate } from '../../app/navigate';
import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PoolPreviewGrid } from './PoolPreviewGrid';

/**
 * The moment a preview evaluates the rules at: now for today (what Reset would move), otherwise
 * noon of the chosen day in Vietnam (the rules compare Vietnamese calendar days only).
 */
function asOfInstant(day: string): string {
  return day === todayInVietnam() ? new Date().toISOString() : `${day}T12:00:00+07:00`;
}

type Shown = { result: Awaited<ReturnType<typeof poolApi.preview>>; generation: number };

/** Xem trước: what the enabled rules (as saved) would move on a chosen day, moving nothing. */
export function PoolPreview() {
  const { t, locale } = useI18n();
  const [dayText, setDayText] = useState(() => formatDate(todayInVietnam()));
  const [shown, setShown] = useState<Shown | null>(null);
  const { busy, error, setError, run } = useApiAction();

  const preview = (event: FormEvent) => {
    event.preventDefault();
    const day = parseDisplayDate(dayText);
    if (!day) {
      setError(t('pool.preview.dateInvalid'));
      return;
    }
    void run(async () => {
      const result = await poolApi.preview(asOfInstant(day));
      setShown((last) => ({ result, generation: (last?.generation ?? 0) + 1 }));
    });
  };

  const count = (value: number) => formatCount(value, locale);
  return (
    <section className="pool-preview" aria-labelledby="pool-preview-title">
      <h2 id="pool-preview-title" className="pool-heading">
        {t('pool.preview')}
      </h2>
      <p className="muted">{t('pool.preview.hint')}</p>
      <form className="toolbar-row" onSubmit={preview} noValidate>
        <label className="toolbar-field">
          <span className="toolbar-label">{t('pool.preview.asOf')}</span>
          <input className="pool-date" value={dayText} onChange={(event) => setDayText(event.target.value)} placeholder="dd/mm/yyyy" inputMode="numeric" />
        </label>
        <Button type="submit" disabled={busy}>
          {t('pool.preview')}
        </Button>
      </form>
      <ErrorMessage message={error} />
      {shown && (
        <>
          <p className="pool-preview-total" role="status">
            <strong>{t('pool.preview.total', { count: count(shown.result.preview.total) })}</strong>
            {shown.result.preview.rows.length < shown.result.preview.total && <span className="muted"> {t('pool.preview.shown', { count: count(shown.result.preview.rows.length) })}</span>}
          </p>
          <div className="pool-preview-grid">
            <PoolPreviewGrid key={shown.generation} rows={shown.result.preview.rows} onOpen={(row) => navigate(`/customers/${row.customerId}`)} />
          </div>
        </>
      )}
    </section>
  );
}
