import type { TransferOwnerBody, TransferPreview } from '../../../shared/schemas/ownership';
import type { MessageKey } from '../../i18n/vi';

/** SPEC O1's options, in SPEC order. */
export const transferOptions = [
  'splitEvenly', 'transferOpenActivities', 'shareOldActivities', 'shareOldContracts', 'shareOldQuotes', 'shareOldOpportunities', 'shareOldOrders',
] as const satisfies readonly (keyof TransferOwnerBody)[];
export type TransferOption = (typeof transferOptions)[number];
export type TransferOptions = Record<TransferOption, boolean>;

export const noTransferOptions: TransferOptions = {
  splitEvenly: false, transferOpenActivities: false, shareOldActivities: false, shareOldContracts: false,
  shareOldQuotes: false, shareOldOpportunities: false, shareOldOrders: false,
};

/** The checkbox label of each option (SPEC's Vietnamese). */
export const transferOptionLabels: Record<TransferOption, MessageKey> = {
  splitEvenly: 'transfer.option.splitEvenly',
  transferOpenActivities: 'transfer.option.transferOpenActivities',
  shareOldActivities: 'transfer.option.shareOldActivities',
  shareOldContracts: 'transfer.option.shareOldContracts',
  shareOldQuotes: 'transfer.option.shareOldQuotes',
  shareOldOpportunities: 'transfer.option.shareOldOpportunities',
  shareOldOrders: 'transfer.option.shareOldOrders',
};

type Touch = keyof TransferPreview['touches'];

/** What each option touches (the preview's counts) and how that line reads. */
export const touchedBy: { option: TransferOption; touch: Touch; label: MessageKey }[] = [
  { option: 'transferOpenActivities', touch: 'openActivities', label: 'transfer.touches.openActivities' },
  { option: 'shareOldActivities', touch: 'activities', label: 'transfer.touches.activities' },
  { option: 'shareOldContracts', touch: 'contracts', label: 'transfer.touches.contracts' },
  { option: 'shareOldQuotes', touch: 'quotes', label: 'transfer.touches.quotes' },
  { option: 'shareOldOpportunities', touch: 'opportunities', label: 'transfer.touches.opportunities' },
  { option: 'shareOldOrders', touch: 'orders', label: 'transfer.touches.orders' },
];
