import { parseDisplayDate } from '../../../shared/format';
import type { MessageKey } from '../../i18n/vi';

/** What an editor hands the grid: a value to save, or why the typed text cannot be one. */
export type EditDraft = { value: unknown } | { error: MessageKey };

export function isEditDraft(value: unknown): value is EditDraft {
  return typeof value === 'object' && value !== null && ('value' in value || 'error' in value);
}

/** Text as typed, trimmed; empty → null (clears an optional field). */
export function optionalText(text: string): EditDraft {
  const trimmed = text.trim();
  return { value: trimmed === '' ? null : trimmed };
}

export function requiredText(text: string): EditDraft {
  const trimmed = text.trim();
  return trimmed === '' ? { error: 'gridEdit.required' } : { value: trimmed };
}

/** `a, b, a` → ['a', 'b']: comma-separated tags, trimmed, without blanks or repeats. */
export function tagList(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim()).filter(Boolean))];
}

/**
 * A VND amount as typed: `1.500.000`, `1500000`, `1 500 000 ₫`, `-200.000`. Dots and spaces group
 * thousands (Vietnamese style); VND has no decimals, so a comma or a decimal part is refused.
 * Empty → null.
 */
export function parseVnd(text: string): EditDraft {
  const compact = text.replace(/[\s\u00a0]/g, '').replace(/(₫|đ|vnd)$/i, '');
  if (compact === '') return { value: null };
  const match = /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)$/.exec(compact);
  if (!match) return { error: 'gridEdit.invalidMoney' };
  const amount = Number(match[2].replaceAll('.', ''));
  if (!Number.isSafeInteger(amount)) return { error: 'gridEdit.invalidMoney' };
  return { value: match[1] ? -amount : amount };
}

/** A day typed as dd/MM/yyyy → `yyyy-MM-dd` (the API's date); empty → null. */
export function parseDay(text: string): EditDraft {
  if (text.trim() === '') return { value: null };
  const day = parseDisplayDate(text);
  return day ? { value: day } : { error: 'gridEdit.invalidDate' };
}
