/**
 * The verification pipeline: ordered steps, one check each, collected into a report whose
 * verdict is derived by `verdictOf`. It never throws: a step that throws becomes
 * `not-checked / error` for that step alone.
 */
import { isTsumikiError, type ErrorCode } from '../errors.ts';
import { idOf } from '../formats/json.ts';
import { parseInput } from '../formats/parse.ts';
import type { CredentialFormat, ParsedCredential } from '../model/credential.ts';
import { verdictOf, type Check, type CheckId, type Verdict } from '../model/verification.ts';
import type { VerifyEnv } from './env.ts';
import type { ResolvedMethod } from './keys.ts';
import { checkBinding, notCheckedAfter } from './steps/binding.ts';
import { checkOb2Hosted, checkOb2Signed } from './steps/proof-ob2.ts';
import { checkEmbeddedProofs } from './steps/proof-di.ts';
import { checkJwt } from './steps/proof-jwt.ts';
import { checkRecipient } from './steps/recipient.ts';
import { checkStatus } from './steps/status.ts';
import { checkOb2Structure, checkVcStructure } from './steps/structure.ts';
import { checkValidity, periodOf } from './steps/validity.ts';

export interface Verification {
  readonly verdict: Verdict;
  readonly checks: readonly Check[];
  readonly checkedAt: string;
  /** Whether the network was allowed for this verification. */
  readonly online: boolean;
}

export interface CredentialResult {
  readonly format: CredentialFormat;
  readonly parsed: ParsedCredential;
  readonly verification: Verification;
}

export interface InputResult {
  /** One per credential the input held (a presentation may hold several); empty when rejected. */
  readonly credentials: readonly CredentialResult[];
  /** Set when the input was not a readable credential. */
  readonly error?: { readonly code: ErrorCode; readonly message: string };
  /** The report for a rejected input. */
  readonly rejected?: Verification;
}

async function guarded(id: CheckId, step: () => Promise<Check> | Check): Promise<Check> {
  try {
    return await step();
  } catch (e) {
    return { id, outcome: 'not-checked', reason: 'error', code: 'CHECK_ERROR', data: { detail: e instanceof Error ? e.message.slice(0, 300) : String(e) } };
  }
}

function report(checks: Check[], env: VerifyEnv): Verification {
  return { verdict: verdictOf(checks), checks, checkedAt: env.now.toISOString(), online: env.remote.online };
}

/** Verify one parsed credential. Never throws. */
export async function verifyParsed(parsed: ParsedCredential, env: VerifyEnv): Promise<Verification> {
  const credential = parsed.credential;
  const ob2 = parsed.format === 'ob2-hosted' || parsed.format === 'ob2-signed';
  const checks: Check[] = [{ id: 'format', outcome: 'passed', code: 'FORMAT_OK', data: { format: parsed.format, container: parsed.container } }];
  checks.push(await guarded('structure', () => (ob2 ? checkOb2Structure(credential) : checkVcStructure(credential))));

  let method: ResolvedMethod | undefined;
  let proof: Check;
  let binding: Check | undefined;
  let subject = credential; // what the later checks read: for hosted OB 2.0, the fetched copy
  switch (parsed.format) {
    case 'ob3-di':
    case 'clr2-di': {
      const found = await guardedFinding(() => checkEmbeddedProofs(credential, env));
      proof = found.check;
      method = found.method;
      break;
    }
    case 'ob3-jwt':
    case 'clr2-jwt': {
      const found = await guardedFinding(() => checkJwt(parsed, env));
      proof = found.check;
      method = found.method;
      binding = found.binding;
      break;
    }
    case 'ob2-signed': {
      const found = await guardedFinding(() => checkOb2Signed(parsed, env));
      proof = found.check;
      binding = found.binding;
      break;
    }
    case 'ob2-hosted': {
      const found = await guardedFinding(() => checkOb2Hosted(credential, env));
      proof = found.check;
      binding = found.binding;
      subject = found.assertion ?? credential;
      break;
    }
  }
  checks.push(proof);
  checks.push(binding ?? checkBinding(proof, method, idOf(credential.issuer)));
  checks.push(await guarded('validity-period', () => checkValidity(periodOf(subject), env)));
  checks.push(await guarded('status', () => (proof.outcome === 'passed' ? checkStatus(parsed, subject, env) : notCheckedAfter('status', proof))));
  checks.push(await guarded('recipient', () => checkRecipient(subject, env)));
  return report(checks, env);
}

interface Finding {
  check: Check;
  method?: ResolvedMethod;
  binding?: Check;
  assertion?: ParsedCredential['credential'];
}

async function guardedFinding(step: () => Promise<Finding>): Promise<Finding> {
  try {
    return await step();
  } catch (e) {
    return { check: { id: 'proof', outcome: 'not-checked', reason: 'error', code: 'CHECK_ERROR', data: { detail: e instanceof Error ? e.message.slice(0, 300) : String(e) } } };
  }
}

/** A report for input that is not a readable credential. */
export function rejectedReport(code: ErrorCode, env: VerifyEnv): Verification {
  return report([{ id: 'format', outcome: 'failed', code: 'UNREADABLE', data: { error: code } }], env);
}

/**
 * Verify everything one input holds. A URL (given, or baked into an old OB 2.0 image) is fetched
 * only when the environment allows the network.
 */
export async function verifyBytes(bytes: Uint8Array, env: VerifyEnv): Promise<InputResult> {
  try {
    let outcome = parseInput(bytes);
    if (outcome.kind === 'url') {
      const got = await env.remote.get(outcome.url);
      if (!got.ok) {
        const code: ErrorCode = got.code === 'NEEDS_NETWORK' ? 'URL_NEEDS_NETWORK' : 'URL_FETCH_FAILED';
        return { credentials: [], error: { code, message: `${outcome.url}: ${got.code}` }, rejected: rejectedReport(code, env) };
      }
      outcome = parseInput(got.response.body);
      if (outcome.kind === 'url') throw new Error('a URL that points to another URL');
    }
    const credentials: CredentialResult[] = [];
    for (const parsed of outcome.input.credentials) {
      credentials.push({ format: parsed.format, parsed, verification: await verifyParsed(parsed, env) });
    }
    return { credentials };
  } catch (e) {
    const code: ErrorCode = isTsumikiError(e) ? e.code : 'INTERNAL';
    const message = e instanceof Error ? e.message : String(e);
    return { credentials: [], error: { code, message }, rejected: rejectedReport(code, env) };
  }
}
