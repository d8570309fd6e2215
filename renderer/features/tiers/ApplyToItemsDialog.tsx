import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';

type ApplyToItemsDialogProps = {
  name: string;
  discountPercent: number;
  /** true: re-price the open quote and order lines; false: leave them; null: back to the form. */
  onChoose: (apply: boolean | null) => void;
};

/** C4: saving a tier asks whether its new discount goes onto the open documents of its customers. */
export function ApplyToItemsDialog({ name, discountPercent, onChoose }: ApplyToItemsDialogProps) {
  const { t } = useI18n();
  return (
    <Dialog
      title={t('tiers.applyTitle')}
      wide
      onClose={() => onChoose(null)}
      footer={
        <>
          <Button onClick={() => onChoose(null)}>{t('common.cancel')}</Button>
          <Button onClick={() => onChoose(false)}>{t('tiers.applyNone')}</Button>
          <Button variant="primary" onClick={() => onChoose(true)}>
            {t('tiers.applyAll')}
          </Button>
        </>
      }
    >
      <p>{t('tiers.applyQuestion', { name, discount: discountPercent })}</p>
    </Dialog>
  );
}
