import { expect, test, type Locator, type Page } from '@playwright/test';
import { withUsccCheckChar } from '../lib/enterprises/uscc';
import { DEMO, signInAs } from './pages/login-page';

// Each run registers its own enterprise, so reruns and other specs do not get in the way.
const run = Date.now()
  .toString(36)
  .toUpperCase()
  .replace(/[IOSVZ]/g, 'A')
  .slice(-6)
  .padStart(6, '0');
const FLAG = '校验位未通过，企业确认与执照一致';

class VerificationQueue {
  constructor(readonly page: Page) {}

  async openFromAdminHome() {
    await this.page.goto('/admin');
    await this.page.getByRole('link', { name: '前往核验队列' }).click();
    await expect(this.page).toHaveURL(/\/admin\/verification$/);
    await expect(this.page.getByRole('heading', { level: 1, name: '企业与资质核验' })).toBeVisible();
  }

  /** Oldest first: what was just submitted is on the list's last page (20 a page). */
  async openLastPage(list: 'enterprises' | 'certifications') {
    await this.openFromAdminHome();
    const heading = list === 'enterprises' ? /^待核验企业/ : /^待核验资质/;
    const total = Number((await this.page.getByRole('heading', { name: heading }).innerText()).match(/共 (\d+) 项/)![1]);
    await this.page.goto(`/admin/verification?${list === 'enterprises' ? 'ep' : 'cp'}=${Math.max(1, Math.ceil(total / 20))}`);
  }

  enterprises(): Locator {
    return this.page.getByTestId('enterprise-queue-row');
  }

  enterprise(name: string): Locator {
    return this.enterprises().filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  certifications(): Locator {
    return this.page.getByTestId('certification-queue-row');
  }

  certification(number: string): Locator {
    return this.certifications().filter({ has: this.page.getByRole('rowheader', { name: number, exact: true }) });
  }
}

/**
 * Registers an enterprise of this run and signs it in. `overridden`: its code fails the check
 * character and the user confirms it as printed on the licence.
 */
async function registerEnterprise(page: Page, district: '440604' | '440606', overridden: boolean) {
  const good = withUsccCheckChar(`9144${district.slice(2)}MA5${run}`);
  const uscc = overridden ? good.slice(0, 17) + (good[17] === '1' ? '2' : '1') : good;
  const name = `佛山市${district === '440604' ? '禅城' : '顺德'}区核验测试${run}有限公司`;
  const email = `verify-${district}-${run.toLowerCase()}@example.com`;
  await submitRegistration(page, { uscc, name, email, overridden });
  // Registration signs the new user in.
  // (/register/enterprise ends in /enterprise too: the host before it tells the home page apart.)
  await expect(page).toHaveURL(/\/\/[^/]+\/enterprise$/);
  return { uscc, name };
}

async function submitRegistration(page: Page, r: { uscc: string; name: string; email: string; overridden?: boolean }) {
  const { uscc, name, email, overridden = false } = r;
  await page.goto('/register/enterprise');
  await page.getByLabel('统一社会信用代码').fill(uscc);
  if (overridden) await page.getByLabel('我确认此代码与营业执照上印刷的完全一致（将由园区管理员人工核验）').check();
  await page.getByLabel('企业名称').fill(name);
  await page.getByLabel('所属行业（国民经济行业门类）').selectOption('M');
  await page.getByLabel('成立日期').fill('2012-09-03');
  await page.getByLabel('注册资本（万元）').fill('300');
  await page.getByLabel('从业人数').fill('25');
  await page.getByLabel('联系人姓名').fill('陈静');
  await page.getByLabel('登录邮箱').fill(email);
  await page.getByLabel('密码（至少 10 位）').fill('e2e-password-123');
  await page.getByLabel('确认密码').fill('e2e-password-123');
  await page.getByRole('button', { name: '提交注册' }).click();
}

test('the admin verifies an enterprise whose code failed its check; the enterprise sees it verified', async ({ browser }) => {
  const applicant = await (await browser.newContext()).newPage();
  const { uscc, name } = await registerEnterprise(applicant, '440604', true);
  await expect(applicant.getByText('您的统一社会信用代码未通过自动校验')).toBeVisible();
  await expect(applicant.getByText('待核验')).toBeVisible();

  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, DEMO.admin);
  const queue = new VerificationQueue(admin);
  await queue.openFromAdminHome();

  // Codes that failed their check come first: only a person can vouch for them.
  await expect(queue.enterprises().first().getByTestId('uscc-overridden')).toHaveText(FLAG);
  const row = queue.enterprise(name);
  await expect(row).toHaveCount(1);
  await expect(row.getByText(uscc, { exact: true })).toBeVisible();
  await expect(row.getByTestId('uscc-overridden')).toHaveText(FLAG);
  await expect(row).toContainText('禅城园');
  await expect(row).toContainText('M 科学研究和技术服务业');
  await expect(row).toContainText('2012-09-03');

  await row.getByRole('button', { name: `核验通过：${name}` }).click();
  await expect(queue.enterprise(name)).toHaveCount(0);
  await admin.reload();
  await expect(queue.enterprise(name)).toHaveCount(0);

  await applicant.reload();
  await expect(applicant.getByText('已核验')).toBeVisible();
  await expect(applicant.getByText('您的统一社会信用代码未通过自动校验')).toHaveCount(0);
});

