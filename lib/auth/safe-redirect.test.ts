import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-redirect';

describe('callback paths after sign-in', () => {
  it('keeps paths on this site, with their query and fragment', () => {
    expect(safeCallbackPath('/admin?tab=1')).toBe('/admin?tab=1');
    expect(safeCallbackPath('/institution/applications/42#timeline')).toBe('/institution/applications/42#timeline');
    expect(safeCallbackPath('/')).toBe('/');
    expect(safeCallbackPath('/products?q=%E8%AE%BE%E5%A4%87')).toBe('/products?q=%E8%AE%BE%E5%A4%87');
  });

  it('refuses protocol-relative and backslash paths that browsers read as another host', () => {
    expect(safeCallbackPath('//evil.example/x')).toBeNull();
    expect(safeCallbackPath('/\\evil.example')).toBeNull();
    expect(safeCallbackPath('\\\\evil.example')).toBeNull();
    expect(safeCallbackPath('/\\/evil.example')).toBeNull();
    expect(safeCallbackPath('\\/evil.example')).toBeNull();
    // Dot segments that normalise to a protocol-relative path.
    expect(safeCallbackPath('/.//evil.example')).toBeNull();
    expect(safeCallbackPath('/x/..//evil.example')).toBeNull();
  });

  it('refuses control characters, which browsers strip before resolving (/<tab>/evil → //evil)', () => {
    // `/login?callbackUrl=%2F%09%2Fevil.example` arrives decoded as "/\t/evil.example".
    expect(safeCallbackPath('/\t/evil.example')).toBeNull();
    expect(safeCallbackPath(new URLSearchParams('callbackUrl=%2F%09%2Fevil.example').get('callbackUrl'))).toBeNull();
    expect(safeCallbackPath('/\n/evil.example')).toBeNull();
    expect(safeCallbackPath('/\r\n/evil.example')).toBeNull();
    expect(safeCallbackPath('/\u0000/evil.example')).toBeNull();
    expect(safeCallbackPath('/\u007f/evil.example')).toBeNull();
    expect(safeCallbackPath(' //evil.example')).toBeNull();
    // Still encoded (double encoding): refused too, nothing legitimate needs them.
    expect(safeCallbackPath('/%09/evil.example')).toBeNull();
    expect(safeCallbackPath('/admin%0d%0aSet-Cookie:x=1')).toBeNull();
  });

  it('refuses absolute URLs and scripts, whatever their case or spacing', () => {
    expect(safeCallbackPath('https://evil.example')).toBeNull();
    expect(safeCallbackPath('http:evil.example')).toBeNull();
    expect(safeCallbackPath('https:/evil.example')).toBeNull();
    expect(safeCallbackPath('javascript:alert(1)')).toBeNull();
    expect(safeCallbackPath('JavaScript:alert(1)')).toBeNull();
    expect(safeCallbackPath('java\tscript:alert(1)')).toBeNull();
    expect(safeCallbackPath('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(safeCallbackPath('evil.example')).toBeNull();
  });

  it('refuses encoded slashes and backslashes that decode to another host', () => {
    expect(safeCallbackPath(decodeURIComponent('%2F%2Fevil.example'))).toBeNull();
    expect(safeCallbackPath(decodeURIComponent('%2F%5Cevil.example'))).toBeNull();
    expect(safeCallbackPath('%2F%2Fevil.example')).toBeNull();
    expect(safeCallbackPath('/%5Cevil.example')).toBeNull();
    expect(safeCallbackPath('/%2F/evil.example')).toBeNull();
  });

  it('refuses nothing-values', () => {
    expect(safeCallbackPath('')).toBeNull();
    expect(safeCallbackPath(null)).toBeNull();
    expect(safeCallbackPath(undefined)).toBeNull();
  });

  it('accepts an absolute URL on this site when the origin is given, as a path', () => {
    expect(safeCallbackPath('http://localhost:3000/admin?x=1', 'http://localhost:3000')).toBe('/admin?x=1');
    expect(safeCallbackPath('http://localhost:3000.evil.example/admin', 'http://localhost:3000')).toBeNull();
    expect(safeCallbackPath('https://localhost:3000/admin', 'http://localhost:3000')).toBeNull();
  });
});
