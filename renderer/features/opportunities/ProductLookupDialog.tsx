import { useEffect, useState, type FormEvent } from 'react';
import { formatDate, formatMoney, parseDisplayDate } from '../../../shared/format';
import type { OpportunityProductQuery, OpportunityProductRow } from '../../../shared/schemas/opportunities';
import { opportunitiesApi } from '../../api/opportunitiesApi';
import { useApiAction } from '../../api/useApiAction';
import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { DataTable, type Column } from '../../ui/DataTable';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { FormErrorContext } from '../../ui/formErrorContext';

type LookupDraft = { productCode: string; productName: string; customer: string; from: string; to: string };
const defaults: LookupDraft = { productCode: '', productName: '', customer: '', from: '', to: '' };
/** The server answers at most this many lines. */
const rowLimit = 500;

type Row = OpportunityProductRow & { id: number };

/** The query of a filled form, or the date field that is not dd/MM/yyyy. */
function lookupQuery(draft: LookupDraft): { query: OpportunityProductQuery } | { invalid: 'from' | 'to' } {
  const query: OpportunityProductQuery = {};
  for (const key of ['productCode', 'productName', 'customer'] as const) if (draft[key].trim()) query[key] = draft[key].trim();
  for (const key of ['from', 'to'] as const) {
    if (!draft[key].trim()) continue;
    const day = parseDisplayDate(draft[key]);
    if (!day) return { invalid: key };
    query[key] = day;
  }
  return { query };
}

/** S3 Tra cứu hàng hóa trong cơ hội: product lines of the opportunities the user may see; Tìm kiếm, Mặc định (reset), Bỏ qua (close). */
export function ProductLookupDialog({ onClose }: { onClose: () => void }) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState(defaults);
  const [rows, setRows] = useState<Row[] | null>(null);
  const { busy, formError, setError, run } = useApiAction();
  const text = (key: keyof LookupDraft) => ({ value: draft[key], onChange: (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [key]: event.target.value })) });

  const search = (values: LookupDraft) => {
    const checked = lookupQuery(values);
    if ('invalid' in checked) {
      const label = t(checked.invalid === 'from' ? 'opportunities.lookup.from' : 'opportunities.lookup.to');
      return setError(t('opportunities.form.invalidDate', { field: label }), checked.invalid);
    }
    void run(async () => {
      const found = await opportunitiesApi.products(checked.query);
      setRows(found.map((row) => ({ ...row, id: row.lineId })));
    });
  };
  // Opens on the newest lines, like a search with nothing filled in.
  useEffect(() => search(defaults), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    search(draft);
  };
  const columns: Column<Row>[] = [
    { header: t('opportunities.field.number'), cell: (row) => row.opportunityNumber },
    { header: t('opportunities.field.name'), cell: (row) => row.opportunityName },
    { header: t('opportunities.field.customer'), cell: (row) => row.customerName },
    { header: t('opportunities.lines.code'), cell: (row) => row.productCode },
    { header: t('opportunities.lookup.productName'), cell: (row) => row.productName },
    { header: t('opportunities.lines.quantity'), numeric: true, cell: (row) => row.quantity.toLocaleString('vi-VN') },
    { header: t('opportunities.lines.price'), numeric: true, cell: (row) => formatMoney(row.price) },
    { header: t('opportunities.lines.amount'), numeric: true, cell: (row) => formatMoney(row.amount) },
    { header: t('opportunities.field.startDate'), cell: (row) => formatDate(row.startDate) },
    { header: t('opportunities.field.expectedDate'), cell: (row) => formatDate(row.expectedDate) },
    { header: t('opportunities.field.stage'), cell: (row) => t(`opportunityStage.${row.stage}`) },
  ];

  return (
    <Dialog title={t('opportunities.lookup.title')} onClose={onClose} wide>
      <form className="form product-lookup" onSubmit={submit} noValidate>
        <FormErrorContext.Provider value={formError}>
          <div className="form-grid product-lookup-fields">
            <Field label={t('opportunities.lookup.productCode')} name="productCode">
              <input {...text('productCode')} maxLength={60} autoFocus />
            </Field>
            <Field label={t('opportunities.lookup.productName')} name="productName">
              <input {...text('productName')} maxLength={200} />
            </Field>
            <Field label={t('opportunities.field.customer')} name="customer">
              <input {...text('customer')} maxLength={200} />
            </Field>
            <Field label={t('opportunities.lookup.from')} name="from">
              <input {...text('from')} placeholder="dd/mm/yyyy" inputMode="numeric" />
            </Field>
            <Field label={t('opportunities.lookup.to')} name="to">
              <input {...text('to')} placeholder="dd/mm/yyyy" inputMode="numeric" />
            </Field>
          </div>
        </FormErrorContext.Provider>
        {formError?.field === undefined && <ErrorMessage message={formError?.message} />}
        <div className="form-buttons">
          <Button type="submit" variant="primary" disabled={busy}>
            {t('opportunities.lookup.search')}
          </Button>
          <Button onClick={() => setDraft(defaults)}>{t('opportunities.lookup.defaults')}</Button>
          <Button onClick={onClose}>{t('opportunities.lookup.close')}</Button>
        </div>
      </form>
      {rows && (
        <div className="product-lookup-results">
          <p className="muted" role="status">
            {rows.length === 0 ? t('opportunities.lookup.empty') : t('opportunities.lookup.count', { count: formatCount(rows.length, locale) })}
            {rows.length >= rowLimit && ` ${t('opportunities.lookup.limit')}`}
          </p>
          {rows.length > 0 && <DataTable columns={columns} rows={rows} />}
        </div>
      )}
    </Dialog>
  );
}
