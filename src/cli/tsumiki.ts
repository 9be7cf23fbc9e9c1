/**
 * `tsumiki` — the wallet's core on the command line: the same parser, pipeline and words as the
 * browser, so both give the same verdict on the same bytes.
 *
 *   tsumiki verify FILE... [--json] [--online] [--now ISO-DATE] [--recipient EMAIL] [--challenge TEXT] [--domain TEXT] [--trust LIST]... [--jobs N]
 *   tsumiki inspect FILE... [--json]
 *   tsumiki pathway PATHWAY BADGE... [--json] [--online] [--now ISO-DATE] [--lang en|ja] [--count-unverified] [--which ID]
 *   tsumiki pathway --convert PATHWAY      (PATHWAY: a Tsumiki pathway, a CTDL pathway graph or a CLR 2.0 record)
 *   tsumiki share BADGE... --qr-dir DIR [--link BASE-URL]
 *   tsumiki scan IMAGE... [--json] [--online] [--now ISO-DATE] [--recipient EMAIL] [--challenge TEXT] [--domain TEXT]
 *   tsumiki present URI FILE... [--json] [--key FILE]
 *   tsumiki pdf BADGE... --out FILE.pdf [--link BASE-URL] [--title TEXT] [--now ISO-DATE] [--online] [--trust LIST]...
 *   tsumiki claim URI [--json] [--out DIR] [--pin CODE] [--trust LIST]... [--key FILE]
 *
 * verify exits 0 when every credential is verified, 1 when any failed or was rejected, 2 otherwise;
 * a presentation's own proof and holder count too when it is signed or --challenge/--domain is given.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { createEnv, type VerifyEnv } from '../lib/verify/env.ts';
import { createRemote } from '../lib/verify/remote.ts';
import { withTrust } from './trust.ts';
import { inspectBytes } from './inspect.ts';
import { PATHWAY_USAGE, pathwayCommand } from './pathway.ts';
import { PRESENT_USAGE, presentCommand } from './present.ts';
import { CLAIM_USAGE, ClaimUsageError, claimCommand } from './claim.ts';
import { exitCode } from './output.ts';
import { verifyTask, type FileReport } from './verify-files.ts';
import { VerifyPool } from './verify-pool.ts';
import { scanCommand, shareCommand } from './share.ts';
import { PDF_USAGE, pdfCommand } from './pdf.ts';

const USAGE = `usage:
  tsumiki verify FILE... [--json] [--online] [--now ISO-DATE] [--recipient EMAIL] [--challenge TEXT] [--domain TEXT] [--trust LIST]... [--jobs N]
  tsumiki inspect FILE... [--json]
${PATHWAY_USAGE}
  tsumiki share BADGE... --qr-dir DIR [--link BASE-URL]
  tsumiki scan IMAGE... [--json] [--online] [--now ISO-DATE] [--recipient EMAIL] [--challenge TEXT] [--domain TEXT] [--trust LIST]...
${PRESENT_USAGE}
${PDF_USAGE}
${CLAIM_USAGE}

  FILE may be a PDF certificate made by \`tsumiki pdf\`: the credential attached to it is what is checked.

  --trust LIST  a trust list (a W3C RecognizedEntityCredential, or a DCC issuer registry JSON);
                repeatable. A list that does not verify or is out of date is refused (exit 2).
  --jobs N      verify with N worker threads (default: the number of cores); the results
                are printed in the order of the files, the same as with --jobs 1.
  claim URI     collect badges from an issuer: an OpenID4VCI offer (openid-credential-offer://…),
                a DCC request (dccrequest://…) or a VC-API interaction URL; --pin for the offer's
                transaction code; --out DIR saves each badge that does not fail its checks.
  present       answers a verifier (an openid4vp:// request or a VC-API interaction URL) with the
                matching FILEs; exit 0 when the verifier accepted, 1 otherwise.
  --key FILE    the holder key (created there if missing; the private key is never printed).`;

function envFrom(values: { online?: boolean; now?: string; recipient?: string }): VerifyEnv {
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now: not a date: ${values.now}`);
  return createEnv({
    now,
    remote: createRemote({ online: values.online === true }),
    ...(values.recipient ? { recipient: { identity: values.recipient } } : {}),
  });
}

class UsageError extends Error {}



async function readInput(file: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(file));
}

/** What the verifier asked a presentation's holder to sign. */
const askedOf = (values: { challenge?: string; domain?: string }) => ({ challenge: values.challenge, domain: values.domain });

/** `--jobs N`: a positive whole number; the default is the number of cores. */
function jobsOf(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  if (!/^[1-9]\d{0,3}$/.test(value)) throw new UsageError(`--jobs: not a number of threads from 1 to 9999: ${value}`);
  return Number(value);
}

type VerifyValues = { json?: boolean; online?: boolean; now?: string; recipient?: string; challenge?: string; domain?: string; trust?: string[]; jobs?: string };

async function verifyCommand(files: string[], values: VerifyValues): Promise<number> {
  const jobs = Math.min(jobsOf(values.jobs), files.length);
  const env = await withTrust(envFrom(values), values.trust);
  const asked = askedOf(values);
  const human = values.json !== true;
  const tasks = files.map((file) => ({ file }));
  let reports: FileReport[];
  if (jobs <= 1) {
    reports = [];
    for (const task of tasks) reports.push(await verifyTask(task, env, asked, human));
  } else {
    const pool = await VerifyPool.start(jobs, { now: env.now.toISOString(), online: env.remote.online, recipient: values.recipient, trust: env.trust, asked, human });
    try {
      reports = await pool.run(tasks);
    } finally {
      await pool.close();
    }
  }
  const rows = reports.flatMap((r) => r.rows);
  if (values.json) process.stdout.write(JSON.stringify({ results: rows }, null, 2) + '\n');
  else for (const r of reports) for (const line of r.lines ?? []) process.stdout.write(line + '\n');
  return exitCode(rows, values.challenge !== undefined || values.domain !== undefined);
}

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'pathway') return pathwayCommand(argv.slice(1));
  if (argv[0] === 'present') return presentCommand(argv.slice(1));
  if (argv[0] === 'claim') return claimCommand(argv.slice(1));
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      online: { type: 'boolean' },
      now: { type: 'string' },
      recipient: { type: 'string' },
      challenge: { type: 'string' },
      domain: { type: 'string' },
      trust: { type: 'string', multiple: true },
      jobs: { type: 'string' },
      'qr-dir': { type: 'string' },
      link: { type: 'string' },
      out: { type: 'string' },
      title: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...files] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE + '\n');
    return values.help ? 0 : 2;
  }
  if (files.length === 0) throw new UsageError(`${command}: no FILE given`);
  switch (command) {
    case 'verify':
      return verifyCommand(files, values);
    case 'inspect':
      return inspectBytes(files, values.json === true, readInput);
    case 'share':
      return shareCommand(files, values);
    case 'pdf':
      return pdfCommand(files, values, await withTrust(envFrom(values), values.trust));
    case 'scan':
      return scanCommand(files, values, await withTrust(envFrom(values), values.trust));
    default:
      throw new UsageError(`unknown command: ${command}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`tsumiki: ${e instanceof Error ? e.message : String(e)}\n${e instanceof UsageError || e instanceof ClaimUsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? USAGE + '\n' : ''}`); // why: parseArgs errors carry a code
    process.exitCode = 2;
  },
);
