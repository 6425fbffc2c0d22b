import { expect, test } from '@playwright/test';
import { DEMO, signInAs } from './pages/login-page';

// Issue 9: bad input answers 400 (API) or a clear message on the page, never the error page.

test('the API answers 400 with its JSON error to a NUL in q and to year 0000', async ({ request }) => {
  const products = await request.get('/api/v1/products?q=%00abc');
  expect(products.status()).toBe(400);
  expect((await products.json()).error).toMatchObject({ code: 'invalid_parameter', param: 'q' });

  const figures = await request.get('/api/v1/figures?from=0000-01-01');
  expect(figures.status()).toBe(400);
  expect((await figures.json()).error).toMatchObject({ code: 'invalid_parameter', param: 'from', message: '日期应在 2000-01-01 至 2100-12-31 之间。' });

  for (const bad of ['/api/v1/figures?to=9999-12-31', '/api/v1/products?q=a%07b', '/api/v1/products?q=a%E2%80%A8b'])
    expect((await request.get(bad)).status(), bad).toBe(400);
  expect((await request.get('/api/v1/figures?from=2026-01-01&to=2026-01-31')).status()).toBe(200);
});

test('the catalogue page says what is wrong with a NUL in q and still lists products', async ({ page }) => {
  const response = await page.goto('/products?q=%00abc');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('关键词：不能包含控制字符或不可见字符（如 NUL、零宽空格）。');
  await expect(page.getByTestId('result-count')).toBeVisible();
});

test('the dashboard drops a year-0000 period with a message', async ({ page }) => {
  await signInAs(page, DEMO.admin);
  const response = await page.goto('/admin/dashboard?from=0000-01-01');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('main').getByRole('alert')).toContainText('开始日期：日期应在 2000-01-01 至 2100-12-31 之间。');
  await expect(page.getByTestId('dashboard-period')).toBeVisible();
});

test('a need above 100亿元 is refused with its message; full-width digits are read as ASCII', async ({ page }) => {
  await signInAs(page, DEMO.sme);
  await page.goto('/enterprise/needs/new');
  await page.getByLabel('融资金额（万元）').fill('999999999999');
  await page.getByLabel('融资期限（月）').fill('12');
  await page.getByLabel('资金用途').selectOption('working_capital');
  await page.getByLabel('信用', { exact: true }).check();
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await expect(page.getByText('金额不能超过 100 亿元（1,000,000 万元）。')).toBeVisible();
  await page.getByLabel('融资金额（万元）').fill('12.345');
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await expect(page.getByText('请输入不小于 0 的金额（万元），最多两位小数。')).toBeVisible();
  await expect(page).toHaveURL(/\/enterprise\/needs\/new$/);

  const tag = `全角${Date.now().toString(36)}`;
  await page.getByLabel('融资金额（万元）').fill('２３４．５６');
  await page.getByLabel('需求说明').fill(tag);
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await expect(page).toHaveURL(/\/enterprise\/needs\/[0-9a-f-]{36}$/);
  await page.goto('/enterprise/needs');
  await expect(page.getByTestId('need-row').first()).toContainText('234.56');
});
