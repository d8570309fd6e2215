import type { GridApi } from 'ag-grid-community';

/** Row density (Gọn / Vừa / Rộng): a row height each; `normal` is the theme's (gridTheme). */
export const densities = ['compact', 'normal', 'comfortable'] as const;
export type Density = (typeof densities)[number];

const rowHeights: Record<Density, number> = { compact: 28, normal: 34, comfortable: 44 };

export function isDensity(value: unknown): value is Density {
  return densities.includes(value as Density);
}

export function densityOf(api: GridApi): Density {
  const height = api.getGridOption('rowHeight');
  return densities.find((density) => rowHeights[density] === height) ?? 'normal';
}

/** The grid re-lays its rows out at once (rowHeight is a reactive option); the column state hook saves it. */
export function setDensity(api: GridApi, density: Density): void {
  api.setGridOption('rowHeight', rowHeights[density]);
}
