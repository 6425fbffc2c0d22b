// One worksheet with a bold, frozen header row; numbers stay numbers with their display format.
import ExcelJS from 'exceljs';
import { sheetCell, type Column } from '@/lib/figures/tables';

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
function sheetName(title: string): string {
  return title.replace(/[:\\/?*[\]]/g, '-').slice(0, 31) || 'Sheet1';
}

export async function writeXlsx(title: string, columns: Column<unknown>[], batches: AsyncIterable<unknown[]>): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '科融通 KeRongTong';
  wb.created = new Date();
  const ws = wb.addWorksheet(sheetName(title), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: Math.min(40, Math.max(10, c.header.length * 2 + 2)) }));
  ws.getRow(1).font = { bold: true };
  for await (const rows of batches) {
    for (const r of rows) {
      const cells = columns.map((c) => sheetCell(c.cell(r)));
      const row = ws.addRow(cells.map((c) => c.value));
      cells.forEach((c, i) => {
        if (c.numFmt) row.getCell(i + 1).numFmt = c.numFmt;
      });
    }
  }
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}
