/**
 * `tsumiki pdf BADGE... --out FILE.pdf [--link BASE-URL] [--title TEXT] [--now ISO-DATE] [--online] [--trust LIST]...`:
 * a printable certificate (one badge) or learning record (several: a list, then a page each) that
 * carries each signed credential byte for byte as an attached file. Each badge is verified first,
 * as `tsumiki verify` would, so the page says what the checks found. With `--link` each badge gets
 * a QR code and link to the app's verify page at BASE-URL. Prints {"out","badges","bytes"}.
 * A file that is not a readable credential is refused (coded error on stderr, exit 1): nothing is written.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { certificateFacts, type CertificateFacts } from '../lib/present/facts.ts';
import { makeCertificatePdf } from '../lib/present/pdf.ts';
import { verifyLinkOf } from '../lib/present/link.ts';
import type { VerifyEnv } from '../lib/verify/env.ts';
import { verifyBytes } from '../lib/verify/pipeline.ts';

export const PDF_USAGE = '  tsumiki pdf BADGE... --out FILE.pdf [--link BASE-URL] [--title TEXT] [--now ISO-DATE] [--online] [--trust LIST]...';

export async function pdfCommand(files: string[], values: { out?: string; link?: string; title?: string }, env: VerifyEnv): Promise<number> {
  const out = values.out;
  if (!out) throw new Error('pdf: --out FILE.pdf is required');
  if (values.link !== undefined && !/^https?:\/\/[^\s]+$/i.test(values.link)) throw new Error(`pdf: --link must be an http(s) URL: ${values.link}`);
  const facts: CertificateFacts[] = [];
  const links: (string | undefined)[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (e) {
      process.stderr.write(`tsumiki: ${file}: FILE_UNREADABLE: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
    const result = await verifyBytes(bytes, env);
    if (result.error !== undefined || result.credentials.length === 0) {
      const error = result.error ?? { code: 'NOT_A_CREDENTIAL', message: 'no credential' };
      process.stderr.write(`tsumiki: ${file}: ${error.code}: ${error.message}\n`);
      return 1;
    }
    for (const c of result.credentials) {
      const stem = result.credentials.length > 1 ? `credential-${facts.length + 1}` : 'credential';
      facts.push(certificateFacts({ inputBytes: bytes, parsed: c.parsed, reading: c.reading, checks: c.verification.checks, checkedAt: c.verification.checkedAt, stem }));
      links.push(values.link === undefined ? undefined : (await verifyLinkOf(values.link, c.parsed)).url);
    }
  }
  const pdf = await makeCertificatePdf(facts, { now: env.now, links, ...(values.title ? { listTitle: values.title } : {}) });
  await writeFile(out, pdf);
  process.stdout.write(JSON.stringify({ out, badges: facts.length, bytes: pdf.length }) + '\n');
  return 0;
}
