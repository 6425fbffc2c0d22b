// Issue 14, as a bank officer, an SME's finance manager and a zone official would judge it: near
// misses grouped by rule, the dashboard's KPI summary and sections, rejecting an institution with a
// reason, a credit code from outside the zone, revenue and R&D expense entered once.
import { expect, test } from '@playwright/test';
import { formatWan } from '../lib/core/money';
import { withUsccCheckChar } from '../lib/enterprises/uscc';
import { DEMO, LoginPage, signInAs } from './pages/login-page';

const run = Date.now()
  .toString(36)
  .toUpperCase()
  .replace(/[IOSVZ]/g, 'X')
  .slice(-7)
  .padStart(7, '0');

test('near misses come grouped by the rule that failed, a few of each, closest first', async ({ page }) => {
  await signInAs(page, DEMO.sme);
  await page.goto('/enterprise/needs/new');
  await page.getByLabel('融资金额（万元）').fill('300');
  await page.getByLabel('融资期限（月）').fill('24');
  await page.getByLabel('资金用途').selectOption('working_capital');
  await page.getByLabel('保证', { exact: true }).check();
  await page.getByLabel('需求说明').fill(`分组近似匹配 ${run}`);
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await expect(page).toHaveURL(/\/enterprise\/needs\/[0-9a-f-]{36}$/);
  const groups = page.getByTestId('near-miss-group');
  await expect(groups.first()).toBeVisible();
  const n = await groups.count();
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThanOrEqual(4);
  const rules = new Set<string>();
  for (let i = 0; i < n; i++) {
    const g = groups.nth(i);
    rules.add((await g.getAttribute('data-rule'))!);
    const items = await g.getByTestId('near-miss').count();
    expect(items).toBeGreaterThan(0);
    expect(items).toBeLessThanOrEqual(3);
  }
  expect(rules.size).toBe(n); // one group per rule
  // A product without a score threshold is not said to have one.
  await expect(page.getByTestId('match-reasons').filter({ hasText: '参考门槛' })).toHaveCount(0);
});

