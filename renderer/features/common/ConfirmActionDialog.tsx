import { useApiAction } from '../../api/useApiAction';
import { useI18n } from '../../i18n/useI18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

type ConfirmActionDialogProps = {
  title: string;
  message: string;
  confirmLabel?: string;
  action: () => Promise<void>;
  onDone: () => void;
  onClose: () => void;
};

/** Asks first, then runs the API call; a failure stays in the dialog as a readable message. */
export function ConfirmActionDialog({ title, message, confirmLabel, action, onDone, onClose }: ConfirmActionDialogProps) {
  const { t } = useI18n();
  const { busy, error, run } = useApiAction();
  const confirm = async () => {
    if (await run(action)) onDone();
  };
  return (
    <ConfirmDialog
      title={title}
      message={message}
      confirmLabel={confirmLabel ?? t('common.delete')}
      cancelLabel={t('common.cancel')}
      busy={busy}
      error={error}
      onConfirm={() => void confirm()}
      onClose={onClose}
    />
  );
}
