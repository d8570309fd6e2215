const MAX_LENGTH = 200;

// Path separators, characters Windows forbids in names, control characters, and bidi overrides
// (which can disguise "xlsx.exe" as "exe.xlsx").
const FORBIDDEN = /[/\\:*?"<>|\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/u;

// Names Windows reserves for devices, with or without an extension ("NUL.xlsx" is still NUL).
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/iu;

/** Returns the input if it is a plain file name (no folders) safe on Windows, otherwise null. */
export function parseFileName(input: unknown): string | null {
  if (typeof input !== 'string' || input.length === 0 || input.length > MAX_LENGTH) return null;
  if (FORBIDDEN.test(input) || RESERVED.test(input)) return null;
  // Windows drops trailing dots and spaces, so "a.xlsx." would silently become another name;
  // this also rules out "." and "..".
  if (input.trim() !== input || input.endsWith('.')) return null;
  return input;
}
