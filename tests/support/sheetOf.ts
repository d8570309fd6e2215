import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';

/** The first worksheet of a downloaded .xlsx, read back with exceljs (what Excel would open). */
export async function sheetOf(path: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}
