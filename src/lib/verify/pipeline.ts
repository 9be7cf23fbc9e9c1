/**
 * The verification pipeline: ordered steps, one check each, collected into a report whose
 * verdict is derived by `verdictOf`. It never throws: a step that throws becomes
 * `not-checked / error` for that step alone.
 *
 * Every check after `proof` reads the one reading of the credential (./reading), never the JSON
 * layout it arrived in: for a VC the signed graph (built once and shared with the eddsa-rdfc-2022 /
 * ecdsa-rdfc-2019 proof check), for OB 2.0 the documents the proof step fetched from their IRIs.
 */
import { isTsumikiError, type ErrorCode } from '../errors.ts';
import { parseInput, parseInputAsync } from '../formats/parse.ts';
import type { CredentialFormat, JsonObject, JsonValue, ParsedCredential } from '../model/credential.ts';
import { asArray } from '../formats/json.ts';
import type { CredentialReading } from '../model/reading.ts';
import { verdictOf, type Check, type CheckId, type Verdict } from '../model/verification.ts';
import type { VerifyEnv } from './env.ts';
import type { ResolvedMethod } from './keys.ts';
import { unknownContextIn } from './loader.ts';
import { verifyEmbedded, type InnerKind } from './inner.ts';
import { verifyPresentation, type PresentationResult } from './presentation.ts';
import { checkProofSet } from './proofs/index.ts';
import { AmbiguousReadingError, isOb2Format, readOb2, readVc, type Quad } from './reading/index.ts';
import { checkBinding, notCheckedAfter } from './steps/binding.ts';
import { checkJwt, jwtPeriod } from './steps/proof-jwt.ts';
import { checkOb2Hosted, checkOb2Signed } from './steps/proof-ob2.ts';
import { checkRecipient } from './steps/recipient.ts';
import { checkStatus } from './steps/status.ts';
import { checkIssuerIdentity } from '../trust/identity.ts';
import { validateSchemaLazy } from './schema/lazy.ts';
import { checkOb2Structure, checkVcStructure } from './steps/structure.ts';
import { checkValidity, joinPeriods, ob2Period, vcPeriod, type Bound, type Period } from './steps/validity.ts';

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
  /** What was signed, read one way: every screen shows this, not `parsed.credential`. Absent when it could not be read. */
  readonly reading?: CredentialReading;
  /**
   * The credentials it holds (a CLR's, embedded endorsements), each verified on its own; only
   * from `verifyBytes`, and only when there are any.
   */
  readonly inner?: readonly InnerResult[];
  /** Credentials inside beyond the bound (MAX_INNER), not verified. */
  readonly innerSkipped?: number;
}

/** A credential inside another, where it sits, and its own result (or why it is not a readable credential). */
export type InnerResult =
  | (CredentialResult & { readonly path: string; readonly kind: InnerKind })
  | { readonly path: string; readonly kind: InnerKind; readonly error: { readonly code: ErrorCode; readonly message: string }; readonly verification: Verification };

export interface InputResult {
  /** One per credential the input held (a presentation may hold several); empty when rejected. */
  readonly credentials: readonly CredentialResult[];
  /** Set when the input was not a readable credential. */
  readonly error?: { readonly code: ErrorCode; readonly message: string };
  /** The report for a rejected input. */
  readonly rejected?: Verification;
  /** For a presentation: its own proof and holder (each credential's checks are in `credentials`). */
  readonly presentation?: PresentationResult;
}

function errorCheck(id: CheckId, e: unknown): Check {
  return { id, outcome: 'not-checked', reason: 'error', code: 'CHECK_ERROR', data: { detail: e instanceof Error ? e.message.slice(0, 300) : String(e) } };
}

async function guarded(id: CheckId, step: () => Promise<Check> | Check): Promise<Check> {
  try {
    return await step();
  } catch (e) {
    return errorCheck(id, e);
  }
}

function report(checks: Check[], env: VerifyEnv): Verification {
  return { verdict: verdictOf(checks), checks, checkedAt: env.now.toISOString(), online: env.remote.online };
}

