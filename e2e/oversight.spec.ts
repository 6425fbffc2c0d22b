import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { withUsccCheckChar } from '../lib/enterprises/uscc';
import { DEMO, LoginPage, signInAs } from './pages/login-page';

// Each run registers its own institution and enterprise, so reruns and other specs do not collide.
const run = Date.now()
  .toString(36)
  .toUpperCase()
  .replace(/[IOSVZ]/g, 'A')
  .slice(-6)
  .padStart(6, '0');
const PASSWORD = 'e2e-password-123';

/** The admin's oversight pages, reached from the admin home. */
class Oversight {
  constructor(readonly page: Page) {}

  async open(link: '金融机构管理（审核、暂停、恢复）' | '用户管理（停用、重置密码）' | '审计日志', heading: string) {
    await this.page.goto('/admin');
    // The admin home's own link (the menu has some of these pages too).
    await this.page.getByRole('main').getByRole('link', { name: link }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }

  async filter(fields: Record<string, string>, selects: Record<string, string> = {}) {
    const search = this.page.getByRole('search');
    for (const [label, value] of Object.entries(fields)) await search.getByLabel(label).fill(value);
    for (const [label, value] of Object.entries(selects)) await search.getByLabel(label).selectOption(value);
    await search.getByRole('button', { name: '筛选' }).click();
  }

  row(testId: 'institution-row' | 'user-row' | 'audit-row', header: string): Locator {
    return this.page.getByTestId(testId).filter({ has: this.page.getByRole('rowheader', { name: header, exact: true }) });
  }
}

async function registerInstitution(browser: Browser) {
  const name = `监管测试银行${run}支行`;
  const email = `oversight-bank-${run.toLowerCase()}@example.com`;
  const page = await (await browser.newContext()).newPage();
  await page.goto('/register/institution');
  await page.getByLabel('机构名称').fill(name);
  await page.getByLabel('机构类型').selectOption('bank');
  await page.getByLabel('统一社会信用代码').fill(withUsccCheckChar(`91440600MA6${run}`));
  await page.getByLabel('联系人姓名').fill('周敏');
  await page.getByLabel('联系电话').fill('0757-86111111');
  await page.getByLabel('登录邮箱').fill(email);
  await page.getByLabel('密码（至少 10 位）').fill(PASSWORD);
  await page.getByLabel('确认密码').fill(PASSWORD);
  await page.getByRole('button', { name: '提交注册' }).click();
  await expect(page).toHaveURL(/registered=institution/);
  await new LoginPage(page).signIn(email, PASSWORD);
  await expect(page).toHaveURL(/\/account\/status$/);
  await expect(page.getByText('贵机构的入驻申请正在等待园区审核')).toBeVisible();
  return { page, name };
}

async function registerEnterprise(browser: Browser) {
  const email = `oversight-sme-${run.toLowerCase()}@example.com`;
  const page = await (await browser.newContext()).newPage();
  await page.goto('/register/enterprise');
  await page.getByLabel('统一社会信用代码').fill(withUsccCheckChar(`91440605MA6${run}`));
  await page.getByLabel('企业名称').fill(`佛山市南海区监管测试${run}有限公司`);
  await page.getByLabel('所属行业（国民经济行业门类）').selectOption('C');
  await page.getByLabel('成立日期').fill('2018-04-02');
  await page.getByLabel('注册资本（万元）').fill('500');
  await page.getByLabel('从业人数').fill('30');
  await page.getByLabel('联系人姓名').fill('黄蕾');
  await page.getByLabel('登录邮箱').fill(email);
  await page.getByLabel('密码（至少 10 位）').fill(PASSWORD);
  await page.getByLabel('确认密码').fill(PASSWORD);
  await page.getByRole('button', { name: '提交注册' }).click();
  // Registration signs the new user in.
  // (/register/enterprise ends in /enterprise too: the host before it tells the home page apart.)
  await expect(page).toHaveURL(/\/\/[^/]+\/enterprise$/);
  return { page, email };
}

test('the admin approves and suspends an institution, and finds the suspension in the audit log', async ({ browser }) => {
  const applicant = await registerInstitution(browser);
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, DEMO.admin);
  const o = new Oversight(admin);

  await o.open('金融机构管理（审核、暂停、恢复）', '金融机构管理');
  await o.filter({ 机构名称或信用代码: applicant.name });
  const row = o.row('institution-row', applicant.name);
  await expect(row.getByTestId('institution-status')).toHaveText('待审核');
  await row.getByRole('button', { name: `通过：${applicant.name}` }).click();
  await expect(row.getByTestId('institution-status')).toHaveText('正常');
  await row.getByRole('button', { name: `暂停：${applicant.name}` }).click();
  await expect(row.getByTestId('institution-status')).toHaveText('已暂停');
  await expect(row.getByRole('button', { name: `恢复：${applicant.name}` })).toBeVisible();
  const history = await row.getByRole('link', { name: '操作记录' }).getAttribute('href');
  const institutionId = new URLSearchParams(history!.split('?')[1]).get('entityId')!;

  // The institution sees it at once, and its desk stays closed.
  await applicant.page.goto('/institution/applications');
  await expect(applicant.page).toHaveURL(/\/account\/status$/);
  await expect(applicant.page.getByTestId('organisation-status')).toHaveText('已暂停');
  await expect(applicant.page.getByText('贵机构已被园区暂停')).toBeVisible();

  await o.open('审计日志', '审计日志');
  await o.filter({}, { 对象类型: 'institution' });
  await expect(admin).toHaveURL(/entity=institution/);
  const latest = admin.getByTestId('audit-row').first();
  await expect(latest.getByRole('rowheader')).toHaveText(/^金融机构 · 暂停\s*institution\.suspend$/);
  await expect(latest.getByRole('link', { name: institutionId })).toBeVisible();
  await expect(latest).toContainText(DEMO.admin);

  // Narrowed to the organisation by name: its registration, the approval and the suspension.
  await o.filter({ '机构或企业（名称或 ID）': applicant.name });
  await expect(admin.getByTestId('result-count')).toHaveText('共 3 条');
  await expect(admin.getByTestId('audit-row').getByRole('rowheader')).toHaveText([
    /^金融机构 · 暂停\s*institution\.suspend$/,
    /^金融机构 · 批准\s*institution\.approve$/,
    /^金融机构 · 注册\/登记\s*institution\.register$/,
  ]);
  await latest.getByText('查看 1 项变更').click();
  await expect(latest.getByRole('cell', { name: 'active', exact: true })).toBeVisible();
  await expect(latest.getByRole('cell', { name: 'suspended', exact: true })).toBeVisible();
});

