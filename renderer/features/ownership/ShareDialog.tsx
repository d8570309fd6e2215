import { useState } from 'react';
import { infoTypes, shareModes, type InfoType, type ShareMode } from '../../../shared/schemas/enums';
import type { ShareBody } from '../../../shared/schemas/ownership';
import { ownershipApi } from '../../api/ownershipApi';
import { useIdempotencyKey } from '../../api/useIdempotencyKey';
import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { FieldMessage } from '../../ui/FieldMessage';
import { RadioChoices } from '../../ui/RadioChoices';
import { ApiFormDialog } from '../common/ApiFormDialog';
import type { BulkRequest } from './bulkRequest';
import { infoTypeLabels } from './infoTypeLabels';
import { RecipientPicker } from './RecipientPicker';
import { recipientFieldLabels, recipientIds, type Recipient } from './recipients';

type ShareDialogProps = {
  request: BulkRequest;
  /** After the share: what to tell the user. */
  onShared: (message: string) => void;
  onClose: () => void;
};

/** O2 Chia sẻ khách hàng: with users and/or departments, which info types, add / replace / remove. */
export function ShareDialog({ request, onShared, onClose }: ShareDialogProps) {
  const { t, locale } = useI18n();
  const keyFor = useIdempotencyKey();
  const [recipients, setRecipients] = useState<Recipient[]>([]);
  const [types, setTypes] = useState<InfoType[]>(['general']);
  const [mode, setMode] = useState<ShareMode>('add');
  const number = (value: number) => formatCount(value, locale);

  const submit = () => {
    if (recipients.length === 0) return { field: 'userIds', message: t('share.pickRecipient') };
    if (types.length === 0) return { field: 'infoTypes', message: t('share.pickInfoType') };
    const body: ShareBody = { ...request.target, ...recipientIds(recipients), infoTypes: infoTypes.filter((type) => types.includes(type)), mode };
    return async () => {
      const result = await ownershipApi.share(body, keyFor(body));
      const counts = { customers: number(result.customers), users: number(result.users) };
      onShared(t(mode === 'remove' ? 'share.removed' : 'share.done', counts));
    };
  };

  return (
    <ApiFormDialog title={t('share.title')} submitLabel={t('share.submit')} submit={submit} fieldLabels={recipientFieldLabels} onClose={onClose} wide>
      <p>{t('share.target', { count: number(request.count) })}</p>
      <RecipientPicker value={recipients} onChange={setRecipients} />
      <FieldMessage name="infoTypes">
        <fieldset className="checkbox-group">
          <legend>{t('share.infoTypes')}</legend>
          <div className="checkbox-group-options">
            {infoTypes.map((type) => (
              <label key={type} className="checkbox">
                <input
                  type="checkbox"
                  checked={types.includes(type)}
                  onChange={(event) => setTypes(event.target.checked ? [...types, type] : types.filter((other) => other !== type))}
                />
                {t(infoTypeLabels[type])}
              </label>
            ))}
          </div>
        </fieldset>
      </FieldMessage>
      <RadioChoices
        legend={t('share.mode')}
        name="share-mode"
        choices={shareModes.map((option) => ({ value: option, label: t(`share.mode.${option}`), hint: t(`share.mode.${option}.hint`) }))}
        value={mode}
        onChange={setMode}
      />
    </ApiFormDialog>
  );
}