/** Why a reading could not be made, as the structure check says it. */
function unreadable(e: unknown): Check {
  const unknown = unknownContextIn(e);
  if (unknown) return { id: 'structure', outcome: 'not-checked', reason: 'unsupported', code: 'UNKNOWN_CONTEXT', data: { url: unknown.url } };
  if (e instanceof AmbiguousReadingError) return { id: 'structure', outcome: 'failed', code: e.code, data: { problem: e.problem } };
  const name = e instanceof Error ? e.name : '';
  const message = e instanceof Error ? e.message.slice(0, 300) : String(e);
  // jsonld.js's one ValidationError is its safe-mode error. Not matched by its words: a message may
  // quote the credential (`"@version": "safe mode"`), and a term it does not define is not the problem then.
  if (name === 'jsonld.ValidationError') return { id: 'structure', outcome: 'failed', code: 'UNDEFINED_TERM', data: { detail: message } };
  return { id: 'structure', outcome: 'failed', code: 'STRUCTURE_INVALID', data: { problem: `not readable as JSON-LD: ${message}` } };
}

/**
 * The reading as the schema sees a credential: the contexts and proofs as written (layout, not
 * data), and every embedded credential (an endorsement) with the contexts it was read under.
 */
function schemaView(written: JsonObject, document: JsonObject): JsonObject {
  const context = written['@context'] ?? [];
  const withContexts = (v: JsonValue): JsonValue => {
    if (Array.isArray(v)) return v.map(withContexts);
    if (v === null || typeof v !== 'object') return v;
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v)) out[k] = withContexts(x);
    return asArray(out.type).includes('VerifiableCredential') ? { '@context': context, ...out } : out;
  };
  return { ...(withContexts(document) as JsonObject), '@context': context, ...(written.proof === undefined ? {} : { proof: written.proof }) };
}

/**
 * 1EdTech's published JSON Schema (the JSON-LD variant its validator uses) on the credential as
 * written, as 1EdTech's validator does, naming the JSON pointer. When only the layout fails — the
 * reading, written plainly, passes — the credential is refused as AMBIGUOUS: a holder's reshaping
 * can be refused, never read differently. Undefined when no schema applies or it passed.
 */
async function checkSchema(written: JsonObject, document: JsonObject): Promise<Check | undefined> {
  const result = await validateSchemaLazy(written);
  if (result === undefined || result.ok) return undefined;
  const data = { path: result.pointer, problem: result.problem, schema: result.schema };
  // The same data in the plain layout passes: only the layout is not one the schema allows.
  const plain = await validateSchemaLazy(schemaView(written, document));
  if (plain?.ok) return { id: 'structure', outcome: 'failed', code: 'AMBIGUOUS', data: { ...data, problem: `written in a layout the schema does not allow (${result.problem})` } };
  return { id: 'structure', outcome: 'failed', code: 'STRUCTURE_INVALID', data };
}

const notReadable = (id: CheckId): Check => ({ id, outcome: 'not-checked', reason: 'error', code: 'NOT_READABLE' });

/** The checks that need a reading, when there is none: skipped because of the proof when it failed, else because of the reading. */
const skipped = (proof: Check, ids: readonly CheckId[]): Check[] => ids.map((id) => (proof.outcome === 'passed' ? notReadable(id) : notCheckedAfter(id, proof)));

interface ProofStep {
  readonly proof: Check;
  readonly method?: ResolvedMethod | undefined;
  readonly binding?: Check | undefined;
  readonly period?: Period;
  readonly reading?: CredentialReading | undefined;
}

/** The recipient check: nothing to compare when the user gave no identity, else the reading's. */
function checkRecipientOf(document: JsonObject | undefined, env: VerifyEnv): Promise<Check> {
  if (env.recipient === undefined) return checkRecipient({}, env);
  return guarded('recipient', () => (document ? checkRecipient(document, env) : notReadable('recipient')));
}

async function guardedProof(step: () => Promise<ProofStep>): Promise<ProofStep> {
  try {
    return await step();
  } catch (e) {
    return { proof: errorCheck('proof', e) };
  }
}

/** A VC-JWT's `nbf`/`exp` as validity bounds (checked with the credential's own). */
function jwtBounds(payload: JsonObject | undefined): Period {
  if (!payload) return { from: [], until: [] };
  const p = jwtPeriod(payload);
  // A claim that is not a NumericDate is a bound with no date: the validity check fails it as DATE_INVALID.
  const bounds = (field: 'nbf' | 'exp', date: { readonly value: string } | undefined): Bound[] =>
    date ? [{ field, value: date.value, at: Date.parse(date.value) }] : p.invalid === field ? [{ field, value: payload[field] ?? null, at: undefined }] : [];
  return { from: bounds('nbf', p.from), until: bounds('exp', p.until) };
}

