import { useState } from 'react';
import { formatDate } from '../../../../shared/format';
import type { TransferBatch } from '../../../../shared/schemas/ownership';
import { customersApi, type OwnershipChangeRow } from '../../../api/customersApi';
import { ownershipApi } from '../../../api/ownershipApi';
import { useApiData } from '../../../api/useApiData';
import { useI18n } from '../../../i18n/useI18n';
import type { MessageKey } from '../../../i18n/vi';
import { Button } from '../../../ui/Button';
import { DataTable } from '../../../ui/DataTable';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { UndoTransferDialog } from '../../ownership/UndoTransferDialog';

const reasonKeys: Record<string, MessageKey> = {
  create: 'ownershipReason.create',
  transfer: 'ownershipReason.transfer',
  claim: 'ownershipReason.claim',
  pool: 'ownershipReason.pool',
  conversion: 'ownershipReason.conversion',
  edit: 'ownershipReason.edit',
  undo: 'ownershipReason.undo',
};

/**
 * The batches behind the history's transfers, one request per batch (a customer has few), to
 * know which may be undone. A batch the server will not show is one the user cannot undo.
 */
async function batchesOf(history: OwnershipChangeRow[]): Promise<Map<number, TransferBatch>> {
  const ids = [...new Set(history.flatMap((change) => (change.batchId ? [change.batchId] : [])))];
  const batches = await Promise.all(ids.map((id) => ownershipApi.batch(id).catch(() => null)));
  return new Map(batches.flatMap((batch) => (batch ? [[batch.id, batch] as const] : [])));
}

type OwnershipHistoryProps = {
  customerId: number;
  customerName: string;
  /** After an undo: the customer and the grid changed. */
  onChanged: () => void;
};

/** Who owned the customer when, newest first; a transfer whose batch the user may still undo offers "Hoàn tác". */
export function OwnershipHistory({ customerId, customerName, onChanged }: OwnershipHistoryProps) {
  const { t } = useI18n();
  const { data, error, reload } = useApiData(async () => {
    const history = await customersApi.history(customerId);
    return { history, batches: await batchesOf(history) };
  }, [customerId]);
  const [undoing, setUndoing] = useState<TransferBatch | null>(null);
  if (error) return <ErrorMessage message={error} />;
  // While reloading after an undo the old rows stay, and so does the undo's result dialog.
  if (!data) return <p>{t('common.loading')}</p>;
  if (data.history.length === 0) return <p className="muted">{t('customers.history.empty')}</p>;
  const batchOf = (change: OwnershipChangeRow) => (change.batchId ? data.batches.get(change.batchId) : undefined);
  return (
    <>
      <DataTable
        rows={data.history}
        columns={[
          { header: t('field.date'), cell: (change) => formatDate(change.at) },
          { header: t('customers.history.from'), cell: (change) => change.fromUserName ?? '—' },
          { header: t('customers.history.to'), cell: (change) => change.toUserName ?? '—' },
          { header: t('customers.history.reason'), cell: (change) => (reasonKeys[change.reason] ? t(reasonKeys[change.reason]) : change.reason) },
        ]}
        actions={{
          label: t('common.actions'),
          cell: (change) => {
            const batch = batchOf(change);
            return (
              batch?.canUndo && (
                <Button variant="link" onClick={() => setUndoing(batch)}>
                  {t('undo.action')}
                </Button>
              )
            );
          },
        }}
      />
      {undoing && (
        <UndoTransferDialog
          batchId={undoing.id}
          customerCount={undoing.customerCount}
          customerNames={new Map([[customerId, customerName]])}
          onUndone={() => {
            reload();
            onChanged();
          }}
          onClose={() => setUndoing(null)}
        />
      )}
    </>
  );
}
