import { expect, test } from '@playwright/test';
import { DEMO, LoginPage, signInAs, signInThroughForm } from './pages/login-page';

test.describe('sign-in', () => {
  test('each demo account lands on its own area', async ({ page }) => {
    const cases = [
      { email: DEMO.admin, path: '/admin', heading: '园区管理' },
      { email: DEMO.bank, path: '/institution', heading: '机构工作台', organisation: '工商银行佛山分行' },
      { email: DEMO.sme, path: '/enterprise', heading: '企业中心' },
    ];
    for (const c of cases) {
      await signInThroughForm(page, c.email);
      await expect(page).toHaveURL(new RegExp(`${c.path}$`));
      await expect(page.getByRole('heading', { level: 1, name: c.heading })).toBeVisible();
      if (c.organisation) await expect(page.getByTestId('organisation-name')).toHaveText(c.organisation);
      await page.getByRole('button', { name: '退出登录' }).first().click();
      await expect(page.getByRole('link', { name: '登录' }).first()).toBeVisible();
    }
  });

  test('a wrong password is refused with a message', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(DEMO.sme, 'not-the-password');
    await expect(login.error()).toHaveText('邮箱或密码不正确。');
    await expect(page).toHaveURL(/\/login/);
  });

  test('a signed-out visit to an admin page goes to sign-in and back', async ({ page }) => {
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    const login = new LoginPage(page);
    await login.signIn(DEMO.admin);
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole('heading', { level: 1, name: '园区管理' })).toBeVisible();
  });

  test('a callbackUrl that browsers read as another site (/<tab>/evil.example) keeps the user on this site', async ({ page }) => {
    const evil = '/login?callbackUrl=%2F%09%2Fevil.example';
    const offSite: string[] = [];
    page.on('request', (r) => {
      if (!new URL(r.url()).host.startsWith('localhost')) offSite.push(r.url());
    });
    // Signing in on that page…
    const login = new LoginPage(page);
    await login.goto(evil.slice('/login'.length));
    await login.signIn(DEMO.admin);
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/admin$/);
    // …and opening it again while signed in.
    await page.goto(evil);
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/admin$/);
    await page.goto('/login?callbackUrl=%2F%5Cevil.example');
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/admin$/);
    await page.goto('/login?callbackUrl=%2Fadmin%2Fusers');
    await expect(page).toHaveURL(/\/admin\/users$/);
    expect(offSite).toEqual([]);
  });

  test('another role opening the admin area is sent to its own area', async ({ page }) => {
    await signInAs(page, DEMO.bank);
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/institution$/);
  });
});

test.describe('an organisation that may not act', () => {
  test('a suspended institution’s officer lands on the status page and cannot open the desk', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(DEMO.suspendedOfficer);
    await expect(page).toHaveURL(/\/account\/status$/);
    await expect(page.getByRole('heading', { level: 1, name: '账户状态' })).toBeVisible();
    await expect(page.getByTestId('organisation-status')).toHaveText('已暂停');
    await expect(page.getByText('请联系园区科技金融创新服务中心')).toBeVisible();
    for (const path of ['/institution', '/institution/applications', '/institution/products/new']) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/account\/status$/);
    }
    // Signing in again with a callbackUrl into the desk lands on the status page too.
    await page.goto('/login?callbackUrl=%2Finstitution%2Fapplications');
    await expect(page).toHaveURL(/\/account\/status$/);
    await page.getByRole('main').getByRole('button', { name: '退出登录' }).click();
    await expect(page.getByRole('link', { name: '登录' }).first()).toBeVisible();
  });

  test('a pending institution’s officer is told it waits for the zone’s review, in both languages', async ({ page }) => {
    await signInAs(page, DEMO.pendingOfficer);
    await expect(page).toHaveURL(/\/account\/status$/);
    await expect(page.getByTestId('organisation-status')).toHaveText('待审核');
    await expect(page.getByText('等待园区审核')).toBeVisible();
    await page.getByRole('button', { name: 'English' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Account status' })).toBeVisible();
    await expect(page.getByTestId('organisation-status')).toHaveText('Pending review');
    await page.getByRole('button', { name: '中文' }).first().click();
  });
});

