import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-redirect';

describe('callback paths after sign-in', () => {
  it('keeps paths on this site and drops everything else', () => {
    expect(safeCallbackPath('/admin?tab=1')).toBe('/admin?tab=1');
    expect(safeCallbackPath('//evil.example/x')).toBeNull();
    expect(safeCallbackPath('/\\evil.example')).toBeNull();
    expect(safeCallbackPath('https://evil.example')).toBeNull();
    expect(safeCallbackPath('')).toBeNull();
    expect(safeCallbackPath(null)).toBeNull();
  });
});