test('the dashboard opens on KPI cards naming their period and the change on the period before, with an index to each section', async ({ page }) => {
  await signInAs(page, DEMO.admin);
  await page.goto('/admin/dashboard?from=2026-01-01&to=2026-12-31');
  const disbursed = page.getByTestId('kpi-disbursed');
  await expect(disbursed.getByTestId('kpi-period')).toHaveText('2026-01-01 至 2026-12-31');
  await expect(page.getByTestId('kpi-institutions').getByTestId('kpi-period')).toHaveText('截至 2026-12-31');
  const [now, before] = await Promise.all(
    ['from=2026-01-01&to=2026-12-31', 'from=2025-01-01&to=2025-12-31'].map(async (q) => (await page.request.get(`/api/v1/figures?${q}`)).json()),
  );
  // The same figures as the API's for this period and for the previous one of the same length.
  await expect(disbursed.getByTestId('kpi-value')).toHaveText(formatWan(BigInt(now.disbursed)));
  await expect(disbursed.getByTestId('kpi-previous')).toHaveText(`上期（2025-01-01 至 2025-12-31）：${formatWan(BigInt(before.disbursed))}`);
  await expect(page.getByTestId('kpi-ipPledgeProjects').getByTestId('kpi-value')).toHaveText(String(now.ipPledgeProjects));
  await expect(page.getByTestId('kpi-institutions').getByTestId('kpi-value')).toHaveText(String(now.institutions));
  await expect(page.getByTestId('kpi-change')).toHaveCount(8);

  const index = page.getByRole('navigation', { name: '看板目录' });
  for (const [name, id] of [
    ['融资需求', 'needs'],
    ['融资申请与审批', 'applications'],
    ['授信与放款', 'loans'],
    ['知识产权质押融资', 'ip'],
    ['风险分担资金', 'schemes'],
    ['金融机构与产品', 'institutions'],
  ] as const) {
    await expect(index.getByRole('link', { name, exact: true })).toHaveAttribute('href', `#${id}`);
    const section = page.getByTestId(`section-${id}`);
    await expect(section.getByTestId('section-period')).toHaveText('统计期间 2026-01-01 至 2026-12-31');
    await expect(page.getByTestId(`section-exports-${id}`).getByRole('link').first()).toHaveAttribute('href', /\/admin\/dashboard\/export\?.*table=/);
  }
  await index.getByRole('link', { name: '知识产权质押融资', exact: true }).click();
  await expect(page).toHaveURL(/#ip$/);
  await expect(page.getByTestId('section-ip')).toBeInViewport();
});

test('the admin rejects an institution’s application with a reason its users read', async ({ browser }) => {
  const uscc = withUsccCheckChar(`91440600MA6${run}`.slice(0, 17));
  const email = `reject-${run.toLowerCase()}@example.com`;
  const name = `驳回测试银行${run}`;
  const applicant = await (await browser.newContext()).newPage();
  await applicant.goto('/register/institution');
  await applicant.getByLabel('机构名称').fill(name);
  await applicant.getByLabel('机构类型').selectOption('bank');
  await applicant.getByLabel('统一社会信用代码').fill(uscc);
  await applicant.getByLabel('联系人姓名').fill('周敏');
  await applicant.getByLabel('联系电话').fill('0757-86000001');
  await applicant.getByLabel('登录邮箱').fill(email);
  await applicant.getByLabel('密码（至少 10 位）').fill('e2e-password-123');
  await applicant.getByLabel('确认密码').fill('e2e-password-123');
  await applicant.getByRole('button', { name: '提交注册' }).click();
  await expect(applicant).toHaveURL(/registered=institution/);

  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, DEMO.admin);
  await admin.getByRole('button', { name: `驳回：${name}` }).click();
  await admin.getByRole('button', { name: '确认驳回' }).click();
  await expect(admin.getByText('请填写驳回理由（至少 2 个字）。')).toBeVisible();
  await admin.getByLabel('驳回理由').fill('金融许可证副本缺失');
  await admin.getByRole('button', { name: '确认驳回' }).click();
  await expect(admin.getByRole('button', { name: `通过：${name}` })).toHaveCount(0);
  await admin.goto(`/admin/institutions?status=rejected&q=${encodeURIComponent(name)}`);
  const row = admin.getByTestId('institution-row').filter({ hasText: name });
  await expect(row.getByTestId('institution-status')).toHaveText('未通过');
  await expect(row.getByTestId('institution-rejection-reason')).toHaveText('驳回理由：金融许可证副本缺失');

  await new LoginPage(applicant).signIn(email, 'e2e-password-123');
  await expect(applicant).toHaveURL(/\/account\/status$/);
  await expect(applicant.getByTestId('organisation-status')).toHaveText('未通过');
  await expect(applicant.getByTestId('organisation-note')).toHaveText('审核意见：金融许可证副本缺失');
});

