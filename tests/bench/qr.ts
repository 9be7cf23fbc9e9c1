/**
 * QR sharing figures (issue 7), all measured in this run. `qrFigures()` returns them under `qr.`;
 * run this file directly (`npx tsx tests/bench/qr.ts`) for a table of every input.
 *
 * Inputs: every signed credential among tests/fixtures (a proof or a JWS) and every demo badge in
 * public/demo, each shared alone as a one-credential presentation, plus all demo badges together.
 *
 * qr.<name>.payload_bytes     our payload (codec 2: JWS taken apart, binary values in a tail, deflate with the
 *                             preset dictionary by zlib's encoder)
 * qr.<name>.deflate_bytes     plain deflate (fflate, level 9) of the same presentation JSON, minified
 * qr.<name>.ratio             payload / plain deflate (base45 keeps the ratio: 2 bytes → 3 characters)
 * qr.<name>.frames, .version  QR codes needed and their version at error correction M
 * qr.<name>.vpqr_bytes/_version  @digitalbazaar/vpqr (CBOR-LD, base45) on the presentation, else on the bare
 *                             credential (registryEntryId 1, level M); -1 when it cannot encode either
 * qr.all.ratio_vs_zlib.median  the median ratio against plain deflate by zlib's encoder (pako, level 9), the
 *                             encoder the payload is written with: what the codec's format alone gains
 * qr.all.*                    totals and extremes over every input; target_met counts inputs sent as at most
 *                             3 QR codes of version ≤ 25 or as ≤ 8 frames of version ≤ 15
 * qr.demo.max_frames          most QR codes one demo micro-credential needs (issue 15: ≤ 3), with
 *                             .max_version and .max_payload_bytes
 * qr.codec.*_ms               pack + frame texts + unpack of one presentation (median and max over inputs)
 * qr.image.*_ms               QR symbols + PNG + jsQR reading back, for the demo presentation (every frame)
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'fflate';
import { deflateRaw } from 'pako/lib/deflate.js';
import { PNG } from 'pngjs';
import { parseInput } from '../../src/lib/formats/parse.ts';
import type { JsonObject, ParsedCredential } from '../../src/lib/model/credential.ts';
import { presentationFromFrames, presentationOf, sharePresentation } from '../../src/lib/share/share.ts';
import { qrCode, qrPng, readQr } from '../../src/lib/share/qr.ts';
import { contextLoader } from '../../src/lib/verify/loader.ts';
import { median, sample } from './stats.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

interface Input {
  readonly name: string;
  readonly badges: ParsedCredential[];
}

function credentialsIn(path: string): ParsedCredential[] {
  try {
    const out = parseInput(new Uint8Array(readFileSync(path)));
    return out.kind === 'credentials' ? [...out.input.credentials] : [];
  } catch {
    return [];
  }
}

export function qrInputs(): Input[] {
  const signed = (c: ParsedCredential) => c.jws !== undefined || c.credential.proof !== undefined;
  const fixtures = walk(join(ROOT, 'tests/fixtures'))
    .filter((p) => !/\/(contexts|schemas)\//.test(p))
    .map((p) => ({ name: relative(join(ROOT, 'tests/fixtures'), p), badges: credentialsIn(p).filter(signed) }))
    .filter((i) => i.badges.length > 0);
  const demo = walk(join(ROOT, 'public/demo'))
    .sort()
    .map((p) => ({ name: `demo/${relative(join(ROOT, 'public/demo'), p)}`, badges: credentialsIn(p) }))
    .filter((i) => i.badges.length > 0);
  const all = demo.length > 1 ? [{ name: 'demo/all', badges: demo.flatMap((d) => d.badges) }] : [];
  return [...demo, ...all, ...fixtures];
}

type Vpqr = {
  toQrCode(o: object): Promise<{ payload: string; version: number }>;
  util: { toQrCode(o: object): Promise<{ payload: string; version: number }> };
};

async function vpqrSize(vpqr: Vpqr, vp: JsonObject, badges: ParsedCredential[]): Promise<{ bytes: number; version: number; what: string }> {
  const common = { documentLoader: contextLoader, registryEntryId: 1, qrErrorCorrectionLevel: 'M' };
  try {
    const r = await vpqr.toQrCode({ vp, ...common });
    return { bytes: Math.round((r.payload.length * 2) / 3), version: r.version, what: 'vp' };
  } catch {
    // VC 2.0 presentations fail in cborld (FEASIBILITY §7); try the bare credential
  }
  if (badges.length === 1 && badges[0]?.jws === undefined) {
    try {
      const r = await vpqr.util.toQrCode({ header: 'VC1-', jsonldDocument: badges[0]?.credential, ...common });
      return { bytes: Math.round((r.payload.length * 2) / 3), version: r.version, what: 'vc' };
    } catch {
      // unknown context, or a version-40 overflow
    }
  }
  return { bytes: -1, version: -1, what: 'none' };
}

export interface QrRow {
  name: string;
  payload: number;
  deflate: number;
  /** Plain deflate by zlib's encoder (pako, level 9, memLevel 9): the encoder the payload is written with. */
  zlibDeflate: number;
  frames: number;
  version: number;
  vpqrBytes: number;
  vpqrVersion: number;
  vpqrWhat: string;
  codecMs: number;
}

