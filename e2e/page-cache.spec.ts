import { expect, test } from '@playwright/test';
import { DEMO, signInAs } from './pages/login-page';
import { ProductEditor } from './pages/product-editor';

// The public pages' cache (lib/server/page-cache.ts, in scripts/server.ts): a visitor without a
// session gets the catalogue and product pages from it, with a fresh nonce each time; English and
// Chinese are kept apart; a signed-in visitor never gets the cached page; a suspended product
// leaves the cached catalogue and its cached page answers 404 within a second or so.
test('cached public pages: fresh nonce per answer, one per language, never for a signed-in visitor, a suspension shows within a second', async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  const name = `缓存设备贷${Date.now().toString(36)}`;
  await signInAs(page, DEMO.bank);
  const editor = new ProductEditor(page);
  await editor.openNew();
  await editor.fillEquipmentLoan(name, { min: '100', max: '2000' });
  await editor.save();
  await expect(page).toHaveURL(/\/institution\/products\/[0-9a-f-]{36}$/);
  const productId = page.url().split('/').pop()!;
  await page.getByRole('button', { name: '发布' }).click();
  await expect(page.getByTestId('product-status')).toHaveText('已上架');

  // A visitor without a session (its own request context: no cookies).
  const visitor = await playwright.request.newContext({ baseURL });
  // The newest equipment loans: a filter the cache keeps (free-text searches are not kept), with
  // the product just published first.
  const catalogue = '/products?category=equipment&sort=newest';
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await visitor.get(path, { headers, maxRedirects: 0 });
    const csp = res.headers()['content-security-policy'] ?? '';
    return { status: res.status(), body: await res.text(), how: res.headers()['x-krt-page-cache'], nonce: /'nonce-([^']+)'/.exec(csp)?.[1] };
  };

  const first = await get(catalogue);
  const second = await get(catalogue);
  expect(first.how).toBe('miss');
  expect(second.how).toBe('hit');
  for (const r of [first, second]) {
    expect(r.body).toContain(`/products/${productId}`);
    expect(r.body).toContain('金融产品');
    // Every nonce in the page is the one of its own answer's policy.
    const nonces = new Set([...r.body.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]));
    expect([...nonces]).toEqual([r.nonce]);
  }
  expect(second.nonce).not.toBe(first.nonce);
  expect((await get(`/products/${productId}`)).how).toBe('miss');
  expect((await get(`/products/${productId}`)).how).toBe('hit');

  // English is rendered and kept on its own.
  const en = await get(catalogue, { cookie: 'locale=en' });
  expect(en.how).toBe('miss');
  expect(en.body).toContain('Loan products');
  expect((await get(catalogue, { cookie: 'locale=en' })).how).toBe('hit');
  expect((await get(catalogue)).body).toContain('金融产品');

  // A browser on a cached answer: its scripts run under that answer's nonce (no CSP refusal) and
  // the page hydrates (the language switch is a server action run by client code).
  const browserVisitor = await (await browser.newContext()).newPage();
  const refused: string[] = [];
  browserVisitor.on('console', (m) => {
    if (/Refused to|Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  const cached = await browserVisitor.goto(catalogue);
  expect(cached?.headers()['x-krt-page-cache']).toBe('hit');
  await browserVisitor.getByRole('button', { name: 'English' }).first().click();
  await expect(browserVisitor.locator('html')).toHaveAttribute('lang', 'en');
  await expect(browserVisitor.getByRole('heading', { level: 1, name: 'Loan products' })).toBeVisible();
  expect(refused).toEqual([]);
  await browserVisitor.context().close();

  // The signed-in officer gets a render of its own.
  const signedIn = await page.request.get(catalogue);
  expect(signedIn.headers()['x-krt-page-cache']).toBeUndefined();
  expect(await signedIn.text()).toContain(`/products/${productId}`);

  // Suspended: gone from the cached catalogue, its cached page 404, within a second.
  await page.getByRole('button', { name: '暂停' }).click();
  await expect(page.getByTestId('product-status')).toHaveText('已暂停');
  const suspendedAt = Date.now();
  let gone = false;
  let notFound = false;
  while (!(gone && notFound) && Date.now() - suspendedAt < 5_000) {
    gone = !(await get(catalogue)).body.includes(`/products/${productId}`);
    notFound = (await get(`/products/${productId}`)).status === 404;
  }
  expect(gone).toBe(true);
  expect(notFound).toBe(true);
  // The instance learns the new catalogue version within half a second (CATALOGUE_VERSION_TTL_MS);
  // the rest is rendering the two pages afresh on the embedded database, which a slow CI machine
  // stretches: the bound here leaves it room, the drills and the integration test time it closer.
  const took = Date.now() - suspendedAt;
  test.info().annotations.push({ type: 'suspension shown after', description: `${took} ms` });
  expect(took).toBeLessThan(2_000);
  await visitor.dispose();
});
