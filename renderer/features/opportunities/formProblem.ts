import type { Translate } from '../../i18n/translate';
import type { MessageKey } from '../../i18n/vi';

/** Why a form or the search panel cannot be sent yet, at the API field it is about; `params.field` names a label (a message key). */
export type FormProblem = { field: string; message: MessageKey; params?: { field?: MessageKey; index?: number } };

/** The problem in the user's language, as ApiFormDialog's `submit` returns it (`{field, message}`). */
export function problemText(t: Translate, { field, message, params }: FormProblem): { field: string; message: string } {
  const words: Record<string, string | number> = {};
  if (params?.field) words.field = t(params.field);
  if (params?.index !== undefined) words.index = params.index;
  return { field, message: t(message, words) };
}
