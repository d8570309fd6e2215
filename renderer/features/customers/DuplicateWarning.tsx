import type { DuplicateMatches } from '../../../shared/schemas/customers';
import { useI18n } from '../../i18n/useI18n';
import type { MessageKey } from '../../i18n/vi';

const fieldLabels: Record<DuplicateMatches['matches'][number]['field'], MessageKey> = {
  taxCode: 'field.taxCode',
  phone: 'field.phone',
  email: 'field.email',
};

type DuplicateWarningProps = {
  found: DuplicateMatches;
  /** Leaves the form for the matching customer's detail. */
  onOpen: (customerId: number) => void;
};

/**
 * "Có thể trùng khách hàng": which saved customers share the tax code, phone or email, with a link
 * to those the user may open, and only "a customer of another staff member" for the others.
 */
export function DuplicateWarning({ found, onOpen }: DuplicateWarningProps) {
  const { t } = useI18n();
  return (
    <div className="warning-message" role="alert">
      <strong>{t('duplicates.title')}</strong>
      <ul>
        {found.matches.map((match, index) => {
          const field = t(fieldLabels[match.field]);
          const listed = found.matches.filter((other) => other.field === match.field && other.customer).length;
          const more = match.customer ? 0 : found.counts[match.field] - listed;
          return (
            <li key={`${match.field}-${match.customer?.id ?? 'hidden'}-${index}`}>
              {match.customer ? (
                <>
                  {t('duplicates.visible', { field, code: match.customer.code, name: match.customer.name, owner: match.customer.ownerName ?? '—' })}{' '}
                  <a
                    href={`#/customers/${match.customer.id}`}
                    onClick={(event) => {
                      event.preventDefault();
                      onOpen(match.customer!.id);
                    }}
                  >
                    {t('duplicates.open')}
                  </a>
                </>
              ) : (
                t(more > 1 ? 'duplicates.hiddenMany' : 'duplicates.hidden', { field, count: more })
              )}
            </li>
          );
        })}
      </ul>
      <span>{t('duplicates.confirmHint')}</span>
    </div>
  );
}
