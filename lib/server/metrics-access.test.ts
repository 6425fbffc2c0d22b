import { describe, expect, it } from 'vitest';
import { isPrivateAddress, metricsAllowed } from './metrics-access';

describe('metricsAllowed', () => {
  it('without METRICS_TOKEN: loopback and private networks only', () => {
    for (const a of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '10.1.2.3', '172.16.0.9', '172.31.255.1', '192.168.1.20', 'fd12:3456::1']) {
      expect(metricsAllowed({ token: undefined, authorization: null, clientAddress: a }), a).toBe(true);
    }
    for (const a of ['8.8.8.8', '172.32.0.1', '172.15.0.1', '192.169.0.1', '2001:db8::1', 'unknown', '', null]) {
      expect(metricsAllowed({ token: undefined, authorization: null, clientAddress: a }), String(a)).toBe(false);
    }
  });

  it('an empty METRICS_TOKEN counts as unset', () => {
    expect(metricsAllowed({ token: '', authorization: null, clientAddress: '127.0.0.1' })).toBe(true);
    expect(metricsAllowed({ token: '', authorization: 'Bearer ', clientAddress: '8.8.8.8' })).toBe(false);
  });

  it('with METRICS_TOKEN: the bearer token, from any address, and nothing else', () => {
    const token = 'metrics-token-0123456789';
    expect(metricsAllowed({ token, authorization: `Bearer ${token}`, clientAddress: '8.8.8.8' })).toBe(true);
    expect(metricsAllowed({ token, authorization: `bearer ${token}`, clientAddress: null })).toBe(true);
    // loopback is no longer enough once a token is configured
    expect(metricsAllowed({ token, authorization: null, clientAddress: '127.0.0.1' })).toBe(false);
    expect(metricsAllowed({ token, authorization: `Bearer ${token}x`, clientAddress: '127.0.0.1' })).toBe(false);
    expect(metricsAllowed({ token, authorization: token, clientAddress: '127.0.0.1' })).toBe(false);
    expect(metricsAllowed({ token, authorization: `Basic ${token}`, clientAddress: '127.0.0.1' })).toBe(false);
  });
});

describe('isPrivateAddress', () => {
  it('reads the forms the server stamps', () => {
    expect(isPrivateAddress('[::1]:443')).toBe(true);
    expect(isPrivateAddress('10.0.0.1:5678')).toBe(true);
    expect(isPrivateAddress('not an address')).toBe(false);
  });
});
