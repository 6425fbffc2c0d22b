import { expect, test } from '@playwright/test';
import { DEMO, LoginPage, signInAs } from './pages/login-page';
import { ProductEditor } from './pages/product-editor';

test('an officer publishes a 设备贷 product; visitors find it until it is suspended', async ({ browser, page, request }) => {
  const name = `数控设备贷${Date.now().toString(36)}`;
  await signInAs(page, DEMO.bank);
  const editor = new ProductEditor(page);
  await editor.openNew();
  await editor.fillEquipmentLoan(name, { min: '3000', max: '2000' });
  // The risk-compensation schemes offered are those covering the chosen category: none for 设备贷,
  // the IP-pledge fund for 知识产权质押贷.
  const scheme = page.getByLabel('风险补偿方案（选填）');
  await expect(scheme.locator('option')).toHaveText(['不参加']);
  await page.getByLabel('产品类别').selectOption('ip_pledge');
  await expect(scheme.locator('option')).toHaveText(['不参加', '佛山市知识产权质押融资风险补偿资金']);
  await page.getByLabel('产品类别').selectOption('equipment');
  await editor.save();
  await expect(page.getByText('最低额度不能高于最高额度。')).toBeVisible();
  await expect(page).toHaveURL(/\/institution\/products\/new$/);

  await page.getByLabel('最低额度（万元）').fill('100');
  await editor.save();
  await expect(page).toHaveURL(/\/institution\/products\/[0-9a-f-]{36}$/);
  const productId = page.url().split('/').pop()!;
  await expect(page.getByTestId('product-status')).toHaveText('草稿');

  // A draft is invisible to the public.
  expect((await request.get(`/api/v1/products/${productId}`)).status()).toBe(404);

  await page.getByRole('button', { name: '发布' }).click();
  await expect(page.getByTestId('product-status')).toHaveText('已上架');

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/products');
  await visitor.getByLabel('产品类别').selectOption('equipment');
  await visitor.getByRole('button', { name: '查询' }).click();
  await expect(visitor).toHaveURL(/category=equipment/);
  const card = visitor.getByTestId('product-card').filter({ hasText: name });
  await expect(card).toBeVisible();
  await expect(card.getByTestId('product-rate')).toHaveText('3.15%–4.20%');
  const api = await request.get('/api/v1/products?category=equipment&pageSize=50');
  expect((await api.json()).items.map((i: { name: string }) => i.name)).toContain(name);

  await page.getByRole('button', { name: '暂停' }).click();
  await expect(page.getByTestId('product-status')).toHaveText('已暂停');
  await visitor.reload();
  await expect(visitor.getByTestId('product-card').filter({ hasText: name })).toHaveCount(0);
  const after = await request.get('/api/v1/products?category=equipment&pageSize=50');
  expect((await after.json()).items.map((i: { name: string }) => i.name)).not.toContain(name);
  expect((await request.get(`/api/v1/products/${productId}`)).status()).toBe(404);
  await visitor.goto(`/products/${productId}`);
  await expect(visitor.getByRole('heading', { name })).toHaveCount(0);
});

test('another institution’s product editor answers 404', async ({ page }) => {
  const api = await page.request.get('/api/v1/products?pageSize=50');
  const foreign = (await api.json()).items.find((i: { institution: { name: string } }) => i.institution.name !== '工商银行佛山分行');
  await signInAs(page, DEMO.bank);
  const res = await page.goto(`/institution/products/${foreign.id}`);
  expect(res?.status()).toBe(404);
});

test('the enterprise sees why a product does not fit', async ({ page }) => {
  const api = await page.request.get('/api/v1/products?pageSize=50');
  const items = (await api.json()).items as { id: string }[];
  let restricted: { id: string } | undefined;
  for (const i of items) {
    const d = await (await page.request.get(`/api/v1/products/${i.id}`)).json();
    if (d.eligibility.requiredCertifications.length || d.eligibility.minInnovationScore || d.eligibility.parkCodes.length) {
      restricted = i;
      break;
    }
  }
  expect(restricted).toBeDefined();
  await page.goto(`/products/${restricted!.id}`);
  await expect(page.getByText('企业用户登录后可查看本企业是否符合准入条件。')).toBeVisible();
  await signInAs(page, DEMO.sme);
  await page.goto(`/products/${restricted!.id}`);
  await expect(page.getByTestId('eligibility').getByRole('listitem').first()).toBeVisible();
});

test('the products API validates parameters and publishes its OpenAPI document', async ({ request }) => {
  const bad = await request.get('/api/v1/products?term=999');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatchObject({ code: 'invalid_parameter', param: 'term' });
  const search = await request.get(`/api/v1/products?q=${encodeURIComponent('专利')}`);
  const body = await search.json();
  expect(body.total).toBeGreaterThan(0);
  for (const i of body.items as { id: string }[]) {
    const d = await (await request.get(`/api/v1/products/${i.id}`)).json();
    expect(`${d.name} ${d.summary} ${d.description}`).toContain('专利');
  }
  const doc = await (await request.get('/api/v1/openapi.json')).json();
  expect(doc.openapi).toBe('3.1.0');
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/products', '/api/v1/products/{id}']));
});

test('a visitor on a product page follows 企业用户登录后可申请 to sign in and lands on the application form', async ({ page }) => {
  const api = await page.request.get('/api/v1/products?pageSize=1');
  const product = (await api.json()).items[0] as { id: string; name: string };
  await page.goto(`/products/${product.id}`);
  await page.getByRole('link', { name: '企业用户登录后可申请' }).click();
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  const login = new LoginPage(page);
  await login.signIn(DEMO.sme);
  await expect(page).toHaveURL(new RegExp(`/products/${product.id}/apply$`));
});

test('a product page lists the documents an application is checked against, by kind', async ({ page }) => {
  await page.goto(`/products?q=${encodeURIComponent('工银知识产权质押贷')}`);
  await page.getByRole('link', { name: '工银知识产权质押贷' }).first().click();
  await expect(page).toHaveURL(/\/products\/[0-9a-f-]{36}$/);
  const kinds = page.getByTestId('product-required-kinds');
  await expect(kinds).toContainText('专利证书');
  await expect(kinds).toContainText('评估报告');
  // The product's own wording stays beside them.
  await expect(page.getByText('全体共有人同意质押的书面声明')).toBeVisible();
});
