/**
 * The row values a create or partial update writes: for each API field of `columnOf` that the
 * body gives (not undefined), its column, with text trimmed. Other body fields are left out.
 */
export function columnValues(columnOf: Readonly<Record<string, string>>, body: object): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(columnOf)) {
    const value = (body as Record<string, unknown>)[field];
    if (value !== undefined) values[column] = typeof value === 'string' ? value.trim() : value;
  }
  return values;
}
