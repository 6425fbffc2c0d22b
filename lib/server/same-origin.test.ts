import { describe, expect, it } from 'vitest';
import { isForeignAction, isSameOrigin } from './same-origin';

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

describe('server actions from another origin', () => {
  const action = { 'next-action': '7f00', host: 'krt.example.cn' };
  it('are told apart from the page’s own, and from requests that are not actions', () => {
    expect(isForeignAction('POST', h({ ...action, origin: 'https://evil.example' }))).toBe(true);
    expect(isForeignAction('POST', h({ ...action, origin: 'null' }))).toBe(true);
    expect(isForeignAction('POST', h({ ...action, origin: 'https://krt.example.cn' }))).toBe(false);
    expect(isForeignAction('POST', h({ ...action }))).toBe(false);
    expect(isForeignAction('GET', h({ ...action, origin: 'https://evil.example' }))).toBe(false);
    expect(isForeignAction('POST', h({ host: 'krt.example.cn', origin: 'https://evil.example' }))).toBe(false);
  });
});
