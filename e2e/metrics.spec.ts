// /api/metrics and the request log's id, against the running server (scripts/server.ts with
// TRUST_PROXY_HOPS=1, so a request with X-Forwarded-For comes from that address).
import { expect, test } from '@playwright/test';
import { withUsccCheckChar } from '../lib/enterprises/uscc';
import { DEMO, signInAs } from './pages/login-page';

const run = Date.now()
  .toString(36)
  .toUpperCase()
  .replace(/[IOSVZ]/g, 'A')
  .slice(-6)
  .padStart(6, '0');

const value = (body: string, series: string) => {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
};

test('metrics: requests per route with ids taken out, pool, jobs and sign-in failures, for this machine', async ({ request }) => {
  // A product page by id, and a refused sign-in from an address of its own (its own failure limit).
  const products = await (await request.get('/api/v1/products?pageSize=1')).json();
  const id = products.items[0].id as string;
  expect((await request.get(`/api/v1/products/${id}`)).status()).toBe(200);
  const before = await (await request.get('/api/metrics')).text();
  const from = { 'X-Forwarded-For': '198.51.100.77' };
  const { csrfToken } = await (await request.get('/api/auth/csrf', { headers: from })).json();
  await request.post('/api/auth/callback/credentials', {
    headers: from,
    form: { email: 'nobody-metrics@example.com', password: 'wrong-password', csrfToken, json: 'true' },
  });

  const res = await request.get('/api/metrics');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('text/plain');
  const body = await res.text();
  expect(value(body, 'krt_http_requests_total{method="GET",route="/api/v1/products/:id",status="200"}')).toBeGreaterThanOrEqual(1);
  expect(body).not.toContain(id);
  expect(body).toMatch(/krt_http_request_duration_seconds_bucket\{le="[0-9.]+",method="GET",route="\/api\/v1\/products\/:id"\}/);
  expect(body).toMatch(/krt_db_pool_connections\{pool="primary",state="max"\} 1/);
  expect(body).toMatch(/krt_jobs\{state="due"\} \d+/);
  expect(value(body, 'krt_sign_in_failures_total{reason="invalid"}')).toBe(value(before, 'krt_sign_in_failures_total{reason="invalid"}') + 1);
});

test('metrics: another network gets 404, whatever header it sends', async ({ request }) => {
  expect((await request.get('/api/metrics', { headers: { 'X-Forwarded-For': '203.0.113.9' } })).status()).toBe(404);
  // The server's own client-address header cannot be sent from outside: it is replaced.
  expect((await request.get('/api/metrics', { headers: { 'X-Forwarded-For': '203.0.113.9', 'x-krt-client-address': '127.0.0.1' } })).status()).toBe(404);
  expect((await request.get('/api/metrics', { headers: { 'X-Forwarded-For': '10.20.30.40' } })).status()).toBe(200);
});

test('every response carries its request id; a well-formed one from a proxy in front is kept', async ({ request }) => {
  const fresh = (await request.get('/api/health/live')).headers()['x-request-id'];
  expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
  const kept = (await request.get('/products', { headers: { 'x-request-id': 'lb-req-0123456789' } })).headers()['x-request-id'];
  expect(kept).toBe('lb-req-0123456789');
  const replaced = (await request.get('/products', { headers: { 'x-request-id': 'short' } })).headers()['x-request-id'];
  expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
});

test("the load balancer's request id reaches the audit row the request wrote", async ({ browser }) => {
  const trace = `lb-trace-${run.toLowerCase()}`;
  const name = `日志追踪银行${run}支行`;
  const page = await (await browser.newContext({ extraHTTPHeaders: { 'x-request-id': trace } })).newPage();
  await page.goto('/register/institution');
  await page.getByLabel('机构名称').fill(name);
  await page.getByLabel('机构类型').selectOption('bank');
  await page.getByLabel('统一社会信用代码').fill(withUsccCheckChar(`91440600MA7${run}`));
  await page.getByLabel('联系人姓名').fill('周敏');
  await page.getByLabel('联系电话').fill('0757-86111111');
  await page.getByLabel('登录邮箱').fill(`trace-bank-${run.toLowerCase()}@example.com`);
  await page.getByLabel('密码（至少 10 位）').fill('e2e-password-123');
  await page.getByLabel('确认密码').fill('e2e-password-123');
  await page.getByRole('button', { name: '提交注册' }).click();
  await expect(page).toHaveURL(/registered=institution/);

  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, DEMO.admin);
  await admin.goto(`/admin/audit?org=${encodeURIComponent(name)}`);
  const row = admin.getByTestId('audit-row').filter({ has: admin.getByRole('rowheader', { name: /institution\.register$/ }) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(trace);
});
