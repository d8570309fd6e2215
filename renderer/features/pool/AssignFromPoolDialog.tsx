import { useState } from 'react';
import { poolApi } from '../../api/poolApi';
import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { Field } from '../../ui/Field';
import { ApiFormDialog } from '../common/ApiFormDialog';
import type { PickedUser } from '../common/searchUsers';
import { UserPicker } from '../common/UserPicker';
import type { SelectionTarget } from '../customers/customerSelection';

type AssignFromPoolDialogProps = {
  target: SelectionTarget;
  count: number;
  onAssigned: (assigned: number, ownerName: string) => void;
  onClose: () => void;
};

/** Giao cho… (managers and admins): the selected pool customers to one owner the caller may assign. */
export function AssignFromPoolDialog({ target, count, onAssigned, onClose }: AssignFromPoolDialogProps) {
  const { t, locale } = useI18n();
  const [owner, setOwner] = useState<PickedUser | null>(null);
  const submit = () => {
    if (!owner) return { field: 'ownerId', message: t('pool.assign.pickOwner') };
    return async () => {
      const { assigned } = await poolApi.assign({ ...target, ownerId: owner.id });
      onAssigned(assigned, owner.fullName);
    };
  };
  return (
    <ApiFormDialog title={t('pool.assign.title')} submitLabel={t('pool.assign.submit')} submit={submit} onClose={onClose}>
      <p>{t('pool.assign.target', { count: formatCount(count, locale) })}</p>
      <Field label={t('pool.assign.owner')} name="ownerId" required>
        <UserPicker scope="owner" value={owner} onChange={setOwner} />
      </Field>
    </ApiFormDialog>
  );
}
