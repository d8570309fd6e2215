import { ApiError } from '../../api/ApiError';
import { describeError } from '../../api/describeError';
import { poolApi } from '../../api/poolApi';
import type { Locale, Translate } from '../../i18n/translate';

/**
 * Why a claim was refused (nothing was claimed), in the user's language. Past the daily limit it
 * says how many are left today, asked again (the counter shows the same). A cooldown's date is in
 * the server's Vietnamese message only, so Vietnamese shows that message and English a plain one.
 */
export async function claimFailureMessage(failure: unknown, t: Translate, locale: Locale): Promise<string> {
  if (!(failure instanceof ApiError)) return describeError(failure, t);
  switch (failure.code) {
    case 'POOL_CLAIM_LIMIT': {
      const today = await poolApi.claimsToday().catch(() => null);
      return today && today.remaining !== null ? t('pool.claim.limit', { remaining: today.remaining }) : failure.message;
    }
    case 'POOL_ALREADY_CLAIMED':
      return t('pool.claim.alreadyClaimed');
    case 'NOT_IN_POOL':
      return t('pool.claim.notInPool');
    case 'POOL_COOLDOWN':
      return locale === 'vi' ? failure.message : t('pool.claim.cooldown');
    default:
      return describeError(failure, t);
  }
}
