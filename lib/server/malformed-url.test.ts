import { describe, expect, it } from 'vitest';
import { hasMalformedPath } from './malformed-url';

describe('hasMalformedPath', () => {
  it('finds percent-encoding that does not decode in the path', () => {
    for (const url of ['/products/%ZZ', '/products/%E0%A4%A', '/api/v1/products/%', '/enterprise/applications/%C0%AF'])
      expect(hasMalformedPath(url)).toBe(true);
  });
  it('leaves well-formed paths, and the query, to Next', () => {
    for (const url of ['/', '/products/%E4%BA%A7%E5%93%81', '/products?q=%ZZ', '/a%20b#%ZZ', undefined]) expect(hasMalformedPath(url)).toBe(false);
  });
});
