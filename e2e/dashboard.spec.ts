import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { formatWan } from '../lib/core/money';
import { DEMO, signInAs } from './pages/login-page';

/** The admin dashboard (DESIGN §4) as a page object. */
class Dashboard {
  constructor(readonly page: Page) {}

  async openFromAdminHome() {
    await this.page.goto('/admin');
    await this.page.getByRole('link', { name: '打开数据看板' }).click();
    await expect(this.page).toHaveURL(/\/admin\/dashboard$/);
    await expect(this.page.getByRole('heading', { level: 1, name: '园区科技金融数据看板' })).toBeVisible();
  }

  figure(id: string) {
    return this.page.getByTestId(`figure-${id}`);
  }

  async narrow(o: { from: string; to: string; park: string }) {
    const filters = this.page.getByRole('search', { name: '筛选条件' });
    await filters.getByLabel('开始日期').fill(o.from);
    await filters.getByLabel('结束日期').fill(o.to);
    await filters.getByLabel('园区').selectOption({ label: o.park });
    await filters.getByRole('button', { name: '查询' }).click();
  }

  /** Clicks a link that answers with a file and returns its name and text. */
  async download(link: ReturnType<Page['getByTestId']>) {
    const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
    const file = await download.path();
    return { name: download.suggestedFilename(), text: fs.readFileSync(file!, 'utf8') };
  }
}

/** "1,330.00" → fen. */
const wanToFen = (s: string) => BigInt(s.replace(/,/g, '').replace('.', '')) * 10_000n;

function parseCsv(text: string): string[][] {
  // The dashboard's CSV has no quoted line breaks in these columns; quoted commas are handled.
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => [...l.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, -1));
}

test('the admin narrows the dashboard to 南海园 in 2026, drills down to the loans and downloads them as CSV', async ({ page }) => {
  await signInAs(page, DEMO.admin);
  const dashboard = new Dashboard(page);
  await dashboard.openFromAdminHome();
  const before = (await dashboard.figure('disbursed').innerText()).trim();
  await expect(page.getByTestId('chart-credit')).toBeVisible();

  await dashboard.narrow({ from: '2026-01-01', to: '2026-12-31', park: '南海园' });
  await expect(page).toHaveURL(/from=2026-01-01.*to=2026-12-31.*park=nanhai/);
  await expect(page.getByTestId('dashboard-period')).toContainText('2026-01-01 至 2026-12-31');
  await expect(page.getByTestId('dashboard-scope')).toContainText('南海园');

  // The figure is the API's for the same filters, and it moved.
  const api = await (await page.request.get('/api/v1/figures?from=2026-01-01&to=2026-12-31&park=nanhai')).json();
  const expected = formatWan(BigInt(api.disbursed));
  await expect(dashboard.figure('disbursed')).toHaveText(expected);
  expect(expected).not.toBe(before);
  expect(BigInt(api.disbursed)).toBeGreaterThan(0n);

  // The number leads to the loans it counts: all of 南海园, adding up to it.
  await dashboard.figure('disbursed').click();
  await expect(page).toHaveURL(/\/admin\/dashboard\/list\/loans\?.*park=nanhai/);
  await expect(page.getByRole('heading', { level: 1, name: '放款明细' })).toBeVisible();
  const rows = page.getByTestId('list-table').locator('tbody tr');
  const n = await rows.count();
  expect(n).toBeGreaterThan(0);
  await expect(page.getByTestId('list-total')).toHaveText(`共 ${n} 条`);
  let shown = 0n;
  for (let i = 0; i < n; i++) {
    const cells = rows.nth(i).locator('th, td');
    await expect(cells.nth(2)).toHaveText('南海园');
    expect((await cells.nth(0).innerText()).startsWith('2026-')).toBe(true);
    shown += wanToFen(await cells.nth(6).innerText());
  }
  expect(shown).toBe(BigInt(api.disbursed));

  // The CSV has the same loans, Chinese headers, and the period and park in its name.
  const csv = await dashboard.download(page.getByTestId('list-export-csv'));
  expect(csv.name).toContain('2026-01-01');
  expect(csv.name).toContain('南海园');
  expect(csv.name.endsWith('.csv')).toBe(true);
  expect(csv.text.startsWith('\uFEFF')).toBe(true);
  const [header, ...lines] = parseCsv(csv.text);
  expect(header).toEqual(['放款时间', '企业', '园区', '金融机构', '产品', '产品类别', '本金（万元）', '年利率', '期限（月）', '状态', '知识产权质押']);
  expect(lines).toHaveLength(n);
  expect(lines.every((l) => l[2] === '南海园' && l[0].startsWith('2026-'))).toBe(true);
  expect(lines.reduce((s, l) => s + wanToFen(l[6]), 0n)).toBe(BigInt(api.disbursed));
});

