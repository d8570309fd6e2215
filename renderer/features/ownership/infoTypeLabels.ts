import type { InfoType } from '../../../shared/schemas/enums';
import type { MessageKey } from '../../i18n/vi';

/** What a share reveals, as the share dialog and the "Chia sẻ" tab name it. */
export const infoTypeLabels: Record<InfoType, MessageKey> = {
  general: 'infoType.general',
  contacts: 'infoType.contacts',
  activities: 'infoType.activities',
  opportunities: 'infoType.opportunities',
  quotes: 'infoType.quotes',
  contracts: 'infoType.contracts',
  orders: 'infoType.orders',
};
