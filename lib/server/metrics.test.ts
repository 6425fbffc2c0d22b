import { describe, expect, it } from 'vitest';
import { observeAtScrape, renderMetrics, replicaFellBack, replicaState, requestFinished, requestStarted, routeLabel, signInFailed } from './metrics';

function sample(body: string, name: string): number | undefined {
  const line = body.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('metrics', () => {
  it('counts requests and durations per route with ids taken out, in Prometheus text format', async () => {
    for (const id of ['3f2c6a1e-8d4b-4c1a-9e2f-0123456789ab', '9a1b6a1e-8d4b-4c1a-9e2f-0123456789ab']) {
      requestStarted();
      requestFinished({ method: 'GET', route: routeLabel(`/api/v1/products/${id}`, 200), status: 200, seconds: 0.02 });
    }
    requestStarted();
    requestFinished({ method: 'GET', route: routeLabel('/wp-admin.php', 404), status: 404, seconds: 0.001 });
    const { body, contentType } = await renderMetrics();
    expect(contentType).toContain('text/plain');
    expect(sample(body, 'krt_http_requests_total{method="GET",route="/api/v1/products/:id",status="200"}')).toBe(2);
    expect(sample(body, 'krt_http_requests_total{method="GET",route="(not found)",status="404"}')).toBe(1);
    expect(sample(body, 'krt_http_request_duration_seconds_count{method="GET",route="/api/v1/products/:id"}')).toBe(2);
    expect(sample(body, 'krt_http_request_duration_seconds_bucket{le="0.025",method="GET",route="/api/v1/products/:id"}')).toBe(2);
    expect(sample(body, 'krt_http_requests_in_flight')).toBe(0);
    expect(body).not.toContain('3f2c6a1e');
    expect(body).toContain('krt_process_resident_memory_bytes');
  });

  it('shows sign-in failures, pool use, the job queue and the replica', async () => {
    signInFailed('invalid');
    signInFailed('invalid');
    signInFailed('rate_limited');
    observeAtScrape({ pools: [{ pool: 'primary', inUse: 3, waiting: 1, max: 10 }], jobs: { due: 2, running: 1 } });
    replicaState(false);
    replicaFellBack();
    const { body } = await renderMetrics();
    expect(sample(body, 'krt_sign_in_failures_total{reason="invalid"}')).toBe(2);
    expect(sample(body, 'krt_sign_in_failures_total{reason="rate_limited"}')).toBe(1);
    expect(sample(body, 'krt_db_pool_connections{pool="primary",state="in_use"}')).toBe(3);
    expect(sample(body, 'krt_db_pool_connections{pool="primary",state="waiting"}')).toBe(1);
    expect(sample(body, 'krt_db_pool_connections{pool="primary",state="max"}')).toBe(10);
    expect(sample(body, 'krt_jobs{state="due"}')).toBe(2);
    expect(sample(body, 'krt_jobs{state="running"}')).toBe(1);
    expect(sample(body, 'krt_db_replica_up')).toBe(0);
    expect(sample(body, 'krt_db_replica_fallbacks_total')).toBe(1);
  });

  it('a database that cannot be asked for the job queue is counted, not fatal', async () => {
    observeAtScrape({ pools: [], jobs: null });
    const { body } = await renderMetrics();
    expect(sample(body, 'krt_metrics_scrape_errors_total{what="jobs"}')).toBe(1);
  });
});
