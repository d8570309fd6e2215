import { activityTypes, type ActivityType } from '../../../shared/schemas/enums';
import type { Translate } from '../../i18n/translate';

/** The suggested kinds are translated; a company's own kind (free text from the API) shows as typed. */
export function activityTypeLabel(t: Translate, type: string): string {
  return (activityTypes as readonly string[]).includes(type) ? t(`activityType.${type as ActivityType}`) : type;
}
