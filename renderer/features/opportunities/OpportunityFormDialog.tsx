import { useState } from 'react';
import { formatDateTime } from '../../../shared/format';
import { opportunityStages, type OpportunityStage } from '../../../shared/schemas/enums';
import type { LostReason, OpportunityDetail } from '../../../shared/schemas/opportunities';
import { ApiError } from '../../api/ApiError';
import type { FieldLabels } from '../../api/describeError';
import { lostReasonsApi } from '../../api/lostReasonsApi';
import { opportunitiesApi } from '../../api/opportunitiesApi';
import { useApiData } from '../../api/useApiData';
import { useSession } from '../../app/sessionContext';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { EnumSelect } from '../../ui/EnumSelect';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { ApiFormDialog } from '../common/ApiFormDialog';
import { UserPicker } from '../common/UserPicker';
import { CustomerPicker } from '../common/CustomerPicker';
import { problemText } from './formProblem';
import { opportunityBody, opportunityFormValues, type OpportunityFormValues } from './opportunityFormValues';
import './opportunities.css';
import { ProductLinesEditor } from './ProductLinesEditor';

type OpportunityFormDialogProps = {
  /** null: a new opportunity; otherwise the one to edit, loaded fresh (current version and lines). */
  opportunityId: number | null;
  onSaved: (opportunity: OpportunityDetail, created: boolean) => void;
  onClose: () => void;
};

/** Names the form's fields in the server's errors (`field`). */
const fieldLabels: FieldLabels = {
  name: 'opportunities.field.name',
  expectedDate: 'opportunities.field.expectedDate',
  ownerId: 'opportunities.field.owner',
  stage: 'opportunities.field.stage',
  customerId: 'opportunities.field.customer',
  lostReason: 'opportunities.field.lostReason',
  source: 'opportunities.field.source',
  type: 'opportunities.field.type',
  status: 'opportunities.field.status',
  probability: 'opportunities.field.probability',
  expectedRevenue: 'opportunities.field.expectedRevenue',
  startDate: 'opportunities.field.startDate',
  products: 'opportunities.field.products',
};

type Loaded = { opportunity: OpportunityDetail | null; reasons: LostReason[] };

async function load(opportunityId: number | null): Promise<Loaded> {
  const [opportunity, reasons] = await Promise.all([opportunityId ? opportunitiesApi.get(opportunityId) : null, lostReasonsApi.list()]);
  return { opportunity, reasons };
}

/** Thêm / Sửa cơ hội (S1); after a stale save, "Tải lại" loads the current version into a fresh form. */
export function OpportunityFormDialog({ opportunityId, onSaved, onClose }: OpportunityFormDialogProps) {
  const { t } = useI18n();
  const [generation, setGeneration] = useState(0);
  const loaded = useApiData(() => load(opportunityId), [opportunityId, generation]);
  if (!loaded.data || loaded.loading) {
    return (
      <Dialog title={opportunityId ? t('opportunities.form.editTitle', { number: '' }) : t('opportunities.form.createTitle')} onClose={onClose}>
        {loaded.error ? <ErrorMessage message={loaded.error} /> : <p>{t('common.loading')}</p>}
      </Dialog>
    );
  }
  return <OpportunityForm key={generation} {...loaded.data} onSaved={onSaved} onClose={onClose} onReload={() => setGeneration((value) => value + 1)} />;
}

type OpportunityFormProps = Loaded & Omit<OpportunityFormDialogProps, 'opportunityId'> & { onReload: () => void };

