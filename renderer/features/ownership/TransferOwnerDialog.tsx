import { useState } from 'react';
import type { TransferOwnerBody, TransferPreview, TransferResult } from '../../../shared/schemas/ownership';
import { ownershipApi } from '../../api/ownershipApi';
import { useIdempotencyKey } from '../../api/useIdempotencyKey';
import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { FieldMessage } from '../../ui/FieldMessage';
import { ApiFormDialog, type Submission } from '../common/ApiFormDialog';
import type { BulkRequest } from './bulkRequest';
import { RecipientPicker } from './RecipientPicker';
import { recipientFieldLabels, recipientIds, type Recipient } from './recipients';
import { noTransferOptions, transferOptionLabels, transferOptions, type TransferOptions } from './transferOptions';
import { TransferPreviewPanel } from './TransferPreviewPanel';
import { TransferResultDialog } from './TransferResultDialog';

const fieldLabels = { ...recipientFieldLabels, splitEvenly: 'transfer.option.splitEvenly' } as const;

type TransferOwnerDialogProps = {
  request: BulkRequest;
  /** After the transfer and after an undo: refresh what shows the customers. */
  onChanged: (message: string) => void;
  onClose: () => void;
};

/**
 * O1 Chuyển chủ sở hữu: recipients, SPEC's options, "Xem trước" (the plan, nothing changed) and
 * "Cập nhật" (sent with an Idempotency-Key, so a double click or a retry transfers once); then the result.
 */
export function TransferOwnerDialog({ request, onChanged, onClose }: TransferOwnerDialogProps) {
  const { t, locale } = useI18n();
  const keyFor = useIdempotencyKey();
  const [recipients, setRecipients] = useState<Recipient[]>([]);
  const [options, setOptions] = useState<TransferOptions>(noTransferOptions);
  const [preview, setPreview] = useState<{ body: string; plan: TransferPreview } | null>(null);
  const [result, setResult] = useState<TransferResult | null>(null);

  const body: TransferOwnerBody = { ...request.target, ...(request.target.filter && request.sort ? { sort: request.sort } : {}), ...recipientIds(recipients), ...options };
  const checked = (send: () => Promise<void>): Submission => {
    if (recipients.length === 0) return { field: 'userIds', message: t('transfer.pickRecipient') };
    if (recipients.length > 1 && !options.splitEvenly) return { field: 'splitEvenly', message: t('transfer.splitRequired') };
    return send;
  };
  // A preview stays next to the form only while it still describes what would be sent.
  const currentPreview = preview?.body === JSON.stringify(body) ? preview.plan : null;

  if (result) {
    return (
      <TransferResultDialog
        request={request}
        result={result}
        onUndone={(restored) => onChanged(t('transfer.undone', { count: formatCount(restored, locale) }))}
        onClose={onClose}
      />
    );
  }
  return (
    <ApiFormDialog
      title={t('transfer.title')}
      submitLabel={t('transfer.submit')}
      secondary={{
        label: t('transfer.preview'),
        submit: () => checked(async () => setPreview({ body: JSON.stringify(body), plan: await ownershipApi.previewTransfer(body) })),
      }}
      submit={() =>
        checked(async () => {
          const done = await ownershipApi.transfer(body, keyFor(body));
          setResult(done);
          onChanged(t('transfer.done', { count: formatCount(done.total, locale) }));
        })
      }
      fieldLabels={fieldLabels}
      onClose={onClose}
      wide
    >
      <p>{t('transfer.target', { count: formatCount(request.count, locale) })}</p>
      <RecipientPicker value={recipients} onChange={setRecipients} />
      <fieldset className="checkbox-group">
        <legend>{t('transfer.options')}</legend>
        <div className="option-grid">
          {transferOptions.map((option) => (
            <FieldMessage key={option} name={option}>
              <label className="checkbox">
                <input type="checkbox" checked={options[option]} onChange={(event) => setOptions({ ...options, [option]: event.target.checked })} />
                {t(transferOptionLabels[option])}
              </label>
            </FieldMessage>
          ))}
        </div>
      </fieldset>
      {currentPreview && <TransferPreviewPanel preview={currentPreview} options={options} />}
    </ApiFormDialog>
  );
}
