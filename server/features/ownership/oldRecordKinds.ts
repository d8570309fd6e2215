type ShareOption = 'shareOldActivities' | 'shareOldContracts' | 'shareOldQuotes' | 'shareOldOpportunities' | 'shareOldOrders';
type OldRecordKind = {
  option: ShareOption;
  /** record_shares.record_type */
  recordType: 'activity' | 'contract' | 'quote' | 'opportunity' | 'order';
  table: 'activities' | 'contracts' | 'quotes' | 'opportunities' | 'orders';
};

/** The transfer options that share a customer's existing records with its new owner, and where those records live. */
export const oldRecordKinds: OldRecordKind[] = [
  { option: 'shareOldActivities', recordType: 'activity', table: 'activities' },
  { option: 'shareOldContracts', recordType: 'contract', table: 'contracts' },
  { option: 'shareOldQuotes', recordType: 'quote', table: 'quotes' },
  { option: 'shareOldOpportunities', recordType: 'opportunity', table: 'opportunities' },
  { option: 'shareOldOrders', recordType: 'order', table: 'orders' },
];

/** Open activities (chưa thực hiện, đang thực hiện): what "transfer open activities" moves. */
export const openActivityStatuses = ['not_started', 'in_progress'];
