import { useContext } from 'react';
import { formatMoney } from '../../../shared/format';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { FormErrorContext } from '../../ui/formErrorContext';
import { lineAmount, linesTotal, moneyInput, newLine, type LineDraft } from './opportunityFormValues';
import { ProductPicker } from './ProductPicker';

type ProductLinesEditorProps = { lines: LineDraft[]; onChange: (lines: LineDraft[]) => void };

/**
 * The opportunity's product lines: a product picked by code or name (its price prefills the line),
 * quantity, price, amount, and the total. An error about `products` (the form's check or the
 * server's `products.N.…`) shows here and focuses the first input, like a Field.
 */
export function ProductLinesEditor({ lines, onChange }: ProductLinesEditorProps) {
  const { t } = useI18n();
  const formError = useContext(FormErrorContext);
  const error = formError?.field === 'products' ? formError.message : null;
  const change = (key: number, patch: Partial<LineDraft>) => onChange(lines.map((line) => (line.key === key ? { ...line, ...patch } : line)));
  return (
    <fieldset className={error ? 'checkbox-group product-lines field-invalid' : 'checkbox-group product-lines'} data-field="products">
      <legend>{t('opportunities.field.products')}</legend>
      {lines.length === 0 ? (
        <p className="muted">{t('opportunities.lines.empty')}</p>
      ) : (
        <table className="table product-lines-table">
          <thead>
            <tr>
              <th>{t('opportunities.lines.product')}</th>
              <th>{t('opportunities.lines.unit')}</th>
              <th className="number">{t('opportunities.lines.quantity')}</th>
              <th className="number">{t('opportunities.lines.price')}</th>
              <th className="number">{t('opportunities.lines.amount')}</th>
              <th aria-label={t('common.actions')} />
            </tr>
          </thead>
          <tbody>
            {lines.map((line, position) => {
              const index = position + 1;
              return (
                <tr key={line.key}>
                  <td className="product-lines-product">
                    <ProductPicker
                      ariaLabel={`${t('opportunities.lines.product')} ${index}`}
                      value={line.product}
                      onChange={(product) => change(line.key, { product, price: moneyInput(product.price) })}
                    />
                  </td>
                  <td>{line.product?.unit ?? ''}</td>
                  <td className="number">
                    <input
                      className="product-lines-quantity"
                      aria-label={`${t('opportunities.lines.quantity')} ${index}`}
                      inputMode="decimal"
                      value={line.quantity}
                      onChange={(event) => change(line.key, { quantity: event.target.value })}
                    />
                  </td>
                  <td className="number">
                    <input
                      className="product-lines-price"
                      aria-label={`${t('opportunities.lines.price')} ${index}`}
                      inputMode="numeric"
                      value={line.price}
                      onChange={(event) => change(line.key, { price: event.target.value })}
                    />
                  </td>
                  <td className="number">{formatMoney(lineAmount(line))}</td>
                  <td className="row-actions">
                    <Button variant="link" aria-label={t('opportunities.lines.remove', { index })} onClick={() => onChange(lines.filter((other) => other.key !== line.key))}>
                      ×
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={4}>{t('opportunities.lines.total')}</th>
              <th className="number" data-testid="lines-total">
                {formatMoney(linesTotal(lines))}
              </th>
              <th />
            </tr>
          </tfoot>
        </table>
      )}
      <div className="section-actions">
        <Button onClick={() => onChange([...lines, newLine()])}>{t('opportunities.lines.add')}</Button>
      </div>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
