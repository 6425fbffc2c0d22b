import { describe, expect, it } from 'vitest';
import { chooseClientAddress, clientAddressFromHeaders, normaliseAddress, stampClientAddress, trustedProxyHops } from './client-address';

describe('the client address', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(chooseClientAddress({ socketAddress: '203.0.113.9', forwardedFor: '198.51.100.1', trustedHops: 0 })).toBe('203.0.113.9');
    expect(chooseClientAddress({ socketAddress: '::ffff:203.0.113.9', forwardedFor: undefined, trustedHops: 0 })).toBe('203.0.113.9');
    expect(chooseClientAddress({ socketAddress: '::1', forwardedFor: null, trustedHops: 0 })).toBe('::1');
    expect(chooseClientAddress({ socketAddress: undefined, forwardedFor: '198.51.100.1', trustedHops: 0 })).toBe('unknown');
  });

  it('behind N proxies is the Nth entry from the right, so a forged prefix changes nothing', () => {
    // client → proxy (appends the client's address) → app
    expect(chooseClientAddress({ socketAddress: '10.0.0.2', forwardedFor: '198.51.100.7', trustedHops: 1 })).toBe('198.51.100.7');
    expect(chooseClientAddress({ socketAddress: '10.0.0.2', forwardedFor: '1.1.1.1, 2.2.2.2, 198.51.100.7', trustedHops: 1 })).toBe('198.51.100.7');
    // client → CDN → load balancer → app
    expect(chooseClientAddress({ socketAddress: '10.0.0.2', forwardedFor: 'forged, 198.51.100.7, 10.0.0.1', trustedHops: 2 })).toBe('198.51.100.7');
    // several header lines count as one list
    expect(chooseClientAddress({ socketAddress: '10.0.0.2', forwardedFor: ['1.1.1.1', '198.51.100.7, 10.0.0.1'], trustedHops: 2 })).toBe('198.51.100.7');
  });

  it('takes the leftmost entry when there are fewer than N, and the socket when there is none or it is not an address', () => {
    expect(chooseClientAddress({ socketAddress: '10.0.0.2', forwardedFor: '198.51.100.7', trustedHops: 2 })).toBe('198.51.100.7');
    expect(chooseClientAddress({ socketAddress: '10.0.0.2', forwardedFor: '', trustedHops: 1 })).toBe('10.0.0.2');
    expect(chooseClientAddress({ socketAddress: '10.0.0.2', forwardedFor: undefined, trustedHops: 1 })).toBe('10.0.0.2');
    expect(chooseClientAddress({ socketAddress: '10.0.0.2', forwardedFor: 'not-an-address', trustedHops: 1 })).toBe('10.0.0.2');
    expect(chooseClientAddress({ socketAddress: '10.0.0.2', forwardedFor: `${'9'.repeat(5000)}`, trustedHops: 1 })).toBe('10.0.0.2');
  });

  it('normalises what proxies write: ports, brackets, IPv4-mapped IPv6, case', () => {
    expect(normaliseAddress('198.51.100.7:51234')).toBe('198.51.100.7');
    expect(normaliseAddress('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(normaliseAddress('2001:DB8::1')).toBe('2001:db8::1');
    expect(normaliseAddress('::FFFF:192.0.2.1')).toBe('192.0.2.1');
    expect(normaliseAddress('unknown')).toBeNull();
    expect(normaliseAddress('')).toBeNull();
  });

  it('reads TRUST_PROXY_HOPS strictly', () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops('')).toBe(0);
    expect(trustedProxyHops('2')).toBe(2);
    expect(() => trustedProxyHops('yes')).toThrow(/TRUST_PROXY_HOPS/);
    expect(() => trustedProxyHops('-1')).toThrow(/TRUST_PROXY_HOPS/);
    expect(() => trustedProxyHops('1.5')).toThrow(/TRUST_PROXY_HOPS/);
  });
});

describe('the header the server passes on', () => {
  it('replaces whatever the client sent with the address the server chose', () => {
    const headers: Record<string, string | string[] | undefined> = { 'x-krt-client-address': '6.6.6.6', 'x-forwarded-for': '7.7.7.7' };
    expect(stampClientAddress(headers, '::ffff:192.0.2.10', 0)).toBe('192.0.2.10');
    expect(headers['x-krt-client-address']).toBe('192.0.2.10');
    expect(stampClientAddress(headers, '10.0.0.2', 1)).toBe('7.7.7.7');
    expect(headers['x-krt-client-address']).toBe('7.7.7.7');
  });

  it('is read back from that header only', () => {
    expect(clientAddressFromHeaders(new Headers({ 'x-krt-client-address': '192.0.2.10', 'x-forwarded-for': '7.7.7.7' }))).toBe('192.0.2.10');
    expect(clientAddressFromHeaders({ 'x-krt-client-address': '2001:db8::1' })).toBe('2001:db8::1');
    expect(clientAddressFromHeaders({ 'x-forwarded-for': '7.7.7.7', 'x-real-ip': '8.8.8.8' })).toBe('unknown');
    expect(clientAddressFromHeaders(undefined)).toBe('unknown');
  });
});
