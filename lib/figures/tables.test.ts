import { describe, expect, it } from 'vitest';
import type { ZoneFigures } from '@/lib/figures/service';
import { makeTranslate } from '@/lib/i18n/translate';
import {
  count,
  csvCell,
  displayCell,
  fen,
  figureLines,
  figureLinesTable,
  funnelTotalTable,
  hours,
  listColumns,
  rate,
  sheetCell,
  text,
  toCsv,
  type TableSpec,
} from './tables';

const t = makeTranslate('zh');

describe('cells', () => {
  it('show amounts in 万元, ratios as percentages and missing values as a dash', () => {
    expect(displayCell(fen(12_345_678_900n))).toBe('12,345.68');
    expect(displayCell(rate(0.6667))).toBe('66.67%');
    expect(displayCell(rate(1))).toBe('100.00%');
    expect(displayCell(hours(5))).toBe('5.0');
    expect(displayCell(count(12345))).toBe('12,345');
    expect(displayCell(rate(null))).toBe('—');
  });

  it('write plain numbers to CSV and neutralise text that looks like a formula', () => {
    expect(csvCell(fen('12345678900'))).toBe('12345.68');
    expect(csvCell(count(3))).toBe('3');
    expect(csvCell(rate(0.5))).toBe('50.00%');
    expect(csvCell(hours(null))).toBe('');
    expect(csvCell(text('=HYPERLINK("x")'))).toBe('\'=HYPERLINK("x")');
    expect(csvCell(text('-1+1'))).toBe("'-1+1");
  });

  it('keep numbers as numbers in a sheet, with their format', () => {
    expect(sheetCell(fen(150_000_000n))).toEqual({ value: 150, numFmt: '#,##0.00' });
    expect(sheetCell(rate(0.75))).toEqual({ value: 0.75, numFmt: '0.00%' });
    expect(sheetCell(text(null))).toEqual({ value: null });
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and ends lines with CRLF', () => {
    const spec: TableSpec<{ a: string; n: number }> = {
      columns: [
        { header: '名称', cell: (r) => text(r.a) },
        { header: '数量', cell: (r) => count(r.n) },
      ],
      rows: [
        { a: '甲,乙', n: 1 },
        { a: '说"好"', n: 2 },
        { a: '两\n行', n: 3 },
      ],
    };
    expect(toCsv(spec)).toBe('名称,数量\r\n"甲,乙",1\r\n"说""好""",2\r\n"两\n行",3\r\n');
  });
});

describe('figure tables', () => {
  const z: ZoneFigures = {
    institutions: 26,
    products: 84,
    exclusiveProducts: 12,
    registeredEnterprises: 5012,
    enterprisesWithNeeds: 259,
    needs: 300,
    demandFen: 70_000_000_000n,
    applications: 120,
    approved: 60,
    decided: 80,
    responded: 100,
    approvalRate: 0.75,
    medianResponseHours: 6.5,
    creditApplications: 60,
    creditGrantedFen: 90_000_000_000n,
    loans: 50,
    disbursedFen: 84_000_000_000n,
    ipPledgeProjects: 106,
    ipPledgeFen: 84_100_000_000n,
    schemes: [
      {
        code: 'rongdan',
        name: '融担贷',
        kind: 'guarantee_fund',
        enrolledLoans: 9,
        supportedEnterprises: 9,
        institutions: 7,
        disbursedFen: 5_260_000_000n,
        claimsPaidFen: 0n,
        balanceFen: 3_000_000_000n,
      },
    ],
  };

  it('lists every figure with Chinese headers and a link to its list', () => {
    const lines = figureLines(t, z, 4, (list, o) => `/l/${list}${o?.variant ? `?v=${o.variant}` : ''}`);
    expect(lines.map((l) => l.id)).toEqual([
      'institutions',
      'products',
      'exclusiveProducts',
      'registeredEnterprises',
      'enterprisesWithNeeds',
      'demandAmount',
      'applications',
      'approvalRate',
      'medianResponseHours',
      'creditGranted',
      'disbursed',
      'ipPledgeProjects',
      'ipPledgeAmount',
      'staleNeeds',
    ]);
    expect(lines.find((l) => l.id === 'disbursed')).toMatchObject({ label: '放款金额（万元）', href: '/l/loans' });
    expect(lines.find((l) => l.id === 'ipPledgeProjects')?.href).toBe('/l/loans?v=ip');
    const csv = toCsv(figureLinesTable(t, lines, z.schemes));
    expect(csv.split('\r\n')[0]).toBe('指标,数值');
    expect(csv).toContain('放款金额（万元）,84000.00\r\n');
    expect(csv).toContain('审批通过率,75.00%\r\n');
    expect(csv).toContain('融担贷·放款金额（万元）,5260.00\r\n');
  });

  it('writes the funnel with conversions', () => {
    const csv = toCsv(
      funnelTotalTable(t, [
        { stage: 'posted', count: 10, conversion: null },
        { stage: 'acted', count: 4, conversion: 0.4 },
      ]),
    );
    expect(csv).toBe('阶段,需求数,较上一阶段\r\n发布需求,10,\r\n机构响应,4,40.00%\r\n');
  });
});

describe('the registered enterprises list', () => {
  it('shows a released credit code as released, and a held one as it is', () => {
    const columns = listColumns(t, 'enterprises', { park: () => '南海园', category: (c) => c });
    const uscc = columns.find((col) => col.header === t('figures.columns.uscc'))!;
    const row = { id: 'e', name: '冒用者', parkId: 1, verificationStatus: 'rejected', createdAt: '2026-12-01 10:00' };
    expect(displayCell((uscc.cell as (r: unknown) => ReturnType<typeof text>)({ ...row, uscc: null, usccReleased: '91440605MA4F000017' }))).toBe(
      '已释放（91440605MA4F000017）',
    );
    expect(displayCell((uscc.cell as (r: unknown) => ReturnType<typeof text>)({ ...row, uscc: '91440605MA4F000017', usccReleased: null }))).toBe(
      '91440605MA4F000017',
    );
  });
});
