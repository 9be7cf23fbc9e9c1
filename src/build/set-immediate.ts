/**
 * `setImmediate` for the browser, standing in for the `setimmediate` package (rdf-canonize's browser
 * build requires it). That polyfill turns a string argument into code with `Function(…)`, which the
 * strict CSP (no 'unsafe-eval') forbids; this one takes functions only. Aliased in src/build/csp.ts.
 */
type Task = () => void;
interface Immediate {
  setImmediate?: (f: (...a: unknown[]) => void, ...args: unknown[]) => number;
  clearImmediate?: (id: number) => void;
}

const g = globalThis as unknown as Immediate; // why: Node's typings give setImmediate another shape; the browser has none
if (typeof g.setImmediate !== 'function' && typeof MessageChannel === 'function') {
  const tasks = new Map<number, Task>();
  let next = 1;
  const channel = new MessageChannel();
  channel.port1.onmessage = (e: MessageEvent<number>) => {
    const task = tasks.get(e.data);
    tasks.delete(e.data);
    task?.();
  };
  g.setImmediate = (f, ...args) => {
    if (typeof f !== 'function') throw new TypeError('setImmediate takes a function');
    const id = next++;
    tasks.set(id, () => f(...args));
    channel.port2.postMessage(id);
    return id;
  };
  g.clearImmediate = (id) => {
    tasks.delete(id);
  };
}

export {};