async function verifyVc(parsed: ParsedCredential, env: VerifyEnv, checks: Check[]): Promise<CredentialReading | undefined> {
  const credential = parsed.credential;
  let reading: CredentialReading | undefined;
  let quads: Quad[] | undefined;
  try {
    ({ reading, quads } = await readVc(parsed));
    const document = reading.document;
    checks.push(await guarded('structure', async () => {
      const own = checkVcStructure(credential, document);
      return own.outcome === 'passed' ? ((await checkSchema(credential, document)) ?? own) : own;
    }));
  } catch (e) {
    checks.push(unreadable(e));
  }
  const jwt = parsed.format === 'ob3-jwt' || parsed.format === 'clr2-jwt';
  const issuer = reading?.badge.issuer.id ?? undefined;
  const step = await guardedProof(async () => {
    if (jwt) {
      const found = await checkJwt(parsed, env);
      return { proof: found.check, method: found.method, binding: found.binding, period: jwtBounds(found.payload) };
    }
    const found = await checkProofSet(credential, env, { purpose: 'assertionMethod', controller: issuer, ...(quads ? { quads } : {}) });
    return { proof: found.check, method: found.method };
  });
  checks.push(step.proof);
  if (!reading) {
    checks.push(...skipped(step.proof, ['issuer-key', 'issuer-identity', 'validity-period', 'status']), await checkRecipientOf(undefined, env));
    return undefined;
  }
  const document = reading.document;
  checks.push(step.binding ?? checkBinding(step.proof, step.method, issuer));
  checks.push(await guarded('issuer-identity', () => checkIssuerIdentity(reading, checks, env.trust, env.now)));
  checks.push(await guarded('validity-period', () => checkValidity(joinPeriods(vcPeriod(document), step.period ?? { from: [], until: [] }), env)));
  checks.push(await guarded('status', () => (step.proof.outcome === 'passed' ? checkStatus(parsed, document, env) : notCheckedAfter('status', step.proof))));
  checks.push(await checkRecipientOf(document, env));
  return reading;
}

async function verifyOb2(parsed: ParsedCredential, env: VerifyEnv, checks: Check[]): Promise<CredentialReading | undefined> {
  const structure = await guarded('structure', () => checkOb2Structure(parsed.credential));
  // An assertion that reads two ways (two badges, two identities) is refused as its structure, as a
  // VC's graph is; its proof and key stay as checked (not an error of the proof step).
  let ambiguous: Check | undefined;
  const step = await guardedProof(async () => {
    const found = parsed.format === 'ob2-signed' ? await checkOb2Signed(parsed, env) : await checkOb2Hosted(parsed.credential, env);
    // The hosted copy, when fetched, is the truth; a signed assertion is its JWS payload.
    const assertion = found.assertion ?? parsed.credential;
    try {
      return { proof: found.check, binding: found.binding, reading: readOb2({ assertion, badgeClass: found.badgeClass, issuer: found.issuerProfile }, parsed.format) };
    } catch (e) {
      ambiguous = unreadable(e);
      return { proof: found.check, binding: found.binding };
    }
  });
  // The key as the proof step bound it, read or not; none when that step threw.
  checks.push(ambiguous ?? structure, step.proof, step.binding ?? notReadable('issuer-key'));
  const reading = step.reading;
  if (!reading) {
    checks.push(...skipped(step.proof, ['issuer-identity', 'validity-period', 'status']), await checkRecipientOf(undefined, env));
    return undefined;
  }
  const document = reading.document;
  checks.push(await guarded('issuer-identity', () => checkIssuerIdentity(reading, checks, env.trust, env.now)));
  checks.push(await guarded('validity-period', () => checkValidity(ob2Period(document), env)));
  checks.push(await guarded('status', () => (step.proof.outcome === 'passed' ? checkStatus(parsed, document, env) : notCheckedAfter('status', step.proof))));
  checks.push(await checkRecipientOf(document, env));
  return reading;
}

