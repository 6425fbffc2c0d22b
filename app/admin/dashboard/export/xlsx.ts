// One worksheet with a bold, frozen header row; numbers stay numbers with their display format.
import ExcelJS from 'exceljs';
import { sheetCell, type Column } from '@/lib/figures/tables';

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
function sheetName(title: string): string {
  return title.replace(/[:\\/?*[\]]/g, '-').slice(0, 31) || 'Sheet1';
}

/** Columns a text takes in a spreadsheet: a CJK or full-width character takes two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1;
  return w;
}

export async function writeXlsx(title: string, columns: Column<unknown>[], batches: AsyncIterable<unknown[]>): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '科融通 KeRongTong';
  wb.created = new Date();
  const ws = wb.addWorksheet(sheetName(title), { views: [{ state: 'frozen', ySplit: 1 }] });
  // Each column as wide as its widest text (header or cell), within 10–60: a label such as
  // 知识产权质押融资金额（万元） is not cut off by the next column.
  const widths = columns.map((c) => textWidth(c.header) + 2);
  ws.columns = columns.map((c) => ({ header: c.header }));
  ws.getRow(1).font = { bold: true };
  for await (const rows of batches) {
    for (const r of rows) {
      const cells = columns.map((c) => sheetCell(c.cell(r)));
      const row = ws.addRow(cells.map((c) => c.value));
      cells.forEach((c, i) => {
        if (c.numFmt) row.getCell(i + 1).numFmt = c.numFmt;
        widths[i] = Math.max(widths[i], textWidth(String(c.value ?? '')) + 2);
      });
    }
  }
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = Math.min(60, Math.max(10, w));
  });
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}