test('the figures export carries the same numbers; other roles and visitors are kept out', async ({ page, browser }) => {
  await signInAs(page, DEMO.admin);
  await page.goto('/admin/dashboard?from=2026-01-01&to=2026-12-31&park=nanhai');
  const dashboard = new Dashboard(page);
  const api = await (await page.request.get('/api/v1/figures?from=2026-01-01&to=2026-12-31&park=nanhai')).json();
  const csv = await dashboard.download(page.getByTestId('export-figures-csv'));
  expect(csv.name).toBe('科融通_全部指标_2026-01-01至2026-12-31_南海园.csv');
  const table = new Map(parseCsv(csv.text).map(([k, v]) => [k, v]));
  expect(table.get('指标')).toBe('数值');
  expect(table.get('放款金额（万元）')).toBe(formatWan(BigInt(api.disbursed)).replace(/,/g, ''));
  expect(table.get('融资申请')).toBe(String(api.applications));
  expect(table.get('注册企业')).toBe(String(api.registeredEnterprises));

  const xlsx = await page.request.get('/admin/dashboard/export?table=loans&format=xlsx&from=2026-01-01&to=2026-12-31&park=nanhai');
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
  // The monthly report's labels are not cut off: its label column is as wide as its longest label.
  const monthly = await page.request.get('/admin/dashboard/export?table=monthly&format=xlsx&month=2026-11');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await monthly.body()) as never);
  const labels = book.worksheets[0].getColumn(1);
  expect((labels.values as unknown[]).some((v) => v === '知识产权质押融资金额（万元）')).toBe(true);
  expect(labels.width).toBeGreaterThanOrEqual(30); // 14 CJK characters, two columns each

  const visitor = await browser.newContext();
  // The proxy sends visitors to sign in before the route's own 401.
  const anonymous = await visitor.request.get('/admin/dashboard/export?table=figures', { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers().location).toContain('/login');
  await visitor.close();
  const sme = await browser.newContext();
  const smePage = await sme.newPage();
  await signInAs(smePage, DEMO.sme);
  expect((await smePage.request.get('/admin/dashboard/export?table=figures')).status()).toBe(403);
  await smePage.goto('/admin/dashboard');
  await expect(smePage).not.toHaveURL(/\/admin\/dashboard/);
  await sme.close();
});

test('the landing page shows the zone’s headline figures, as the API counts them', async ({ page }) => {
  test.setTimeout(150_000);
  const api = await (await page.request.get('/api/v1/figures')).json();
  await page.goto('/');
  // Institutions and products are counted live.
  await expect(page.getByTestId('figure-institutions')).toHaveText(String(api.institutions));
  await expect(page.getByTestId('figure-products')).toHaveText(String(api.products));
  await expect(page.getByTestId('figure-exclusive-products')).toHaveText(String(api.exclusiveProducts));
  // The other totals come from the snapshot the headline job refreshes every minute: an enterprise
  // registered by an earlier test shows by the next refresh.
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByTestId('figure-registered-enterprises').textContent();
      },
      { timeout: 100_000, intervals: [1_000, 5_000] },
    )
    .toBe(String(api.registeredEnterprises));
  await expect(page.getByTestId('figure-credit-granted')).toBeVisible();
  await expect(page.getByTestId('figure-disbursed')).toBeVisible();
});

test('the schemes page shows each fund’s 在保余额 against what its leverage cap allows', async ({ page }) => {
  await signInAs(page, DEMO.admin);
  await page.goto('/admin/schemes');
  const fund = page.getByTestId('scheme').filter({ hasText: '佛山市知识产权质押融资风险补偿资金' });
  await expect(fund.getByTestId('scheme-in-force')).toBeVisible();
  // The limit is balance × 10.00, the share used is 在保余额 over it (lib/schemes/leverage.test.ts has the arithmetic).
  await expect(fund.getByTestId('scheme-leverage')).toHaveText(
    /^放大倍数上限 10\.00：在保余额上限 [\d,]+\.\d{2} 万元（资金余额 × 放大倍数），已使用 \d+\.\d%。$/,
  );
});
