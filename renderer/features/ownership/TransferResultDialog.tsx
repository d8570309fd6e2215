import { useState } from 'react';
import type { TransferResult, UndoResult } from '../../../shared/schemas/ownership';
import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { DataTable } from '../../ui/DataTable';
import { BulkResultReport } from '../common/BulkResultReport';
import { skippedWithoutRights } from '../common/skippedWithoutRights';
import type { BulkRequest } from './bulkRequest';
import { transferReportSheet } from './transferReportSheet';
import { UndoTransferDialog } from './UndoTransferDialog';

/** Transfers of more customers than this offer the .xlsx report (a few fit on the screen). */
const reportFrom = 50;

type TransferResultDialogProps = {
  request: BulkRequest;
  result: TransferResult;
  onUndone: (restored: number) => void;
  onClose: () => void;
};

/** After "Cập nhật": how many moved to whom, "Hoàn tác", and the report for large transfers. */
export function TransferResultDialog({ request, result, onUndone, onClose }: TransferResultDialogProps) {
  const { t, locale } = useI18n();
  const [undoing, setUndoing] = useState(false);
  const [undone, setUndone] = useState<UndoResult | null>(null);
  const number = (value: number) => formatCount(value, locale);
  const names = new Map(request.knownRows.map((row) => [row.id, row.name]));
  return (
    <>
      <BulkResultReport
        title={t('transfer.result.title', { id: result.batchId })}
        summary={t('transfer.result.summary', { count: number(result.total) })}
        skipped={skippedWithoutRights(request.count, result.total, t)}
        details={
          <>
            <DataTable
              rows={result.recipients.map((recipient) => ({ ...recipient, id: recipient.userId }))}
              columns={[
                { header: t('transfer.recipient'), cell: (recipient) => recipient.fullName },
                { header: t('transfer.customerCount'), numeric: true, cell: (recipient) => number(recipient.count) },
              ]}
            />
            {undone && <p className="notice">{t('transfer.result.undone', { count: number(undone.restored) })}</p>}
          </>
        }
        actions={!undone && <Button onClick={() => setUndoing(true)}>{t('undo.action')}</Button>}
        report={
          result.total > reportFrom
            ? { fileName: t('transfer.report.fileName', { id: result.batchId }), build: () => transferReportSheet(request, result, t) }
            : undefined
        }
        onClose={onClose}
      />
      {undoing && (
        <UndoTransferDialog
          batchId={result.batchId}
          customerCount={result.total}
          customerNames={names}
          onUndone={(outcome) => {
            setUndone(outcome);
            onUndone(outcome.restored);
          }}
          onClose={() => setUndoing(false)}
        />
      )}
    </>
  );
}
