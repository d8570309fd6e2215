import type { Translate } from '../i18n/translate';
import type { MessageKey } from '../i18n/vi';
import { ApiError } from './ApiError';

/** An API field name (first segment of the error's `field`) → its label in the UI. */
export type FieldLabels = Partial<Record<string, MessageKey>>;

/** The customer and user forms' labels; forms whose `name` is something else pass their own (see describeError). */
const fieldLabels: FieldLabels = {
  name: 'field.name',
  code: 'field.code',
  taxCode: 'field.taxCode',
  email: 'field.email',
  phone: 'field.phone',
  address: 'field.address',
  typeId: 'field.type',
  groupIds: 'field.groups',
  ownerId: 'field.owner',
  assignedUserIds: 'field.assignedUsers',
  tags: 'field.tags',
  careStatus: 'field.careStatus',
  tierId: 'field.tier',
  username: 'field.username',
  password: 'field.password',
  fullName: 'field.fullName',
  departmentId: 'field.department',
  parentId: 'field.parentDepartment',
  role: 'field.role',
  lastName: 'field.lastName',
  firstName: 'field.firstName',
  position: 'field.position',
  subject: 'field.subject',
  type: 'field.activityType',
  status: 'field.status',
  date: 'field.date',
  description: 'field.description',
  points: 'field.points',
};

const codeMessages: Record<string, MessageKey> = {
  VERSION_CONFLICT: 'error.versionConflict',
  DEPARTMENT_NOT_EMPTY: 'error.departmentNotEmpty',
  LAST_ADMIN: 'error.lastAdmin',
  INVALID_CREDENTIALS: 'login.invalid',
  PASSWORD_IS_USERNAME: 'error.passwordIsUsername',
  WRONG_CURRENT_PASSWORD: 'error.wrongCurrentPassword',
  TOO_MANY_ATTEMPTS: 'error.tooManyAttempts',
  TOO_MANY_REQUESTS: 'error.tooManyRequests',
  UNAUTHORIZED: 'error.sessionExpired',
  FORBIDDEN: 'error.forbidden',
  NOT_FOUND: 'error.notFound',
  INVALID_REFERENCE: 'error.invalidReference',
  PAYLOAD_TOO_LARGE: 'error.payloadTooLarge',
  RESERVED_CARE_STATUS: 'error.reservedCareStatus',
  CAMPAIGN_IN_USE: 'error.campaignInUse',
  ASSIGNEE_INACTIVE: 'error.assigneeInactive',
  INTERNAL: 'error.server',
};

function statusMessage(status: number): MessageKey {
  if (status === 400) return 'error.badRequest';
  if (status === 401) return 'error.sessionExpired';
  if (status === 403) return 'error.forbidden';
  if (status === 404) return 'error.notFound';
  if (status === 409) return 'error.conflict';
  if (status === 429) return 'error.tooManyRequests';
  return 'error.server';
}

/**
 * A clear message in the user's language for any failure of an API call. `labels` names the fields
 * of the form that sent it where they differ from the customer ones (`name` of a group: "Tên nhóm").
 */
export function describeError(error: unknown, t: Translate, labels?: FieldLabels): string {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  if (error.status === 0) return t('error.network');
  const fieldName = error.field?.split('.')[0];
  const fieldKey = fieldName ? (labels?.[fieldName] ?? fieldLabels[fieldName]) : undefined;
  const field = fieldKey ? t(fieldKey) : undefined;
  if (error.code === 'VALIDATION_ERROR') return field ? t('error.invalidField', { field }) : t('error.badRequest');
  if (error.code === 'DUPLICATE') return field ? t('error.duplicateField', { field }) : t('error.duplicate');
  return t(codeMessages[error.code] ?? statusMessage(error.status));
}
