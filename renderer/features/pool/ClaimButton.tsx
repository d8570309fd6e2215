import { useState } from 'react';
import type { PoolClaimResult } from '../../../shared/schemas/pool';
import { poolApi } from '../../api/poolApi';
import { useIdempotencyKey } from '../../api/useIdempotencyKey';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import type { SelectionTarget } from '../customers/customerSelection';
import { claimFailureMessage } from './claimFailureMessage';

type ClaimButtonProps = {
  target: SelectionTarget;
  disabled: boolean;
  onClaimed: (result: PoolClaimResult) => void;
  /** Nothing was claimed: why, in the user's language. */
  onRefused: (message: string) => void;
  /** After every attempt: the grid and today's counter reload. */
  onSettled: () => void;
};

/**
 * Nhận: claims the selection with an Idempotency-Key, so a retry after a lost answer claims
 * nothing twice. Remount it (a new `key`) after a claim went through: the same body later (all
 * matching the same filter) is a new claim and needs a new key.
 */
export function ClaimButton({ target, disabled, onClaimed, onRefused, onSettled }: ClaimButtonProps) {
  const { t, locale } = useI18n();
  const idempotencyKey = useIdempotencyKey();
  const [busy, setBusy] = useState(false);
  const claim = async () => {
    setBusy(true);
    try {
      onClaimed(await poolApi.claim(target, idempotencyKey(target)));
    } catch (failure) {
      onRefused(await claimFailureMessage(failure, t, locale));
    } finally {
      setBusy(false);
      onSettled();
    }
  };
  return (
    <Button variant="primary" disabled={disabled || busy} onClick={() => void claim()}>
      {t('pool.claim')}
    </Button>
  );
}
