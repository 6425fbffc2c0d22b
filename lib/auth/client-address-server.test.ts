// scripts/server.ts's request wiring over a real socket: what the app reads as the client address
// cannot be set by the client, with or without trusted proxies.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { withClientAddress } from '../../scripts/server';
import { clientAddressFromHeaders } from './client-address';

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server whose "app" answers with the client address it was given. */
async function serve(trustedHops: number): Promise<string> {
  server = http.createServer(
    withClientAddress(async (req, res) => {
      res.end(clientAddressFromHeaders(req.headers));
    }, trustedHops),
  );
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

describe('the app server', () => {
  it('gives the app the socket address, ignoring a forged X-Forwarded-For and a forged copy of its own header', async () => {
    const url = await serve(0);
    expect(await (await fetch(url)).text()).toBe('127.0.0.1');
    const forged = await fetch(url, { headers: { 'x-forwarded-for': '198.51.100.1', 'x-krt-client-address': '198.51.100.2', 'x-real-ip': '198.51.100.3' } });
    expect(await forged.text()).toBe('127.0.0.1');
  });

  it('behind one trusted proxy takes the entry that proxy appended, never the client’s own copy of the header', async () => {
    const url = await serve(1);
    expect(await (await fetch(url, { headers: { 'x-forwarded-for': '1.1.1.1, 198.51.100.7', 'x-krt-client-address': '6.6.6.6' } })).text()).toBe(
      '198.51.100.7',
    );
    expect(await (await fetch(url)).text()).toBe('127.0.0.1');
  });
});
