/**
 * share.scan_to_verdict_ms (issue 15): the largest demo micro-credential, shared as the wallet
 * shares it (payload → frames → QR symbols), played to a second Chromium as a fake camera (the
 * pictures of tests/e2e/y4m.ts at 1280×720, the resolution the app asks the camera for, each frame
 * held 0.4 s, looping); timed in that browser from the
 * click on "scan" until the verdict is on the screen (seen by Playwright, polling: a few ms late at most), which must be the expected one (intact,
 * nobody vouches for the demo issuer on a device without trust lists: incomplete / UNKNOWN_ISSUER).
 * Median of three scans. Also `share.scan.frames` and `share.scan.version` of what was scanned.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseInput } from '../../src/lib/formats/parse.ts';
import { presentationOf, sharePresentation } from '../../src/lib/share/share.ts';
import { qrCode, qrPng } from '../../src/lib/share/qr.ts';
import { launch, openApp } from '../e2e/browser.ts';
import { y4mFromPngs } from '../e2e/y4m.ts';
import { median } from './stats.ts';

const DEMO = fileURLToPath(new URL('../../public/demo/', import.meta.url));

/** The demo micro-credential with the largest payload, and its frames. */
async function largestDemo(): Promise<{ name: string; frames: readonly string[]; version: number }> {
  let best: { name: string; frames: readonly string[]; version: number; bytes: number } | undefined;
  for (const name of readdirSync(DEMO).filter((f) => /^\d/.test(f))) {
    const parsed = parseInput(new Uint8Array(readFileSync(join(DEMO, name))));
    if (parsed.kind !== 'credentials') continue;
    const pkg = await sharePresentation(presentationOf([...parsed.input.credentials]));
    if (!best || pkg.payload.length > best.bytes) best = { name, frames: pkg.frames, version: pkg.plan.version, bytes: pkg.payload.length };
  }
  if (!best) throw new Error('share bench: no demo badge');
  return best;
}

export async function shareScanFigures(baseURL: string): Promise<Record<string, number>> {
  const demo = await largestDemo();
  const dir = mkdtempSync(join(tmpdir(), 'tsumiki-scan-bench-'));
  try {
    const video = join(dir, 'demo.y4m');
    writeFileSync(video, y4mFromPngs(demo.frames.map((t) => Buffer.from(qrPng(qrCode(t)))), { width: 1280, height: 720, hold: 4, fps: 10 }));
    const browser = await launch(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
    const times: number[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        const { page, context } = await openApp(browser, baseURL, '#/verify');
        await page.getByTestId('verify-camera-start').waitFor();
        const started = await page.evaluate<number>(`(() => { document.querySelector('[data-testid="verify-camera-start"]').click(); return performance.now(); })()`);
        await page
          .getByTestId('received')
          .waitFor({ timeout: 60_000 })
          .catch(async (e: unknown) => {
            const state = await page.evaluate(`[...document.querySelectorAll('[data-testid="verify-camera"], [data-testid="frame-progress"], [data-testid="frame-problem"], [data-testid="verify-problem"]')].map((el) => el.outerHTML.slice(0, 300))`);
            throw new Error(`share bench: no verdict for ${demo.name}: ${JSON.stringify(state)}`, { cause: e });
          });
        const ms = (await page.evaluate<number>('performance.now()')) - started;
        const verdict = await page.getByTestId('received').getAttribute('data-verdict');
        const headline = await page.getByTestId('received-headline').getAttribute('data-headline');
        if (verdict !== 'incomplete' || headline !== 'UNKNOWN_ISSUER') throw new Error(`share bench: ${demo.name} scanned as ${verdict} ${headline}`);
        times.push(ms);
        await context.close();
      }
    } finally {
      await browser.close();
    }
    return { 'share.scan_to_verdict_ms': median(times), 'share.scan.frames': demo.frames.length, 'share.scan.version': demo.version };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
