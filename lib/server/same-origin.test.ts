import { describe, expect, it } from 'vitest';
import { isSameOrigin } from './same-origin';

const h = (o: Record<string, string>) => new Headers(o);

describe('same-origin requests', () => {
  it('accepts the page’s own origin, directly or behind a proxy', () => {
    expect(isSameOrigin(h({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }))).toBe(true);
    expect(isSameOrigin(h({ origin: 'https://krt.example.cn', host: '10.0.0.5:3000', 'x-forwarded-host': 'krt.example.cn' }))).toBe(true);
  });

  it('refuses another port, another host, a missing or malformed origin', () => {
    expect(isSameOrigin(h({ origin: 'http://127.0.0.1:8080', host: '127.0.0.1:3000' }))).toBe(false);
    expect(isSameOrigin(h({ origin: 'https://evil.example', host: 'krt.example.cn' }))).toBe(false);
    expect(isSameOrigin(h({ origin: 'https://sub.krt.example.cn', host: 'krt.example.cn' }))).toBe(false);
    expect(isSameOrigin(h({ host: 'krt.example.cn' }))).toBe(false);
    expect(isSameOrigin(h({ origin: 'null', host: 'krt.example.cn' }))).toBe(false);
  });
});
