/**
 * `tsumiki present URI FILE... [--json] [--key FILE]` — answer a verifier's request (an OpenID4VP
 * 1.0 authorization request, or a VC-API interaction URL) with the matching credentials among
 * FILEs, each verified first (a credential that does not verify is never sent), in a presentation
 * signed by the holder key for the verifier's nonce/challenge and audience/domain.
 *
 * `--json` prints `{"sent": N, "status": <HTTP status>}`. Exit 0 when the verifier accepted the
 * answer (2xx), 1 otherwise; a protocol failure, nothing matching or a credential that does not
 * verify prints `{"error":{"code","message"}}` (stdout with --json, else stderr) and exits 1 before
 * anything is posted.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { isTsumikiError, TsumikiError } from '../lib/errors.ts';
import { holdingOf, refusalOf, type Holding } from '../lib/exchange/match.ts';
import { firstChoice, planAnswer, readVerifierRequest, sendAnswer, type AnswerPlan } from '../lib/exchange/present.ts';
import { parseInput } from '../lib/formats/parse.ts';
import { verificationText } from '../lib/i18n/verification.ts';
import { createEnv, type VerifyEnv } from '../lib/verify/env.ts';
import { createRemote } from '../lib/verify/remote.ts';
import { holderKey } from './holder-key.ts';

export const PRESENT_USAGE = '  tsumiki present URI FILE... [--json] [--key FILE]';

/** Every credential each file holds (a presentation holds several), verified offline. */
async function holdingsOf(files: readonly string[], env: VerifyEnv): Promise<Holding[]> {
  const holdings: Holding[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (e) {
      throw new TsumikiError('FILE_UNREADABLE', `${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const outcome = parseInput(bytes);
    if (outcome.kind === 'url') throw new TsumikiError('URL_NEEDS_NETWORK', `${file} is a link (${outcome.url}): save the badge itself first`);
    const many = outcome.input.credentials.length > 1;
    for (const [i, parsed] of outcome.input.credentials.entries()) holdings.push(await holdingOf(many ? `${file} [${i}]` : file, parsed, env));
  }
  return holdings;
}

function describe(plan: AnswerPlan, holdings: readonly Holding[], out: (s: string) => void): void {
  const v = plan.request.verifier;
  const proven = v.proven.kind === 'did' ? `${v.proven.value} (proven: it signed the request)` : `${v.proven.value} (proven: only the web origin it answers at)`;
  out(`Verifier: ${proven}`);
  if (v.claimedName) out(`    calls itself “${v.claimedName}” (a claim, not proven)`);
  for (const ask of plan.asks) {
    const types = ask.types.map((t) => t.join(' + ')).join(' | ') || 'any credential';
    out(`Asks for ${ask.id}${ask.required ? '' : ' (optional)'}: ${types}${ask.reason ? ` — “${ask.reason}”` : ''}`);
    for (const i of ask.candidates) {
      const h = holdings[i] as Holding; // why: candidates index holdings
      const refusal = refusalOf(h.verification);
      out(`    ${refusal ? '✘' : '✔'} ${h.key}${h.reading ? ` — ${h.reading.badge.title}` : ''}${refusal ? ` (does not verify: ${refusal})` : ''}`);
    }
  }
  if (plan.didAuthentication) out('Asks you to prove this holder key is yours (DID authentication)');
}

function printError(e: TsumikiError, json: boolean): void {
  if (json) process.stdout.write(JSON.stringify({ error: { code: e.code, message: e.message } }) + '\n');
  else process.stderr.write(`tsumiki present: ${e.code}: ${verificationText.en.error[e.code] ?? e.code} (${e.message})\n`);
}

export async function presentCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, key: { type: 'string' } } });
  const [uri, ...files] = positionals;
  if (!uri) throw new Error('present: no URI given');
  const json = values.json === true;
  const out = (s: string) => {
    if (!json) process.stdout.write(s + '\n');
  };
  const key = await holderKey(values.key);
  try {
    const request = await readVerifierRequest(uri);
    const holdings = await holdingsOf(files, createEnv({ remote: createRemote({ online: false }) }));
    const plan = planAnswer(request, holdings);
    describe(plan, holdings, out);
    const choice = firstChoice(plan, holdings);
    const { sent, answer } = await sendAnswer(plan, choice, holdings, key, undefined);
    if (json) process.stdout.write(JSON.stringify({ sent, status: answer.status }) + '\n');
    out(`Sent ${sent} credential${sent === 1 ? '' : 's'} as ${key.did}`);
    out(`${answer.accepted ? '✔ Accepted' : '✘ Refused'} by the verifier (HTTP ${answer.status})${answer.message ? `: “${answer.message}”` : ''}`);
    if (answer.redirectUri) out(`    next: ${answer.redirectUri}`);
    return answer.accepted ? 0 : 1;
  } catch (e) {
    if (!isTsumikiError(e)) throw e;
    printError(e, json);
    return 1;
  }
}