test('an admin signs a user out everywhere: each of the user’s browsers goes to sign-in at its next page load', async ({ browser }) => {
  const browsers = [];
  for (let i = 0; i < 2; i++) {
    const page = await (await browser.newContext()).newPage();
    await signInAs(page, DEMO.sme);
    await page.goto('/enterprise/needs');
    await expect(page).toHaveURL(/\/enterprise\/needs$/);
    browsers.push(page);
  }
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, DEMO.admin);
  await admin.goto(`/admin/users?q=${encodeURIComponent(DEMO.sme)}`);
  const row = admin.getByTestId('user-row').filter({ has: admin.getByRole('rowheader', { name: DEMO.sme, exact: true }) });
  await row.getByRole('button', { name: `强制下线：${DEMO.sme}` }).click();
  await expect(row.getByRole('status').first()).toHaveText(`已结束 ${DEMO.sme} 的所有登录会话，该用户下次访问时需要重新登录。`);

  for (const page of browsers) {
    await page.goto('/enterprise/needs');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fenterprise%2Fneeds$/);
    await expect(page.getByTestId('current-user')).toHaveCount(0);
  }
  // The account itself still works: signing in again returns to where the user was going.
  await new LoginPage(browsers[0]).signIn(DEMO.sme);
  await expect(browsers[0]).toHaveURL(/\/enterprise\/needs$/);
  // The admin's own session is untouched, and the action is in the user's history.
  await admin.goto('/admin/audit?entity=user');
  await expect(admin.getByTestId('audit-row').first().getByRole('rowheader')).toHaveText(/^用户 · 全部设备退出\s*user\.sign_out_everywhere$/);
});

test('after 40 failed sign-ins from one address, a browser that signed in before still gets in; a new browser there is refused with the wait time', async ({
  browser,
  playwright,
}) => {
  // The server trusts one proxy hop (playwright.config.ts): these requests come "from" ATTACKED.
  const ATTACKED = '203.0.113.40';
  const fromAttacked = { extraHTTPHeaders: { 'X-Forwarded-For': ATTACKED } };
  const t0 = Date.now();

  const trusted = await (await browser.newContext(fromAttacked)).newPage();
  await signInAs(trusted, DEMO.admin);
  const device = (await trusted.context().cookies()).find((c) => c.name === 'krt-device');
  expect(device).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  expect(device!.expires * 1000 - t0).toBeGreaterThan(360 * 86_400_000);
  await trusted.getByRole('button', { name: '退出登录' }).first().click();
  await expect(trusted.getByRole('link', { name: '登录' }).first()).toBeVisible();

  // 40 wrong passwords from that address, through next-auth's own endpoint.
  const attacker = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, ...fromAttacked });
  for (let i = 0; i < 40; i++) {
    const { csrfToken } = await (await attacker.get('/api/auth/csrf')).json();
    const res = await attacker.post('/api/auth/callback/credentials', {
      form: { email: `guess-${i}@example.com`, password: 'wrong-password', csrfToken, json: 'true' },
    });
    expect(JSON.stringify(await res.json())).toMatch(/error/);
  }
  await attacker.dispose();

  // The browser that signed in before: in.
  const login = new LoginPage(trusted);
  await login.goto();
  await login.signIn(DEMO.admin);
  await expect(trusted).toHaveURL(/\/admin$/);

  // A new browser at the same address: refused, told until when (15 minutes after the first failure).
  const fresh = await (await browser.newContext(fromAttacked)).newPage();
  const refused = new LoginPage(fresh);
  await refused.goto();
  await refused.signIn(DEMO.admin);
  const times = new Set<string>();
  for (let t = t0 + 15 * 60_000 - 60_000; t <= Date.now() + 15 * 60_000 + 60_000; t += 30_000) {
    times.add(new Date(t).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' }));
  }
  await expect(refused.error()).toHaveText(/^登录失败次数过多，请于 \d{2}:\d{2} 之后再试。$/);
  const message = await refused.error().textContent();
  expect([...times]).toContain(message!.match(/\d{2}:\d{2}/)![0]);
  await expect(fresh).toHaveURL(/\/login/);

  // Only that address is limited: the same account from elsewhere signs in as usual.
  const elsewhere = await (await browser.newContext()).newPage();
  await signInAs(elsewhere, DEMO.admin);
  await expect(elsewhere).toHaveURL(/\/admin$/);
});

test('the interface switches to English and back', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('连接园区企业与金融机构');
  await page.getByRole('button', { name: 'English' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connecting the zone’s enterprises with its lenders');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: '中文' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('连接园区企业与金融机构');
});

test('health reports the embedded database and its migrations', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ status: 'ok', database: 'pglite', migrations: { upToDate: true } });
});
