import { describe, expect, it } from 'vitest';
import { routeOf } from './metrics-route';

describe('routeOf', () => {
  it('takes ids, numbers and long tokens out of the path and drops the query', () => {
    expect(routeOf('/enterprise/applications/3f2c6a1e-8d4b-4c1a-9e2f-0123456789ab?tab=1')).toBe('/enterprise/applications/:id');
    expect(routeOf('/api/v1/products/3F2C6A1E-8D4B-4C1A-9E2F-0123456789AB')).toBe('/api/v1/products/:id');
    expect(routeOf('/admin/reports/2026/11')).toBe('/admin/reports/:n/:n');
    expect(routeOf('/admin/enterprises/91440605MA4W1234X9')).toBe('/admin/enterprises/:token');
    expect(routeOf('/_next/static/chunks/app-4f1a2b.js')).toBe('/_next/static/*');
  });

  it('keeps plain paths as they are', () => {
    expect(routeOf('/')).toBe('/');
    expect(routeOf('/products')).toBe('/products');
    expect(routeOf('/api/health/ready')).toBe('/api/health/ready');
    expect(routeOf('/institution/needs/board#x')).toBe('/institution/needs/board');
    expect(routeOf(undefined)).toBe('/');
    expect(routeOf('')).toBe('/');
  });
});