export async function qrRows(): Promise<QrRow[]> {
  const vpqr = (await import('@digitalbazaar/vpqr')) as unknown as Vpqr; // why: vpqr ships no types
  const rows: QrRow[] = [];
  for (const input of qrInputs()) {
    const vp = presentationOf(input.badges);
    const plain = new TextEncoder().encode(JSON.stringify(vp));
    const deflate = deflateSync(plain, { level: 9 }).length;
    const zlibDeflate = deflateRaw(plain, { level: 9, memLevel: 9 }).length;
    const pkg = await sharePresentation(vp, { maxFrames: 255 });
    const times = await sample(15, 3, async () => presentationFromFrames((await sharePresentation(vp, { maxFrames: 255 })).frames));
    const v = await vpqrSize(vpqr, vp, input.badges);
    rows.push({
      name: input.name,
      payload: pkg.payload.length,
      deflate,
      zlibDeflate,
      frames: pkg.plan.frames,
      version: pkg.plan.version,
      vpqrBytes: v.bytes,
      vpqrVersion: v.version,
      vpqrWhat: v.what,
      codecMs: median(times),
    });
  }
  return rows;
}

const metTarget = (r: QrRow) => (r.frames <= 3 && r.version <= 25) || (r.frames <= 8 && r.version <= 15);
const key = (name: string) => name.replace(/\.(json|jwt|jws|png|svg|txt)$/g, '').replace(/[^A-Za-z0-9_-]+/g, '_');

async function imageMs(): Promise<number> {
  const demo = qrInputs().find((i) => i.name === 'demo/all') ?? qrInputs()[0];
  if (!demo) return -1;
  const { frames } = await sharePresentation(presentationOf(demo.badges), { maxFrames: 255 });
  const times = await sample(5, 1, () => {
    for (const text of frames) {
      const png = PNG.sync.read(Buffer.from(qrPng(qrCode(text))));
      if (readQr(new Uint8ClampedArray(png.data), png.width, png.height) !== text) throw new Error('QR image round trip failed');
    }
  });
  return median(times) / frames.length;
}

export async function qrFigures(): Promise<Record<string, number>> {
  const rows = await qrRows();
  const f: Record<string, number> = {};
  for (const r of rows) {
    if (!r.name.startsWith('demo/') && !['ob3/1edtech-validator/simple.json', 'ob3/dcc-verifier-core/v1OBv3SpecExample.json', 'ob3/1edtech-validator/complete.json', 'clr2/1edtech-validator/complex.json', 'ob3/1edtech-validator/simple.jwt', 'ob2/1edtech-validator/simple.jwt'].includes(r.name)) continue;
    const k = `qr.${key(r.name)}`;
    Object.assign(f, { [`${k}.payload_bytes`]: r.payload, [`${k}.deflate_bytes`]: r.deflate, [`${k}.ratio`]: r.payload / r.deflate, [`${k}.frames`]: r.frames, [`${k}.version`]: r.version, [`${k}.vpqr_bytes`]: r.vpqrBytes, [`${k}.vpqr_version`]: r.vpqrVersion });
  }
  const ratios = rows.map((r) => r.payload / r.deflate).sort((a, b) => a - b);
  const demoBadges = rows.filter((r) => /^demo\/\d/.test(r.name));
  Object.assign(f, {
    'qr.demo.max_frames': Math.max(...demoBadges.map((r) => r.frames)),
    'qr.demo.max_version': Math.max(...demoBadges.map((r) => r.version)),
    'qr.demo.max_payload_bytes': Math.max(...demoBadges.map((r) => r.payload)),
  });
  const sum = (g: (r: QrRow) => number) => rows.reduce((n, r) => n + g(r), 0);
  const withVpqr = rows.filter((r) => r.vpqrBytes > 0);
  Object.assign(f, {
    'qr.all.inputs': rows.length,
    'qr.all.target_met': rows.filter(metTarget).length,
    'qr.all.single_qr': rows.filter((r) => r.frames === 1).length,
    'qr.all.max_frames': Math.max(...rows.map((r) => r.frames)),
    'qr.all.ratio.median': median(ratios),
    'qr.all.ratio_vs_zlib.median': median(rows.map((r) => r.payload / r.zlibDeflate).sort((a, b) => a - b)),
    'qr.all.ratio.max': ratios[ratios.length - 1] ?? -1,
    'qr.all.ratio.total': sum((r) => r.payload) / sum((r) => r.deflate),
    'qr.all.ratio_le_0_6': ratios.filter((x) => x <= 0.6).length,
    'qr.all.vpqr_vp_encoded': rows.filter((r) => r.vpqrWhat === 'vp').length,
    'qr.all.vpqr_vc_encoded': rows.filter((r) => r.vpqrWhat === 'vc').length,
    'qr.all.vpqr_ratio_vs_ours': withVpqr.length ? withVpqr.reduce((n, r) => n + r.vpqrBytes, 0) / withVpqr.reduce((n, r) => n + r.payload, 0) : -1,
    'qr.codec.median_ms': median(rows.map((r) => r.codecMs)),
    'qr.codec.max_ms': Math.max(...rows.map((r) => r.codecMs)),
    'qr.image.per_frame_ms': await imageMs(),
  });
  return f;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await qrRows();
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  process.stdout.write(`${'input'.padEnd(72)}${pad('deflate', 8)}${pad('ours', 6)}${pad('ratio', 6)}${pad('frames', 7)}${pad('ver', 4)}${pad('vpqr', 6)}${pad('v', 3)}${pad('ms', 6)}\n`);
  for (const r of rows) {
    process.stdout.write(`${r.name.slice(0, 71).padEnd(72)}${pad(r.deflate, 8)}${pad(r.payload, 6)}${pad((r.payload / r.deflate).toFixed(2), 6)}${pad(r.frames, 7)}${pad(r.version, 4)}${pad(r.vpqrBytes, 6)}${pad(r.vpqrVersion, 3)}${pad(r.codecMs.toFixed(1), 6)}${metTarget(r) ? '' : '  ✘ target'}\n`);
  }
  process.stdout.write(JSON.stringify(await qrFigures(), null, 2) + '\n');
}
