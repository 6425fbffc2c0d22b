import { describe, expect, it } from 'vitest';
import { contentDisposition } from './content-disposition';

describe('contentDisposition', () => {
  it('keeps a Chinese name exactly in filename* and gives an ASCII fallback', () => {
    const h = contentDisposition('2025年财务报表.pdf');
    expect(h).toBe(`attachment; filename="2025_____.pdf"; filename*=UTF-8''2025%E5%B9%B4%E8%B4%A2%E5%8A%A1%E6%8A%A5%E8%A1%A8.pdf`);
    expect(decodeURIComponent(h.split("UTF-8''")[1])).toBe('2025年财务报表.pdf');
  });
  it('cannot be broken out of by quotes, semicolons or line breaks', () => {
    const h = contentDisposition('a";\r\nSet-Cookie: x=1.pdf');
    expect(h).not.toMatch(/[\r\n]/);
    expect(h.match(/"/g)).toHaveLength(2);
    expect(h).toContain("filename*=UTF-8''a%22%3B%0D%0ASet-Cookie%3A%20x%3D1.pdf");
  });
});