test('the admin issues a reset link, then disables a user who can no longer sign in', async ({ browser }) => {
  const user = await registerEnterprise(browser);
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, DEMO.admin);
  const o = new Oversight(admin);

  await o.open('用户管理（停用、重置密码）', '用户管理');
  await o.filter({ 邮箱或姓名: user.email });
  const row = o.row('user-row', user.email);
  await expect(row.getByTestId('user-status')).toHaveText('正常');

  // A one-time link, shown once, sets a new password.
  await row.getByRole('button', { name: `生成重置密码链接：${user.email}` }).click();
  const link = await row.getByTestId('reset-link').inputValue();
  expect(link).toMatch(/\/set-password\?token=[\w-]{43}$/);
  const holder = await (await browser.newContext()).newPage();
  await holder.goto(link);
  await holder.getByLabel('密码（至少 10 位）').fill('reset-password-456');
  await holder.getByLabel('确认密码').fill('reset-password-456');
  await holder.getByRole('button', { name: '设置密码' }).click();
  await expect(holder).toHaveURL(/\/login\?registered=password/);
  await holder.goto(link);
  await holder.getByLabel('密码（至少 10 位）').fill('reset-password-789');
  await holder.getByLabel('确认密码').fill('reset-password-789');
  await holder.getByRole('button', { name: '设置密码' }).click();
  await expect(holder.getByRole('main').getByRole('alert').first()).toBeVisible(); // used once already
  await expect(holder).toHaveURL(/\/set-password/);

  await row.getByRole('button', { name: `停用：${user.email}` }).click();
  await expect(row.getByTestId('user-status')).toHaveText('已停用');

  // The open session ends at its next request, and signing in is refused.
  await user.page.reload();
  await expect(user.page).toHaveURL(/\/login/);
  const login = new LoginPage(user.page);
  await login.goto();
  await login.signIn(user.email, 'reset-password-456');
  await expect(login.error()).toContainText('该账号已停用');

  // Enabled again, the new password works.
  await row.getByRole('button', { name: `启用：${user.email}` }).click();
  await expect(row.getByTestId('user-status')).toHaveText('正常');
  await login.signIn(user.email, 'reset-password-456');
  await expect(user.page).toHaveURL(/\/enterprise$/);
});
