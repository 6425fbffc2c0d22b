// /api/metrics and the request log's id, against the running server (scripts/server.ts with
// TRUST_PROXY_HOPS=1, so a request with X-Forwarded-For comes from that address).
import { expect, test } from '@playwright/test';

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
  await request.post('/api/auth/callback/credentials', { headers: from, form: { email: 'nobody-metrics@example.com', password: 'wrong-password', csrfToken, json: 'true' } });

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
