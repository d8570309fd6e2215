/**
 * Whitespace, control, soft-hyphen, zero-width and bidi characters. The URL parser silently drops
 * some of them (tabs, newlines) and the others make a URL read differently from what it is.
 */
export const HIDDEN_OR_SPACE = /[\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;
