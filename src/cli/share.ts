/**
 * `tsumiki share BADGE... --qr-dir DIR [--link BASE-URL]`: the badges as one presentation, written
 * as QR frames DIR/frame-001.png, …; prints {"frames", "version", "payloadBytes"}.
 *
 * `tsumiki scan IMAGE... [--json] [--challenge TEXT] [--domain TEXT]`: QR frames in any order → the
 * presentation → what `tsumiki verify` prints for the credentials it carried, with the
 * presentation's own proof and holder.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { isTsumikiError, TsumikiError, type ErrorCode } from '../lib/errors.ts';
import { parseInputAsync } from '../lib/formats/parse.ts';
import type { ParsedCredential } from '../lib/model/credential.ts';
import { FrameCollector } from '../lib/share/frames.ts';
import { qrCode, qrPng, readQr } from '../lib/share/qr.ts';
import { frameTextOf, presentationFromCollector, presentationOf, sharePresentation, verifyLink } from '../lib/share/share.ts';
import type { VerifyEnv } from '../lib/verify/env.ts';
import { rejectedReport, verifyBytes, type InputResult } from '../lib/verify/pipeline.ts';
import { exitCode, printHuman, resultJson } from './output.ts';

const out = (s: string) => process.stdout.write(s + '\n');

function fail(e: unknown, what: string): number {
  const code = isTsumikiError(e) ? e.code : 'INTERNAL';
  process.stderr.write(`tsumiki: ${what}: ${code}: ${e instanceof Error ? e.message : String(e)}\n`);
  return code === 'INTERNAL' ? 2 : 1;
}

export async function shareCommand(files: string[], values: { 'qr-dir'?: string; link?: string }): Promise<number> {
  const dir = values['qr-dir'];
  if (!dir) throw new Error('share: --qr-dir DIR is required');
  const badges: ParsedCredential[] = [];
  for (const file of files) {
    try {
      const outcome = await parseInputAsync(new Uint8Array(await readFile(file)));
      if (outcome.kind === 'url') throw new TsumikiError('URL_NEEDS_NETWORK', `${file} holds only a link (${outcome.url}); share the assertion itself`);
      badges.push(...outcome.input.credentials);
    } catch (e) {
      return fail(e, file);
    }
  }
  let pkg;
  try {
    pkg = await sharePresentation(presentationOf(badges));
  } catch (e) {
    return fail(e, 'share');
  }
  const link = values.link ? await verifyLink(values.link, pkg.payload) : undefined;
  await mkdir(dir, { recursive: true });
  let version = 0;
  for (const [i, text] of (link ? [link] : pkg.frames).entries()) {
    const code = qrCode(text, 'M');
    version = Math.max(version, code.version);
    await writeFile(join(dir, `frame-${String(i + 1).padStart(3, '0')}.png`), qrPng(code));
  }
  out(JSON.stringify({ frames: pkg.frames.length, version, payloadBytes: pkg.payload.length, ...(link ? { link } : {}) }));
  return 0;
}

/** The text of the QR code in a PNG file. Throws QR_NOT_FOUND. */
async function qrTextOf(file: string): Promise<string> {
  const bytes = await readFile(file);
  let png: PNG;
  try {
    png = PNG.sync.read(bytes);
  } catch {
    throw new TsumikiError('QR_NOT_FOUND', `${file} is not a PNG image`);
  }
  const text = readQr(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  if (text === undefined) throw new TsumikiError('QR_NOT_FOUND', `no QR code could be read in ${file}`);
  return text;
}

export async function scanCommand(images: string[], values: { json?: boolean; challenge?: string; domain?: string }, env: VerifyEnv): Promise<number> {
  const label = images.length === 1 ? (images[0] as string) : `${images[0]} (+${images.length - 1} frames)`; // why: at least one image
  let result: InputResult;
  try {
    const collector = new FrameCollector();
    for (const image of images) {
      try {
        collector.add(frameTextOf(await qrTextOf(image)));
      } catch (e) {
        if (isTsumikiError(e)) throw new TsumikiError(e.code, `${image}: ${e.message}`, { cause: e });
        throw new TsumikiError('FILE_UNREADABLE', `${image}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const scanned = await presentationFromCollector(collector);
    result = await verifyBytes(scanned.bytes, env, { challenge: values.challenge, domain: values.domain });
  } catch (e) {
    const code: ErrorCode = isTsumikiError(e) ? e.code : 'INTERNAL';
    result = { credentials: [], error: { code, message: e instanceof Error ? e.message : String(e) }, rejected: rejectedReport(code, env) };
  }
  const rows = resultJson(label, result);
  if (values.json) out(JSON.stringify({ results: rows }, null, 2));
  else printHuman([{ file: label, result }], out);
  return exitCode(rows, values.challenge !== undefined || values.domain !== undefined);
}
