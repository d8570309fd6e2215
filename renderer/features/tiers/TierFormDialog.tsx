import { useState } from 'react';
import type { CreateTierBody, Tier, TierBasis, TierWriteResult } from '../../../shared/schemas/tiers';
import type { FieldLabels } from '../../api/describeError';
import { tiersApi } from '../../api/tiersApi';
import { useI18n } from '../../i18n/useI18n';
import { Field } from '../../ui/Field';
import { RadioChoices } from '../../ui/RadioChoices';
import { ApiFormDialog } from '../common/ApiFormDialog';
import { ApplyToItemsDialog } from './ApplyToItemsDialog';

type TierFormDialogProps = { tier: Tier | null; basis: TierBasis; onSaved: (result: TierWriteResult, applied: boolean) => void; onClose: () => void };

type Kind = 'amount' | 'contracts';

const fieldLabels: FieldLabels = { name: 'tiers.name', minAmount: 'tiers.minAmount', minContracts: 'tiers.minContracts', discountPercent: 'tiers.discount' };

/** "50.000.000", "50000000" or "50 000 000" → 50000000; null when it is not a whole amount. */
const parseAmount = (text: string): number | null => {
  const digits = text.replace(/[.\s₫]/g, '');
  return /^\d+$/.test(digits) ? Number(digits) : null;
};

/**
 * A tier's name, threshold (an amount, or under basis revenue a number of contracts) and discount.
 * Saving asks first whether the discount goes onto the open quote and order lines of its customers.
 */
export function TierFormDialog({ tier, basis, onSaved, onClose }: TierFormDialogProps) {
  const { t } = useI18n();
  const [name, setName] = useState(tier?.name ?? '');
  const [kind, setKind] = useState<Kind>(tier?.minContracts !== null && tier?.minContracts !== undefined ? 'contracts' : 'amount');
  const [threshold, setThreshold] = useState(String(tier?.minAmount ?? tier?.minContracts ?? ''));
  const [discount, setDiscount] = useState(String(tier?.discountPercent ?? ''));
  const [asking, setAsking] = useState<{ discountPercent: number; resolve: (apply: boolean | null) => void } | null>(null);
  const askApply = (discountPercent: number) => new Promise<boolean | null>((resolve) => setAsking({ discountPercent, resolve }));

  const submit = () => {
    if (!name.trim()) return { field: 'name', message: t('tiers.nameRequired') };
    if (kind === 'contracts' && basis === 'payment') return { field: 'minContracts', message: t('tiers.contractsNeedRevenue') };
    const amount = parseAmount(threshold);
    if (kind === 'amount' && amount === null) return { field: 'minAmount', message: t('tiers.amountInvalid') };
    if (kind === 'contracts' && !/^\d+$/.test(threshold.trim())) return { field: 'minContracts', message: t('tiers.contractsInvalid') };
    const discountPercent = Number(discount.trim().replace(',', '.'));
    if (!discount.trim() || !Number.isFinite(discountPercent) || discountPercent < 0 || discountPercent > 100) return { field: 'discountPercent', message: t('tiers.discountInvalid') };
    const body: Omit<CreateTierBody, 'applyToExistingItems'> = {
      name: name.trim(), discountPercent, ...(kind === 'amount' ? { minAmount: amount! } : { minContracts: Number(threshold.trim()) }),
    };
    return async () => {
      const apply = await askApply(discountPercent);
      if (apply === null) return;
      const saved = tier ? await tiersApi.update(tier.id, { ...body, applyToExistingItems: apply }) : await tiersApi.create({ ...body, applyToExistingItems: apply });
      onSaved(saved, apply);
    };
  };

  return (
    <>
      <ApiFormDialog title={tier ? t('tiers.editTitle') : t('tiers.createTitle')} fieldLabels={fieldLabels} submit={submit} onClose={onClose}>
        <Field label={t('tiers.name')} name="name" required>
          <input value={name} onChange={(event) => setName(event.target.value)} autoFocus />
        </Field>
        <RadioChoices<Kind>
          legend={t('tiers.thresholdKind')}
          name="tier-threshold-kind"
          value={kind}
          onChange={setKind}
          choices={[
            { value: 'amount', label: t('tiers.kind.amount'), hint: t(`tiers.basis.${basis}.hint`) },
            ...(basis === 'revenue' ? [{ value: 'contracts' as const, label: t('tiers.kind.contracts'), hint: t('tiers.atLeastContracts', { count: 'N' }) }] : []),
          ]}
        />
        {kind === 'amount' ? (
          <Field label={t('tiers.minAmount')} name="minAmount" required>
            <input value={threshold} onChange={(event) => setThreshold(event.target.value)} inputMode="numeric" />
          </Field>
        ) : (
          <Field label={t('tiers.minContracts')} name="minContracts" required>
            <input value={threshold} onChange={(event) => setThreshold(event.target.value)} inputMode="numeric" />
          </Field>
        )}
        <Field label={t('tiers.discount')} name="discountPercent" required>
          <input value={discount} onChange={(event) => setDiscount(event.target.value)} inputMode="decimal" />
        </Field>
      </ApiFormDialog>
      {asking && (
        <ApplyToItemsDialog
          name={name.trim()}
          discountPercent={asking.discountPercent}
          onChoose={(apply) => {
            asking.resolve(apply);
            setAsking(null);
          }}
        />
      )}
    </>
  );
}
