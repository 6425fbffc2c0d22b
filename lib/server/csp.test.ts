import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isHttps, newNonce } from './csp';

describe('contentSecurityPolicy', () => {
  it('allows scripts only with the nonce, never eval, and no framing', () => {
    const csp = contentSecurityPolicy({ nonce: 'abc=', https: false, dev: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc=' 'strict-dynamic';");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('upgrades subresources over https and allows eval only for next dev', () => {
    expect(contentSecurityPolicy({ nonce: 'n', https: true, dev: false })).toMatch(/; upgrade-insecure-requests$/);
    expect(contentSecurityPolicy({ nonce: 'n', https: false, dev: true })).toContain("'strict-dynamic' 'unsafe-eval'");
  });
});

describe('newNonce', () => {
  it('is 128 random bits in the base64 alphabet Next parses', () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});

describe('isHttps', () => {
  it('trusts the first forwarded hop, else the URL', () => {
    expect(isHttps('https', new URL('http://x/'))).toBe(true);
    expect(isHttps('https, http', new URL('http://x/'))).toBe(true);
    expect(isHttps('http', new URL('https://x/'))).toBe(false);
    expect(isHttps(null, new URL('https://x/'))).toBe(true);
    expect(isHttps(null, new URL('http://x/'))).toBe(false);
  });
});