test('a credit code from outside Foshan is warned about, registers, and is flagged to the admin', async ({ page, browser }) => {
  const uscc = withUsccCheckChar(`91440305MA6${run}`.slice(0, 17)); // 深圳市南山区
  const name = `深圳区外测试${run}有限公司`;
  const email = `outside-${run.toLowerCase()}@example.com`;
  await page.goto('/register/enterprise');
  await page.getByLabel('统一社会信用代码').fill(withUsccCheckChar(`91440605MA6${run}`.slice(0, 17)));
  await expect(page.getByTestId('uscc-outside-zone')).toHaveCount(0);
  await page.getByLabel('统一社会信用代码').fill(uscc);
  await expect(page.getByTestId('uscc-outside-zone')).toContainText('不在本园区所在城市');
  await page.getByLabel('企业名称').fill(name);
  await page.getByLabel('所在园区').selectOption({ label: '南海园' });
  await page.getByLabel('所属行业（国民经济行业门类）').selectOption('C');
  await page.getByLabel('成立日期').fill('2019-01-01');
  await page.getByLabel('注册资本（万元）').fill('500');
  await page.getByLabel('从业人数').fill('30');
  await page.getByLabel('联系人姓名').fill('黄磊');
  await page.getByLabel('登录邮箱').fill(email);
  await page.getByLabel('密码（至少 10 位）').fill('e2e-password-123');
  await page.getByLabel('确认密码').fill('e2e-password-123');
  await page.getByRole('button', { name: '提交注册' }).click();
  // Registration signs the new user in (the host tells /enterprise from /register/enterprise).
  await expect(page).toHaveURL(/\/\/[^/]+\/enterprise$/);

  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, DEMO.admin);
  await admin.goto('/admin/verification');
  const row = admin.getByTestId('enterprise-queue-row').filter({ hasText: name });
  await expect(row.getByTestId('uscc-outside-zone')).toContainText('区外代码');
});

test('revenue and R&D expense are entered once, in the profile; the score form shows them and their ratio', async ({ page }) => {
  await signInAs(page, DEMO.sme);
  await page.goto('/enterprise/profile');
  // The form fills its fields when it has loaded: wait for the value before reading it.
  const profileRevenue = page.getByLabel('上年营业收入（万元）');
  await expect(profileRevenue).toHaveValue(/^[1-9]/);
  const revenue = await profileRevenue.inputValue();
  expect(Number(revenue)).toBeGreaterThan(0);
  const rnd = Number(await page.getByLabel('上年研发费用（万元）').inputValue());
  await page.goto('/enterprise/score');
  const field = page.getByLabel('营业收入（万元）', { exact: true });
  await expect(field).toHaveAttribute('readonly', '');
  await expect.poll(async () => Number(await field.inputValue())).toBe(Number(revenue));
  await expect(page.getByText('取自企业信息，请在“企业信息”中修改。').first()).toBeVisible();
  // The R&D share follows from the two, not typed a third time.
  const ratio = page.getByLabel('研发费用占营业收入比重（%）');
  await expect(ratio).toHaveAttribute('readonly', '');
  await expect.poll(async () => Number(await ratio.inputValue())).toBeCloseTo((rnd / Number(revenue)) * 100, 1);
  await expect(page.getByText('由企业信息中的研发费用 ÷ 营业收入自动计算。')).toBeVisible();
});

test('every step of a seeded application’s timeline is named by its action, and the enterprise reads what it shared in its own words', async ({ page }) => {
  // A visitor can go from the landing page straight to the catalogue.
  await page.goto('/');
  await page.getByTestId('browse-products').click();
  await expect(page).toHaveURL(/\/products$/);
  await signInAs(page, DEMO.sme);
  await page.goto('/enterprise/applications');
  await page.getByTestId('application-row').filter({ hasText: '已放款' }).first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/enterprise\/applications\/[0-9a-f-]{36}$/);
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toContainText('受理 → 已受理');
  await expect(timeline).toContainText('授信 → 已授信');
  await expect(timeline).not.toContainText('applications.events');
  await expect(page.getByText('企业尚未共享资料。')).toHaveCount(0);
  await page.getByTestId('loans-link').click();
  await expect(page).toHaveURL(/\/enterprise\/loans$/);
});

test('a signed-in admin reaches verification, users and the audit log from the menu, and the landing page offers its own area instead of registration', async ({
  page,
}) => {
  await signInAs(page, DEMO.admin);
  await page.goto('/');
  await expect(page.getByTestId('home-own-area')).toHaveAttribute('href', '/admin');
  await expect(page.getByRole('link', { name: '企业注册' })).toHaveCount(0);
  const nav = page.getByRole('navigation').first();
  for (const href of ['/admin/verification', '/admin/users', '/admin/audit']) await expect(nav.locator(`a[href="${href}"]`)).toHaveCount(1);
});