/** Verify one parsed credential, and read what was signed. Never throws. */
export async function verifyCredential(parsed: ParsedCredential, env: VerifyEnv): Promise<{ verification: Verification; reading?: CredentialReading }> {
  const checks: Check[] = [{ id: 'format', outcome: 'passed', code: 'FORMAT_OK', data: { format: parsed.format, container: parsed.container } }];
  let reading: CredentialReading | undefined;
  try {
    reading = isOb2Format(parsed.format) ? await verifyOb2(parsed, env, checks) : await verifyVc(parsed, env, checks);
  } catch (e) {
    checks.push(errorCheck('proof', e));
  }
  return { verification: report(checks, env), ...(reading ? { reading } : {}) };
}

/**
 * The one reading of a credential without a fresh verdict (a stored badge's page): for a VC from
 * its signed graph; for OB 2.0 from the documents its proof step fetches — `env` should then
 * answer from the dated cache only. Undefined when it cannot be read. Never throws.
 */
export async function readCredential(parsed: ParsedCredential, env: VerifyEnv): Promise<CredentialReading | undefined> {
  const read = await tryReading(parsed, env);
  return 'reading' in read ? read.reading : undefined;
}

/** As `readCredential`, with the reason when there is no reading (the structure check's code). Never throws. */
export async function tryReading(parsed: ParsedCredential, env: VerifyEnv): Promise<{ reading: CredentialReading } | { error: { code: string; message: string } }> {
  try {
    if (!isOb2Format(parsed.format)) return { reading: (await readVc(parsed)).reading };
    const { verification, reading } = await verifyCredential(parsed, env);
    if (reading) return { reading };
    const why = verification.checks.find((c) => c.outcome !== 'passed'); // the format check always passed here
    return { error: { code: why?.code ?? 'NOT_READABLE', message: 'the OB 2.0 assertion could not be read' } };
  } catch (e) {
    const check = unreadable(e);
    const detail = check.data?.problem ?? check.data?.detail ?? check.data?.url;
    return { error: { code: check.code, message: typeof detail === 'string' ? detail : String(e) } };
  }
}

/** Verify one parsed credential. Never throws. */
export async function verifyParsed(parsed: ParsedCredential, env: VerifyEnv): Promise<Verification> {
  return (await verifyCredential(parsed, env)).verification;
}

/** A report for input that is not a readable credential. */
export function rejectedReport(code: ErrorCode, env: VerifyEnv): Verification {
  return report([{ id: 'format', outcome: 'failed', code: 'UNREADABLE', data: { error: code } }], env);
}

/** Each credential inside `parsed`, verified on its own (no deeper). Never throws. */
async function innerOf(parsed: ParsedCredential, env: VerifyEnv): Promise<Pick<CredentialResult, 'inner' | 'innerSkipped'>> {
  const { inner, skipped } = await verifyEmbedded(parsed.credential, env, verifyCredential);
  const results = inner.map((o): InnerResult => {
    if ('error' in o) return { ...o, verification: rejectedReport(o.error.code, env) };
    const { verification, reading } = o.verified;
    return { path: o.path, kind: o.kind, format: o.parsed.format, parsed: o.parsed, verification, ...(reading ? { reading } : {}) };
  });
  return { ...(results.length > 0 ? { inner: results } : {}), ...(skipped > 0 ? { innerSkipped: skipped } : {}) };
}

/** What the verifier asked a presentation's holder to sign. */
export interface BytesOptions {
  readonly challenge?: string | undefined;
  readonly domain?: string | undefined;
}

/**
 * Verify everything one input holds: each credential, the credentials inside each (a CLR's,
 * embedded endorsements), and a presentation's own proof and holder. A URL (given, or baked into an
 * old OB 2.0 image) is fetched only when the environment allows the network.
 */
export async function verifyBytes(bytes: Uint8Array, env: VerifyEnv, options: BytesOptions = {}): Promise<InputResult> {
  try {
    let outcome = await parseInputAsync(bytes);
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
      const { verification, reading } = await verifyCredential(parsed, env);
      credentials.push({ format: parsed.format, parsed, verification, ...(reading ? { reading } : {}), ...(await innerOf(parsed, env)) });
    }
    const vp = outcome.input.presentation;
    if (vp === undefined) return { credentials };
    const presentation = await verifyPresentation(vp, env, { ...options, jws: outcome.input.presentationJws });
    return { credentials, presentation };
  } catch (e) {
    const code: ErrorCode = isTsumikiError(e) ? e.code : 'INTERNAL';
    const message = e instanceof Error ? e.message : String(e);
    return { credentials: [], error: { code, message }, rejected: rejectedReport(code, env) };
  }
}
