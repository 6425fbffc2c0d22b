import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { DEMO, LoginPage } from './pages/login-page';

// Security headers (next.config.js for every path, proxy.ts for the policy with a nonce) and proof
// that the pages still run under that policy: charts draw, forms submit, nothing is refused.

const STATIC_HEADERS = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

function expectStaticHeaders(res: APIResponse) {
  const h = res.headers();
  for (const [k, v] of Object.entries(STATIC_HEADERS)) expect(h[k], k).toBe(v);
  expect(h['permissions-policy']).toContain('camera=()');
  expect(h['permissions-policy']).toContain('geolocation=()');
  expect(h['strict-transport-security'], 'no HSTS over plain http').toBeUndefined();
  const csp = directives(h['content-security-policy'] ?? '');
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(h['content-security-policy']).not.toContain('unsafe-eval');
  return csp;
}

function nonceOf(csp: Map<string, string[]>): string {
  const source = csp.get('script-src')?.find((s) => s.startsWith("'nonce-"));
  expect(source, 'script-src carries a nonce').toBeTruthy();
  return source!.slice("'nonce-".length, -1);
}

test('a page, an API route, next-auth and a static chunk carry the security headers', async ({ request }) => {
  const page = await request.get('/products');
  expect(page.status()).toBe(200);
  const csp = expectStaticHeaders(page);
  const script = csp.get('script-src')!;
  expect(script).toContain("'strict-dynamic'");
  expect(script).not.toContain("'unsafe-inline'");
  expect(csp.get('object-src')).toEqual(["'none'"]);
  const nonce = nonceOf(csp);

  // Every script Next wrote into the page carries this response's nonce.
  const html = await page.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(2);
  for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);

  // A fresh nonce per response.
  expect(nonceOf(directives((await request.get('/products')).headers()['content-security-policy']))).not.toBe(nonce);

  const api = await request.get('/api/v1/products');
  expect(api.status()).toBe(200);
  expectStaticHeaders(api);

  // The sign-in redirect of a protected area is a response too.
  const redirect = await request.get('/admin', { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expectStaticHeaders(redirect);

  // Paths the proxy does not run for get the same headers and a fixed policy from next.config.js.
  const auth = await request.get('/api/auth/csrf');
  expect(auth.status()).toBe(200);
  expect(directives(auth.headers()['content-security-policy']).get('default-src')).toEqual(["'none'"]);
  expectStaticHeaders(auth);

  const chunk = scripts.map((t) => /src="(\/_next\/static\/[^"]+\.js)"/.exec(t)?.[1]).find(Boolean);
  expect(chunk).toBeTruthy();
  const asset = await request.get(chunk!);
  expect(asset.status()).toBe(200);
  expect(asset.headers()['content-type']).toContain('javascript');
  expectStaticHeaders(asset);
});

test('the sign-in page runs under the policy, its scripts with the nonce', async ({ request }) => {
  for (const path of ['/login', '/login?callbackUrl=%2Fadmin']) {
    const res = await request.get(path);
    expect(res.status()).toBe(200);
    const nonce = nonceOf(expectStaticHeaders(res));
    const scripts = [...(await res.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(2);
    for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
  }
});

test('a path whose percent-encoding does not decode answers 400 with the headers, not a 500', async ({ request }) => {
  for (const path of ['/products/%ZZ', '/products/%E0%A4%A', '/api/v1/products/%E0%A4%A', '/institution/applications/%ZZ']) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(400);
    expectStaticHeaders(res);
    expect(directives(res.headers()['content-security-policy']).get('default-src')).toEqual(["'none'"]);
  }
  // A well-formed encoded path still reaches its page.
  expect((await request.get('/products/%E4%BA%A7%E5%93%81')).status()).toBe(404);
});

test('HSTS is sent only when the client came over https', async ({ request }) => {
  for (const path of ['/', '/api/health', '/api/auth/csrf']) {
    const res = await request.get(path, { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers()['strict-transport-security'], path).toBe('max-age=63072000; includeSubDomains');
  }
  const page = await request.get('/', { headers: { 'x-forwarded-proto': 'https' } });
  expect(directives(page.headers()['content-security-policy']).has('upgrade-insecure-requests')).toBe(true);
  const plain = await request.get('/', { headers: { 'x-forwarded-proto': 'http' } });
  expect(plain.headers()['strict-transport-security']).toBeUndefined();
  expect(directives(plain.headers()['content-security-policy']).has('upgrade-insecure-requests')).toBe(false);
});

/** Every CSP refusal the browser reports, as a console message or a securitypolicyviolation event. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (m) => {
    const text = m.text();
    if (/Refused to|Content Security Policy/i.test(text)) seen.push(`console: ${text}`);
  });
  await page.exposeFunction('__cspViolation', (v: string) => seen.push(`event: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(
        `${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  return seen;
}

test('the main pages run under the policy: catalogue, product, sign-in, dashboard charts and forms', async ({ page }) => {
  const violations = await watchViolations(page);

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // A server-action form (the language switch) works before and after.
  await page.getByRole('button', { name: 'English' }).first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: '中文' }).first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await page.goto('/products');
  const first = page
    .locator('main a[href^="/products/"]')
    .filter({ hasNotText: /对比|compare/i })
    .first();
  const href = await first.getAttribute('href');
  expect(href).toMatch(/^\/products\/[0-9a-f-]{36}$/);
  await page.goto(href!);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // Sign-in is a client-side form: it only works when the page's scripts ran.
  const login = new LoginPage(page);
  await login.goto('?callbackUrl=%2Fadmin%2Fdashboard');
  await login.signIn(DEMO.admin);
  await expect(page).toHaveURL(/\/admin\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1, name: '园区科技金融数据看板' })).toBeVisible();

  // recharts draws its SVG in the browser, after measuring its container.
  const chart = page.getByTestId('chart-credit');
  await expect(chart.getByRole('application')).toBeVisible();
  await expect(chart.locator('.recharts-bar-rectangle, .recharts-line-curve').first()).toBeAttached();
  await expect(page.getByTestId('funnel-chart').getByRole('application')).toBeVisible();

  // The dashboard's filter form.
  const filters = page.getByRole('search', { name: '筛选条件' });
  await filters.getByLabel('开始日期').fill('2026-01-01');
  await filters.getByLabel('结束日期').fill('2026-06-30');
  await filters.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(/from=2026-01-01.*to=2026-06-30/);
  await expect(page.getByTestId('chart-credit').getByRole('application')).toBeVisible();

  expect(violations).toEqual([]);
});

test('a server action or form posted from another origin is refused with 403, not an error', async ({ request, baseURL }) => {
  const post = (origin: string) =>
    request.post('/products', {
      headers: { 'next-action': '7f0123456789abcdef0123456789abcdef01234567', origin, 'content-type': 'text/plain;charset=UTF-8' },
      data: '[]',
    });
  const foreign = await post('https://evil.example');
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).toContain('cross-origin');
  // What a cross-site page can really send: a plain form post naming the action in a field, no Next-Action header.
  const form = await request.post('/login', {
    headers: { origin: 'https://evil.example' },
    multipart: { $ACTION_ID_7f0123456789abcdef0123456789abcdef01234567: '', locale: 'en' },
  });
  expect(form.status()).toBe(403);
  // The page's own origin reaches Next, which answers for the unknown action itself.
  expect((await post(new URL(baseURL!).origin)).status()).not.toBe(403);
});
