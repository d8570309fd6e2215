import type { CareStatus } from '../../../shared/schemas/classification';

/** How a customer's care status reads: its list entry's name (the reserved keys have fixed names), else the stored text. */
export function careStatusName(value: string | null, careStatuses: CareStatus[]): string | null {
  if (value === null) return null;
  return careStatuses.find((status) => status.value === value)?.name ?? value;
}
