/**
 * `tsumiki claim URI [--json] [--out DIR] [--pin CODE] [--trust LIST]... [--key FILE]`
 *
 * Collect badges from an issuer by protocol (an OpenID4VCI credential offer, a DCC `dccrequest://`
 * link, a VC-API interaction URL), verify each one exactly as `tsumiki verify` does, and with
 * `--out DIR` save each as a JSON file (a VC-JWT is saved as a VC 2.0 EnvelopedVerifiableCredential
 * holding the exact JWT, so every saved file is JSON that `tsumiki verify` reads back the same).
 *
 * - Running the command is the learner's yes; nothing is written before every credential of the
 *   offer has arrived, so a protocol failure (coded, naming the step) saves nothing: `--json` prints
 *   `{"error":{"code","message"}}`, exit 1.
 * - A credential whose verdict is `failed` or `rejected` (tampered, forged, unreadable) is reported
 *   but not saved: the issuer's hands are the only place it could have been changed, and a wallet
 *   does not keep a forgery it was just handed. Its row's `file` is where it came from
 *   (`<issuer origin>#<offered item>`).
 * - `--json` prints `{"results":[…as verify --json…],"saved":[paths as the user would type them]}`;
 *   exit codes as `verify` (0 all verified, 1 any failed/rejected, 2 otherwise).
 */
import { mkdir, open } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isTsumikiError, TsumikiError } from '../lib/errors.ts';
import { collectClaim, openClaim, type ClaimOffer, type ReceivedCredential } from '../lib/exchange/claim.ts';
import { verificationText } from '../lib/i18n/verification.ts';
import { createEnv } from '../lib/verify/env.ts';
import { verifyBytes, type InputResult } from '../lib/verify/pipeline.ts';
import { createRemote } from '../lib/verify/remote.ts';
import { holderKey } from './holder-key.ts';
import { exitCode, printHuman, resultJson, type ResultRow } from './output.ts';
import { withTrust } from './trust.ts';

export const CLAIM_USAGE = '  tsumiki claim URI [--json] [--out DIR] [--pin CODE] [--trust LIST]... [--key FILE]';

export class ClaimUsageError extends Error {}

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const VC_V2 = 'https://www.w3.org/ns/credentials/v2';

/** The bytes saved for a received credential: JSON as received, a compact JWT enveloped (VC 2.0 §4.13). */
export function fileBytesOf(c: ReceivedCredential): Uint8Array {
  const text = new TextDecoder().decode(c.bytes).trim();
  if (!JWT.test(text)) return c.bytes;
  return new TextEncoder().encode(JSON.stringify({ '@context': VC_V2, id: `data:application/vc+jwt,${text}`, type: 'EnvelopedVerifiableCredential' }, null, 2) + '\n');
}

const slug = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 60) || 'credential';

/** Write `bytes` to a new file in `dir` named after `item`, never replacing a file; returns its path. */
async function writeNew(dir: string, item: string, bytes: Uint8Array): Promise<string> {
  for (let n = 1; ; n++) {
    const path = join(dir, `${slug(item)}${n === 1 ? '' : `-${n}`}.json`);
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(bytes);
      } finally {
        await handle.close();
      }
      return path;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || n > 999) throw e;
    }
  }
}

/** A saved path as the user would type it: relative to the working directory when DIR was relative. */
const asTyped = (dirArg: string, path: string) => (isAbsolute(dirArg) ? resolve(path) : relative(process.cwd(), resolve(path)) || path);

const KEEP = (v: string) => v !== 'failed' && v !== 'rejected';

function printOffer(offer: ClaimOffer, out: (s: string) => void): void {
  out(`Offered by ${offer.offering.origin} (proven: the connection)${offer.offering.name ? `; it calls itself “${offer.offering.name}” (a claim, not proven)` : ''}`);
  for (const s of offer.skipped) out(`  skipped ${s.id} (${s.format}): not an Open Badge this wallet can verify`);
}

export async function claimCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      out: { type: 'string' },
      pin: { type: 'string' },
      trust: { type: 'string', multiple: true },
      key: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new ClaimUsageError(positionals.length === 0 ? 'claim: no URI given' : 'claim: one URI at a time');
  const uri = positionals[0] as string; // why: length checked
  const env = await withTrust(createEnv({ remote: createRemote({ online: false }) }), values.trust);
  const key = await holderKey(values.key);

  let offer: ClaimOffer;
  let received: ReceivedCredential[];
  try {
    offer = await openClaim(uri, { anyUrl: true });
    if (!values.json) printOffer(offer, (s) => process.stderr.write(s + '\n'));
    received = await collectClaim(offer, key, values.pin !== undefined ? { pin: values.pin } : {});
  } catch (e) {
    const err = isTsumikiError(e) ? e : new TsumikiError('INTERNAL', e instanceof Error ? e.message : String(e));
    if (values.json) process.stdout.write(JSON.stringify({ error: { code: err.code, message: err.message } }, null, 2) + '\n');
    else process.stderr.write(`tsumiki claim: ${err.code}: ${(verificationText.en.error as Record<string, string>)[err.code] ?? err.code} (${err.message})\n`); // why: every ErrorCode has words; the cast only widens
    return 1;
  }

  // Verify everything first; write only after, so nothing is half-saved.
  const checked: Array<{ source: string; bytes: Uint8Array; item: string; result: InputResult; keep: boolean }> = [];
  for (const c of received) {
    const bytes = fileBytesOf(c);
    const result = await verifyBytes(bytes, env);
    const verdicts = result.error ? ['rejected'] : result.credentials.map((r) => r.verification.verdict);
    checked.push({ source: `${offer.offering.origin}#${c.item}`, bytes, item: c.item, result, keep: verdicts.every(KEEP) });
  }
  const saved: string[] = [];
  const files: string[] = checked.map((c) => c.source);
  if (values.out !== undefined) {
    const dirArg = values.out;
    await mkdir(dirArg, { recursive: true });
    for (const [i, c] of checked.entries()) {
      if (!c.keep) continue;
      const path = asTyped(dirArg, await writeNew(dirArg, c.item, c.bytes));
      saved.push(path);
      files[i] = path;
    }
  }
  const rows: ResultRow[] = checked.flatMap((c, i) => resultJson(files[i] as string, c.result)); // why: files has one entry per checked credential
  if (values.json) process.stdout.write(JSON.stringify({ results: rows, saved }, null, 2) + '\n');
  else {
    printHuman(checked.map((c, i) => ({ file: files[i] as string, result: c.result })), (s) => process.stdout.write(s + '\n')); // why: as above
    for (const c of checked) if (!c.keep) process.stdout.write(`not saved: ${c.source} (it does not verify)\n`);
    for (const p of saved) process.stdout.write(`saved: ${p}\n`);
  }
  return exitCode(rows, false);
}
