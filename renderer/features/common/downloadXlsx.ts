/** One worksheet: Vietnamese headers (the header row is frozen and filterable) and plain values. */
export type XlsxSheet = {
  name: string;
  columns: { header: string; width: number }[];
  rows: (string | number | null)[][];
};

/**
 * Builds the .xlsx in the browser and saves it. exceljs is loaded only now (its own chunk), so
 * screens that never download do not carry it.
 */
export async function downloadXlsx(fileName: string, sheet: XlsxSheet): Promise<void> {
  const module = await import('exceljs');
  // A CommonJS package: its API may sit on `default` depending on how the bundle wrapped it.
  const ExcelJS = (module as unknown as { default?: typeof module }).default ?? module;
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((column) => ({ header: column.header, width: column.width }));
  worksheet.addRows(sheet.rows);
  worksheet.getRow(1).font = { bold: true };
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  const url = URL.createObjectURL(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has handed the file to the browser's download by the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
