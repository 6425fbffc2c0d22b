import { describe, expect, it } from 'vitest';
import { isForeignPost, isSameOrigin } from './same-origin';

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

describe('POSTs from another origin', () => {
  const action = { 'next-action': '7f00', host: 'krt.example.cn' };
  it('are told apart from the page’s own, whether a server action by fetch or a plain form post', () => {
    expect(isForeignPost('POST', h({ ...action, origin: 'https://evil.example' }))).toBe(true);
    expect(isForeignPost('POST', h({ ...action, origin: 'null' }))).toBe(true);
    // A cross-site <form method=post> carries no Next-Action header, only its Origin.
    expect(isForeignPost('POST', h({ host: 'krt.example.cn', origin: 'https://evil.example', 'content-type': 'multipart/form-data; boundary=x' }))).toBe(true);
    expect(isForeignPost('POST', h({ ...action, origin: 'https://krt.example.cn' }))).toBe(false);
    expect(isForeignPost('POST', h({ ...action }))).toBe(false);
    expect(isForeignPost('GET', h({ ...action, origin: 'https://evil.example' }))).toBe(false);
  });
});
