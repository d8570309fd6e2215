import { customersApi } from '../../api/customersApi';
import { useI18n } from '../../i18n/useI18n';
import { Combobox } from '../../ui/Combobox';

export type PickedCustomer = { id: number; name: string };

type CustomerPickerProps = { value: PickedCustomer | null; onChange: (customer: PickedCustomer) => void; ariaLabel?: string };

const pageSize = 20;

/** Picks one customer the user may see by typing part of its name (the server searches; a million customers never load). */
export function CustomerPicker({ value, onChange, ariaLabel }: CustomerPickerProps) {
  const { t } = useI18n();
  const search = async (text: string) => {
    const page = await customersApi.list({ search: text || undefined, limit: pageSize });
    return page.rows.map((customer) => ({ id: customer.id, label: customer.name, detail: customer.code }));
  };
  return (
    <Combobox
      ariaLabel={ariaLabel}
      placeholder={t('customerPicker.placeholder')}
      selectedText={value?.name ?? ''}
      search={search}
      noMatchesText={t('customerPicker.noMatches')}
      onPick={(option) => onChange({ id: option.id, name: option.label })}
    />
  );
}
