import { en } from './en';
import { vi, type MessageKey } from './vi';

export type Locale = 'vi' | 'en';
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const dictionaries: Record<Locale, Record<MessageKey, string>> = { vi, en };

/** Looks a message up in the locale's dictionary and fills its `{name}` placeholders. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const text = dictionaries[locale][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
