/**
 * PDF certificate figures (issue 14), all measured in this run. `pdfFigures()` returns them under
 * `pdf.`; run this file directly (`npx tsx tests/bench/pdf.ts`) for the table.
 *
 * pdf.one.make.median_ms      one demo badge's certificate (with a verify link carrying the credential: a dense QR)
 * pdf.one.bytes               its size
 * pdf.one.read.median_ms      reading the attached credential back (pdf-lib parse + the attachment tree)
 * pdf.record.make.median_ms   the eight demo badges as one learning record (list + a page each)
 * pdf.record.bytes            its size
 * pdf.record.verify_ms        verifying the eight badges through the PDF, once
 * pdf.record.verify_direct_ms the same eight badge files verified directly, once (what reading the PDF adds)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { certificateFacts, type CertificateFacts } from '../../src/lib/present/facts.ts';
import { verifyLinkOf } from '../../src/lib/present/link.ts';
import { makeCertificatePdf, readPdfCredentials } from '../../src/lib/present/pdf.ts';
import { createEnv } from '../../src/lib/verify/env.ts';
import { verifyBytes } from '../../src/lib/verify/pipeline.ts';
import { median, sample } from './stats.ts';

const DEMO = fileURLToPath(new URL('../../public/demo/', import.meta.url));
const NOW = new Date('2026-12-01T00:00:00Z');

export async function pdfFigures(): Promise<Record<string, number>> {
  const files = readdirSync(DEMO)
    .filter((f) => /^\d\d-/.test(f))
    .sort()
    .map((f) => new Uint8Array(readFileSync(join(DEMO, f))));
  const env = createEnv({ now: NOW });
  const facts: CertificateFacts[] = [];
  const links: string[] = [];
  for (const bytes of files) {
    const c = (await verifyBytes(bytes, env)).credentials[0];
    if (!c) throw new Error('a demo badge did not parse');
    facts.push(certificateFacts({ inputBytes: bytes, parsed: c.parsed, reading: c.reading, checks: c.verification.checks, checkedAt: c.verification.checkedAt }));
    links.push((await verifyLinkOf('https://tsumiki.example/', c.parsed)).url);
  }
  const figures: Record<string, number> = {};
  let one: Uint8Array = new Uint8Array();
  figures['pdf.one.make.median_ms'] = median(await sample(10, 2, async () => (one = await makeCertificatePdf([facts[1] as CertificateFacts], { now: NOW, links: [links[1]] }))));
  figures['pdf.one.bytes'] = one.length;
  figures['pdf.one.read.median_ms'] = median(await sample(20, 3, () => readPdfCredentials(one)));
  let record: Uint8Array = new Uint8Array();
  figures['pdf.record.make.median_ms'] = median(await sample(3, 1, async () => (record = await makeCertificatePdf(facts, { now: NOW, links }))));
  figures['pdf.record.bytes'] = record.length;
  let t = performance.now();
  await verifyBytes(record, env);
  figures['pdf.record.verify_ms'] = performance.now() - t;
  t = performance.now();
  for (const bytes of files) await verifyBytes(bytes, env);
  figures['pdf.record.verify_direct_ms'] = performance.now() - t;
  return figures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [k, v] of Object.entries(await pdfFigures())) process.stdout.write(`${k.padEnd(32)} ${Number.isInteger(v) ? v : v.toFixed(1)}\n`);
}
