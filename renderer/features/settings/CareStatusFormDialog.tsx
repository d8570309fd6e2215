import type { CareStatus } from '../../../shared/schemas/classification';
import { classificationApi } from '../../api/classificationApi';
import { useI18n } from '../../i18n/useI18n';
import { NameFormDialog } from '../common/NameFormDialog';

type CareStatusFormDialogProps = { status: CareStatus | null; onSaved: () => void; onClose: () => void };

/** A care status's name; renaming it renames it on its customers too. */
export function CareStatusFormDialog({ status, onSaved, onClose }: CareStatusFormDialogProps) {
  const { t } = useI18n();
  return (
    <NameFormDialog
      title={status ? t('careStatuses.editTitle') : t('careStatuses.createTitle')}
      labelKey="careStatuses.name"
      requiredKey="careStatuses.nameRequired"
      initialName={status?.name ?? ''}
      maxLength={100}
      save={(name) => (status ? classificationApi.updateCareStatus(status.id, { name }) : classificationApi.createCareStatus({ name }))}
      onSaved={onSaved}
      onClose={onClose}
    />
  );
}
