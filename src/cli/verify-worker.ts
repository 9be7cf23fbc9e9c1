/** The worker side of ./verify-pool.ts: one environment from the pool's settings, tasks one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { createEnv } from '../lib/verify/env.ts';
import { createRemote } from '../lib/verify/remote.ts';
import { verifyTask, type VerifyTask } from './verify-files.ts';
import type { PoolSettings, WorkerReply } from './verify-pool.ts';

const settings = workerData as PoolSettings; // why: the pool passes its settings as workerData
const port = parentPort;
if (!port) throw new Error('verify-worker runs as a worker thread');

const env = createEnv({
  now: new Date(settings.now),
  remote: createRemote({ online: settings.online }),
  ...(settings.recipient ? { recipient: { identity: settings.recipient } } : {}),
  ...(settings.trust ? { trust: settings.trust } : {}),
});

let queue: Promise<void> = Promise.resolve();
port.on('message', (m: { id: number; task: VerifyTask }) => {
  queue = queue.then(async () => {
    try {
      const report = await verifyTask(m.task, env, settings.asked, settings.human);
      port.postMessage({ id: m.id, report } satisfies WorkerReply);
    } catch (e) {
      port.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) } satisfies WorkerReply);
    }
  });
});
port.postMessage({ ready: true } satisfies WorkerReply);
