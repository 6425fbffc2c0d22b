// Work whose result outlives the request that started it (a per-instance cache's shared promise)
// runs outside that request's async context. Node attaches the async-local stores that are active
// when a promise is created to the promise itself, and Next's stores hold the whole request: its
// headers, its render state, the response. A cached promise created inside a render kept all that
// alive for as long as the entry lived (tier M: 1,000 product pages cached grew the heap in use by
// 75 MB; bench/README.md). The root below is made when the module loads, outside any request.
import { AsyncResource } from 'node:async_hooks';

const root = new AsyncResource('kerongtong.detached');

/** `fn()` run in the process's root async context: no request's stores reach what it creates. */
export function detached<T>(fn: () => Promise<T>): Promise<T> {
  return root.runInAsyncScope(fn);
}
