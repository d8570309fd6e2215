import { useRef } from 'react';
import { formatMoney } from '../../../shared/format';
import type { Product } from '../../../shared/schemas/products';
import { productsApi } from '../../api/productsApi';
import { useI18n } from '../../i18n/useI18n';
import { Combobox } from '../../ui/Combobox';

type ProductPickerProps = { value: Pick<Product, 'code' | 'name'> | null; onChange: (product: Product) => void; ariaLabel: string };

const pageSize = 20;

export const productText = (product: Pick<Product, 'code' | 'name'>) => `${product.code} — ${product.name}`;

/** Picks a product by part of its code or name (GET /api/products?search=, accents ignored); hands over the whole product (its price prefills the line). */
export function ProductPicker({ value, onChange, ariaLabel }: ProductPickerProps) {
  const { t } = useI18n();
  const found = useRef(new Map<number, Product>());
  const search = async (text: string) => {
    const page = await productsApi.list({ search: text || undefined, limit: pageSize });
    found.current = new Map(page.rows.map((product) => [product.id, product]));
    return page.rows.map((product) => ({ id: product.id, label: productText(product), detail: formatMoney(product.price) }));
  };
  return (
    <Combobox
      ariaLabel={ariaLabel}
      placeholder={t('opportunities.lines.pickProduct')}
      selectedText={value ? productText(value) : ''}
      search={search}
      noMatchesText={t('opportunities.lines.noProducts')}
      onPick={(option) => {
        const product = found.current.get(option.id);
        if (product) onChange(product);
      }}
    />
  );
}
