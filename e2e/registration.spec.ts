import { expect, test, type Page } from '@playwright/test';
import { withUsccCheckChar } from '../lib/enterprises/uscc';
import { DEMO, LoginPage, signInAs } from './pages/login-page';

// Each run makes its own codes and emails, so reruns on one database do not collide.
const run = Date.now()
  .toString(36)
  .toUpperCase()
  .replace(/[IOSVZ]/g, 'A')
  .slice(-6)
  .padStart(6, '0');

async function fillEnterprise(page: Page, uscc: string, email: string) {
  await page.getByLabel('统一社会信用代码').fill(uscc);
  await page.getByLabel('企业名称').fill(`佛山市南海区端到端测试${run}有限公司`);
  await page.getByLabel('所属行业（国民经济行业门类）').selectOption('C');
  await page.getByLabel('成立日期').fill('2019-06-18');
  await page.getByLabel('注册资本（万元）').fill('800');
  await page.getByLabel('从业人数').fill('56');
  await page.getByLabel('联系人姓名').fill('赵敏');
  await page.getByLabel('登录邮箱').fill(email);
  await page.getByLabel('密码（至少 10 位）').fill('e2e-password-123');
  await page.getByLabel('确认密码').fill('e2e-password-123');
}

test('enterprise registration refuses a corrupted credit code, creates nothing, and accepts the corrected one', async ({ page }) => {
  const good = withUsccCheckChar(`91440605MA5${run}`);
  const corrupted = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
  const email = `e2e-${run.toLowerCase()}@example.com`;

  await page.goto('/register/enterprise');
  await fillEnterprise(page, corrupted, email);
  // The district code 440605 suggests 南海园.
  await expect(page.getByLabel('所在园区')).toHaveValue(/\d+/);
  await expect(page.getByText('建议选择：南海园')).toBeVisible();
  await page.getByRole('button', { name: '提交注册' }).click();
  await expect(page.getByText('统一社会信用代码校验位不正确')).toBeVisible();
  // It names the check character the first 17 characters call for.
  await expect(page.getByText(`校验位应为 ${good[17]}`)).toBeVisible();
  await expect(page).toHaveURL(/\/register\/enterprise$/);

  // Nothing was created: the email cannot sign in.
  const probe = await page.context().newPage();
  const login = new LoginPage(probe);
  await login.goto();
  await login.signIn(email, 'e2e-password-123');
  await expect(login.error()).toHaveText('邮箱或密码不正确。');
  await probe.close();

  await page.getByLabel('统一社会信用代码').fill(good);
  await page.getByRole('button', { name: '提交注册' }).click();
  // Registration signs the new user in, on the enterprise's home page with its first steps.
  // (/register/enterprise ends in /enterprise too: the host before it tells the home page apart.)
  await expect(page).toHaveURL(/\/\/[^/]+\/enterprise$/);
  await expect(page.getByTestId('organisation-name')).toHaveText(`佛山市南海区端到端测试${run}有限公司`);
});

test('an institution applies, waits for approval, and the admin approves it', async ({ browser }) => {
  const uscc = withUsccCheckChar(`91440600MA5${run}`);
  const email = `bank-${run.toLowerCase()}@example.com`;
  const name = `端到端测试银行${run}佛山分行`;
  const applicant = await (await browser.newContext()).newPage();
  await applicant.goto('/register/institution');
  await applicant.getByLabel('机构名称').fill(name);
  await applicant.getByLabel('机构类型').selectOption('bank');
  await applicant.getByLabel('统一社会信用代码').fill(uscc);
  await applicant.getByLabel('联系人姓名').fill('孙立');
  await applicant.getByLabel('联系电话').fill('0757-86000000');
  await applicant.getByLabel('登录邮箱').fill(email);
  await applicant.getByLabel('密码（至少 10 位）').fill('e2e-password-123');
  await applicant.getByLabel('确认密码').fill('e2e-password-123');
  await applicant.getByRole('button', { name: '提交注册' }).click();
  await expect(applicant).toHaveURL(/registered=institution/);
  await new LoginPage(applicant).signIn(email, 'e2e-password-123');
  // A pending institution does not reach the institution desk: it waits on the status page.
  await expect(applicant).toHaveURL(/\/account\/status$/);
  await expect(applicant.getByTestId('organisation-status')).toHaveText('待审核');
  await expect(applicant.getByText('贵机构的入驻申请正在等待园区审核')).toBeVisible();
  await applicant.goto('/institution');
  await expect(applicant).toHaveURL(/\/account\/status$/);

  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, DEMO.admin);
  await admin.getByRole('button', { name: `通过：${name}` }).click();
  await expect(admin.getByRole('button', { name: `通过：${name}` })).toHaveCount(0);

  await applicant.reload();
  await expect(applicant.getByTestId('organisation-status')).toHaveText('正常');
  await expect(applicant.getByText('贵机构的入驻申请正在等待园区审核')).toHaveCount(0);
  await applicant.getByRole('link', { name: '进入工作台' }).click();
  await expect(applicant).toHaveURL(/\/institution$/);
  await expect(applicant.getByText('状态：正常')).toBeVisible();
});