function OpportunityForm({ opportunity, reasons, onSaved, onClose, onReload }: OpportunityFormProps) {
  const { t } = useI18n();
  const { user } = useSession();
  const [values, setValues] = useState(() => opportunityFormValues(opportunity, { id: user.id, fullName: user.fullName }));
  /** Set when the server refused the save as stale: when the current version was made. */
  // Who made the version that refused the save, and when (from the reloaded opportunity).
  const [conflict, setConflict] = useState<{ by: string | null; at: string } | null>(null);
  const set = <Key extends keyof OpportunityFormValues>(key: Key, value: OpportunityFormValues[Key]) => setValues((current) => ({ ...current, [key]: value }));
  const text = (key: 'name' | 'source' | 'type' | 'status' | 'probability' | 'expectedRevenue' | 'expectedDate' | 'startDate') => ({
    value: values[key],
    onChange: (event: { target: { value: string } }) => set(key, event.target.value),
  });
  // A reason deleted from the list stays on the opportunities already lost for it.
  const reasonNames = reasons.map((reason) => reason.name);
  if (values.lostReason && !reasonNames.includes(values.lostReason)) reasonNames.push(values.lostReason);

  const submit = () => {
    const checked = opportunityBody(values);
    if ('problem' in checked) return problemText(t, checked.problem);
    return async () => {
      if (!opportunity) return onSaved(await opportunitiesApi.create(checked.body), true);
      try {
        onSaved(await opportunitiesApi.update(opportunity.id, { version: opportunity.version, ...checked.body }), false);
      } catch (failure) {
        if (!(failure instanceof ApiError) || failure.code !== 'VERSION_CONFLICT') throw failure;
        const current = await opportunitiesApi.get(opportunity.id).catch(() => null);
        setConflict({ by: current?.updatedByName ?? null, at: current?.updatedAt ?? new Date().toISOString() });
      }
    };
  };

  const conflictNotice = conflict && (
    <div className="warning-message" role="alert">
      <p>
        {conflict.by
          ? t('opportunities.form.conflictBy', { name: conflict.by, time: formatDateTime(conflict.at) })
          : t('opportunities.form.conflict', { time: formatDateTime(conflict.at) })}
      </p>
      <Button onClick={onReload}>{t('opportunities.form.reload')}</Button>
    </div>
  );

  return (
    <ApiFormDialog
      title={opportunity ? t('opportunities.form.editTitle', { number: opportunity.number }) : t('opportunities.form.createTitle')}
      fieldLabels={fieldLabels}
      submit={submit}
      notice={conflictNotice}
      onClose={onClose}
      wide
    >
      <div className="form-grid">
        <Field label={t('opportunities.field.name')} name="name" required wide>
          <input {...text('name')} maxLength={255} autoFocus />
        </Field>
        <Field label={t('opportunities.field.number')} name="number">
          <input value={opportunity?.number ?? ''} placeholder={t('opportunities.form.numberAuto')} readOnly />
        </Field>
        <Field label={t('opportunities.field.expectedDate')} name="expectedDate" required>
          <input {...text('expectedDate')} placeholder="dd/mm/yyyy" inputMode="numeric" />
        </Field>
        <Field label={t('opportunities.field.owner')} name="ownerId" required>
          <UserPicker scope="owner" value={values.owner} onChange={(owner) => owner && set('owner', owner)} />
        </Field>
        <Field label={t('opportunities.field.stage')} name="stage" required>
          <EnumSelect<OpportunityStage, OpportunityStage>
            value={values.stage}
            options={opportunityStages}
            optionLabel={(stage) => t(`opportunityStage.${stage}`)}
            fallback="initial"
            onChange={(stage) => set('stage', stage)}
          />
        </Field>
        <Field label={t('opportunities.field.customer')} name="customerId" required wide>
          <CustomerPicker value={values.customer} onChange={(customer) => set('customer', customer)} />
        </Field>
        {values.stage === 'lost' && (
          <Field label={t('opportunities.field.lostReason')} name="lostReason" required wide>
            <select value={values.lostReason} onChange={(event) => set('lostReason', event.target.value)}>
              <option value="">{t('opportunities.form.chooseLostReason')}</option>
              {reasonNames.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label={t('opportunities.field.source')} name="source">
          <input {...text('source')} maxLength={255} />
        </Field>
        <Field label={t('opportunities.field.type')} name="type">
          <input {...text('type')} maxLength={255} />
        </Field>
        <Field label={t('opportunities.field.status')} name="status">
          <input {...text('status')} maxLength={255} />
        </Field>
        <Field label={t('opportunities.field.probability')} name="probability">
          <input {...text('probability')} inputMode="numeric" maxLength={4} />
        </Field>
        <Field label={t('opportunities.field.expectedRevenue')} name="expectedRevenue">
          <input {...text('expectedRevenue')} inputMode="numeric" placeholder="1.500.000" />
        </Field>
        <Field label={t('opportunities.field.startDate')} name="startDate">
          <input {...text('startDate')} placeholder="dd/mm/yyyy" inputMode="numeric" />
        </Field>
      </div>
      <ProductLinesEditor lines={values.lines} onChange={(lines) => set('lines', lines)} />
    </ApiFormDialog>
  );
}