test('the admin rejects a certification with a reason, by keyboard; the enterprise reads the reason', async ({ browser }) => {
  const applicant = await (await browser.newContext()).newPage();
  await registerEnterprise(applicant, '440606', false);
  const number = `FSDL-E2E-${run}`;
  await applicant.goto('/enterprise/profile');
  await applicant.getByLabel('资质类型').selectOption('gazelle');
  await applicant.getByLabel('证书编号').fill(number);
  await applicant.getByLabel('有效期起').fill('2026-10-30');
  await applicant.getByLabel('有效期止').fill('2028-10-29');
  await applicant.getByRole('button', { name: '添加资质' }).click();
  const mine = applicant.getByTestId('certification').filter({ hasText: number });
  await expect(mine).toContainText('待核验');

  const page = await (await browser.newContext()).newPage();
  await signInAs(page, DEMO.admin);
  const queue = new VerificationQueue(page);
  await queue.openLastPage('certifications');
  const row = queue.certification(number);
  await expect(row).toContainText('瞪羚企业');
  await expect(row).toContainText('2026-10-30 至 2028-10-29');

  const reject = row.getByRole('button', { name: `驳回：瞪羚企业 ${number}` });
  await reject.focus();
  await page.keyboard.press('Enter');
  await expect(reject).toHaveAttribute('aria-expanded', 'true');
  const reason = row.getByLabel('驳回理由');
  await expect(reason).toBeFocused();

  // Escape closes the form and gives the focus back.
  await page.keyboard.press('Escape');
  await expect(reason).toHaveCount(0);
  await expect(reject).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(reason).toBeFocused();
  await row.getByRole('button', { name: '确认驳回' }).click();
  await expect(row.getByRole('alert')).toHaveText('请填写驳回理由。');
  await expect(queue.certification(number)).toHaveCount(1);

  const why = '证书编号在认定机构公示名单中查询不到，请上传证书扫描件。';
  await reason.fill(why);
  await page.keyboard.press('Tab');
  await expect(row.getByRole('button', { name: '确认驳回' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(queue.certification(number)).toHaveCount(0);
  await page.reload();
  await expect(queue.certification(number)).toHaveCount(0);

  await applicant.reload();
  await expect(mine).toContainText('已驳回');
  await expect(mine).toContainText(why);
});

test('the verification queue is the admins’ alone', async ({ page }) => {
  await page.goto('/admin/verification');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fverification/);
  await signInAs(page, DEMO.sme);
  await page.goto('/admin/verification');
  await expect(page).toHaveURL(/\/enterprise$/);
});

test('a stranger who registered with a company’s credit code is rejected and the code released; the company then registers with it', async ({ browser }) => {
  const uscc = withUsccCheckChar(`91440605MA7${run}`);
  const squatter = await (await browser.newContext()).newPage();
  const squatterName = `佛山市南海区冒用测试${run}有限公司`;
  await submitRegistration(squatter, { uscc, name: squatterName, email: `squat-${run.toLowerCase()}@example.com` });
  await expect(squatter).toHaveURL(/\/\/[^/]+\/enterprise$/);
  // Before anyone checks it, the registrant applies for a loan; the officer is told it is unverified.
  const found = await (await squatter.request.get(`/api/v1/products?q=${encodeURIComponent('工银科创e贷')}`)).json();
  const product = (found.items as { id: string; name: string }[]).find((p) => p.name === '工银科创e贷');
  await squatter.goto(`/products/${product?.id}/apply`);
  await squatter.getByLabel('申请金额（万元）').fill('50');
  await squatter.getByLabel('申请期限（月）').fill('12');
  await squatter.getByRole('button', { name: '提交申请' }).click();
  await expect(squatter).toHaveURL(/\/enterprise\/applications\/[0-9a-f-]{36}$/);
  const workbench = `/institution/applications/${squatter.url().split('/').pop()}`;
  const officer = await (await browser.newContext()).newPage();
  await signInAs(officer, DEMO.bank);
  await officer.goto(workbench);
  await expect(officer.getByTestId('enterprise-verification-notice')).toHaveText('该企业尚待园区核验：园区尚未确认其登记信息。');

  // The company the code names is refused, and told to ask the zone.
  const company = await (await browser.newContext()).newPage();
  const companyName = `佛山市南海区代码所属${run}有限公司`;
  await submitRegistration(company, { uscc, name: companyName, email: `owner-${run.toLowerCase()}@example.com` });
  await expect(company.getByText('该统一社会信用代码已注册。如非贵单位注册，请联系园区管理员（科融通服务中心）核实处理。')).toBeVisible();

  // The admin finds the squatter in the queue and rejects it, releasing the code.
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, DEMO.admin);
  const queue = new VerificationQueue(admin);
  await queue.openLastPage('enterprises');
  const row = queue.enterprise(squatterName);
  await row.getByRole('button', { name: `驳回：${squatterName}` }).click();
  // The form says first what the decision touches: the application the officer is handling.
  await expect(row.getByTestId('decision-business')).toContainText('该企业有处理中的申请 1 笔、未结清的贷款 0 笔。');
  await row.getByLabel('驳回理由').fill('营业执照显示该信用代码属于另一家企业');
  await row.getByLabel('该信用代码不属于注册者（冒用他人代码）：驳回并释放代码，让代码所属企业可以注册').check();
  await row.getByRole('button', { name: '确认驳回' }).click();
  await expect(queue.enterprise(squatterName)).toHaveCount(0);

  // The same form, sent again, now registers the company.
  await company.getByRole('button', { name: '提交注册' }).click();
  await expect(company).toHaveURL(/\/\/[^/]+\/enterprise$/);
  await expect(company.getByTestId('organisation-name')).toHaveText(companyName);
  await expect(company.getByText(uscc, { exact: true })).toBeVisible();

  // The officer deciding its application is warned in red.
  await officer.reload();
  await expect(officer.getByTestId('enterprise-verification-notice')).toContainText('该企业未通过园区核验（已驳回或已撤销）');

  // The squatter's account is closed, and told why (not that it may be verified again).
  await squatter.goto('/enterprise');
  await expect(squatter).toHaveURL(/\/account\/status$/);
  await expect(squatter.getByText('经园区核实，贵企业注册时使用的统一社会信用代码不属于贵企业')).toBeVisible();
  // Its application, still with the bank, is listed: it cannot act on it here any more.
  await expect(squatter.getByTestId('status-applications').getByRole('listitem')).toHaveText(['工商银行佛山分行 · 工银科创e贷 · 已提交']);

  // Its consent to the bank (given with the application) is still its own to withdraw, from the status page.
  expect(await officer.getByTestId('workbench-financials').innerText()).not.toBe('企业授权后可见');
  await expect(squatter.getByTestId('consents').getByRole('listitem')).toHaveCount(1);
  squatter.once('dialog', (d) => d.accept());
  await squatter.getByRole('button', { name: /^撤回授权：/ }).click();
  await expect(squatter.getByText('当前没有生效的授权。')).toBeVisible();
  await expect(squatter.getByTestId('consents')).toHaveCount(0);
  await officer.reload();
  await expect(officer.getByTestId('workbench-financials')).toHaveText('企业授权后可见');
});

test('the service centre looks a credit code up, revokes the verified squatter holding it and releases the code; the company then registers', async ({
  browser,
}) => {
  const uscc = withUsccCheckChar(`91440605MA8${run}`);
  const squatter = await (await browser.newContext()).newPage();
  const squatterName = `佛山市南海区已核验冒用${run}有限公司`;
  await submitRegistration(squatter, { uscc, name: squatterName, email: `squat2-${run.toLowerCase()}@example.com` });
  await expect(squatter).toHaveURL(/\/\/[^/]+\/enterprise$/);

  // The admin looks the code up as a caller reads it out (groups, lower case) and verifies the registrant.
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, DEMO.admin);
  const lookUp = async (code: string) => {
    await admin.goto('/admin/verification');
    await admin.getByRole('textbox', { name: '统一社会信用代码' }).fill(code);
    await admin.getByRole('button', { name: '查找' }).click();
  };
  await lookUp('12345');
  await expect(admin.getByRole('alert')).toHaveText('统一社会信用代码应为 18 位。');
  await lookUp(`${uscc.slice(0, 6)} ${uscc.slice(6, 12).toLowerCase()}-${uscc.slice(12)}`);
  const row = admin.getByTestId('lookup-row').filter({ has: admin.getByRole('rowheader', { name: squatterName, exact: true }) });
  await expect(row.getByTestId('lookup-status')).toHaveText('待核验');
  await row.getByRole('button', { name: `核验通过：${squatterName}` }).click();
  await expect(row.getByTestId('lookup-status')).toHaveText('已核验');

  // The company the code names is refused.
  const company = await (await browser.newContext()).newPage();
  const companyName = `佛山市南海区代码所属二${run}有限公司`;
  await submitRegistration(company, { uscc, name: companyName, email: `owner2-${run.toLowerCase()}@example.com` });
  await expect(company.getByText('该统一社会信用代码已注册。如非贵单位注册，请联系园区管理员（科融通服务中心）核实处理。')).toBeVisible();

  // The service centre revokes the verification and releases the code.
  await row.getByRole('button', { name: `撤销核验：${squatterName}` }).click();
  await row.getByLabel('撤销理由').fill('营业执照显示该信用代码属于另一家企业');
  await row.getByLabel('该信用代码不属于该企业（冒用他人代码）：撤销核验并释放代码，让代码所属企业可以注册').check();
  await row.getByRole('button', { name: '确认撤销' }).click();
  await expect(row.getByTestId('lookup-status')).toHaveText('核验已撤销');
  await expect(row.getByText(`已释放（${uscc}）`)).toBeVisible();
  await expect(row.getByText('代码已释放，不能再操作')).toBeVisible();

  // The company's same form now registers it; the lookup shows both, the company holding the code.
  await company.getByRole('button', { name: '提交注册' }).click();
  await expect(company).toHaveURL(/\/\/[^/]+\/enterprise$/);
  await lookUp(uscc);
  await expect(admin.getByTestId('lookup-row')).toHaveCount(2);
  const owner = admin.getByTestId('lookup-row').filter({ has: admin.getByRole('rowheader', { name: companyName, exact: true }) });
  await expect(owner.getByRole('cell', { name: uscc, exact: true })).toBeVisible();
  await expect(owner.getByTestId('lookup-status')).toHaveText('待核验');

  // The squatter is signed out of its workspace and told why: a revocation, not a first rejection.
  await squatter.goto('/enterprise');
  await expect(squatter).toHaveURL(/\/account\/status$/);
  await expect(squatter.getByTestId('organisation-status')).toHaveText('核验已撤销');
  await expect(squatter.getByText('经园区核实，贵企业注册时使用的统一社会信用代码不属于贵企业')).toBeVisible();
});
