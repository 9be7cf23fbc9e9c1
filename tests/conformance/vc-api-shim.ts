/**
 * A tiny VC-API server over Tsumiki's verification core, for running the W3C VC test suites
 * locally (see ./README.md). Not part of the app, not run in CI. Listens on 127.0.0.1 only.
 *
 *   POST /credentials/verify     { verifiableCredential, options }   → verifyBytes on the credential
 *   POST /presentations/verify   { verifiablePresentation, options } → verifyBytes with challenge/domain
 *   POST /credentials/issue      { credential, options }             → test issuer (see below)
 *   POST /status/credentials/issue                                   → the same, plus a BitstringStatusListEntry
 *   POST /checked/credentials/issue                                  → sign, then verify with Tsumiki: 422 unless verified
 *   GET  /status/revocation                                          → the status list credential that entry names
 *
 * Verification environment: offline (`createRemote({ online: false })`), `now` = the real clock
 * at each request, default clock skew. Nothing is fetched. The remote's cache holds exactly one
 * kind of document: the status list credentials this shim's own test issuer published, as if
 * Tsumiki had fetched them earlier (the dated-cache path an offline wallet uses); anything else a
 * credential points to (a did:web document, a foreign status list) is not there, so the verdict
 * says `incomplete (offline)`.
 *
 * Mapping of Tsumiki's report to the VC-API answer:
 *   - a credential is verified ⇔ its report's verdict is `verified` (every applicable check passed:
 *     structure, proof, issuer-key binding, validity period, status). A did:key issuer is its own
 *     authority (the key is the identifier), so a did:key-signed vector can be `verified`; a key
 *     known only from a URL fragment, or a did:web/https key offline, cannot. One exception: a
 *     verdict `incomplete` whose only unmade check is the issuer's identity in the user's trust
 *     lists (`not-checked`, reason `untrusted`, ISSUER_UNKNOWN) counts as verified, with that check
 *     in `warnings` — no trust list is enabled here, and whom a wallet user trusts is not part of
 *     what the suites test. A failed identity check (LOOKALIKE) still fails.
 *   - a presentation is verified ⇔ its own report is `verified`, or it carries no proof, none was
 *     asked for (no challenge/domain), and its holder check did not fail — and every credential it
 *     holds is verified by the rule above (`verdict` is then the first verdict that stood in the way).
 *   - HTTP 200 when verified; 400 when the input is not a readable credential/presentation
 *     (verdict `rejected`, or the body is not the shape asked); 422 for a readable input that is
 *     not verified (`failed`, `incomplete`, `unsupported`). The suites accept 400 or 422 for "not verified".
 *   - body: `{ verified, verdict, checks: [ids of passed checks], warnings: [...], errors: [...],
 *     problemDetails: [...], report }`; each problem is `{ type, title, detail }` with the check id,
 *     Tsumiki's code and its data. `errors` is empty when verified (the data-model suite throws on any).
 *   - The bytes Tsumiki verifies are `JSON.stringify(body.verifiableCredential)` (resp.
 *     `verifiablePresentation`): a credential sent as a JSON string is a string, not a credential.
 *   - Request options other than `challenge` and `domain` (e.g. `checks`) are ignored: Tsumiki
 *     always makes every check. `challenge`/`domain` apply to presentations only.
 *
 * Test issuer: an Ed25519 did:key generated at startup (never written anywhere), signing with
 * eddsa-rdfc-2022 through Digital Bazaar's suite and Tsumiki's bundled contexts (an unknown
 * context cannot be signed either, nor can JSON-LD that safe mode refuses). It validates nothing —
 * the verifier is what is under test — and sets `issuer` to its own DID when the credential names
 * the placeholder `did:key:tsumiki-shim` or none. Issued credentials' proofs are dated 2025-01-01
 * (tests/support/issuer.ts). The `checked` issuer signs the same way and then refuses (422, with
 * Tsumiki's report) what Tsumiki's verifier does not verify: pointed at a suite's issuer tests
 * ("an issuer MUST reject …"), it makes them ask the verifier's rules instead.
 *
 * Usage: `npm run conformance -- [--port 40444] [--info /tmp/tsumiki-vc-api-shim.json] [--log file.jsonl]`.
 * The info file (written at startup) holds the base URL and the issuer DID for the suites' localConfig.cjs.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { appendFileSync, writeFileSync } from 'node:fs';
import type { JsonObject, JsonValue } from '../../src/lib/model/credential.ts';
import type { CheckOf } from '../../src/lib/model/verification.ts';
import { createEnv } from '../../src/lib/verify/env.ts';
import { verifyBytes, type InputResult } from '../../src/lib/verify/pipeline.ts';
import { createRemote, MemoryCache } from '../../src/lib/verify/remote.ts';
import { encodeStatusList, generateDidKey, signDi, type DidKey } from '../support/issuer.ts';

const PLACEHOLDER_ISSUER = 'did:key:tsumiki-shim';
/** The Bitstring Status List minimum: 131,072 entries. */
const LIST_SIZE = 131_072;
const MAX_BODY = 8 * 1024 * 1024;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const port = Number(arg('port') ?? process.env.PORT ?? 40444);
const infoPath = arg('info') ?? '/tmp/tsumiki-vc-api-shim.json';
const logPath = arg('log');
const base = `http://127.0.0.1:${port}`;
const statusListUrl = `${base}/status/revocation`;

const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

// ---------------------------------------------------------------------------------------------
// The verifier

/** The status lists this shim published, as an offline Tsumiki would hold them: in its dated cache. */
const cache = new MemoryCache();

function env() {
  return createEnv({ now: new Date(), remote: createRemote({ online: false, cache }) });
}

type AnyCheck = CheckOf<string>;
interface Problem {
  readonly type: string;
  readonly title: string;
  readonly detail: string;
}

const problemOf = (scope: string, c: AnyCheck): Problem => ({
  type: `https://tsumiki.invalid/problems/${c.code}`,
  title: `${scope}${c.id}: ${c.outcome === 'not-checked' ? `not checked (${c.reason})` : c.outcome} ${c.code}`,
  detail: JSON.stringify(c.data ?? {}),
});

/**
 * Whether the issuer is someone the user's trust lists (or a domain behind its key) vouch for is a
 * wallet's question, not a VC-API verifier's: a check left `not-checked` for that reason alone
 * (`untrusted`, ISSUER_UNKNOWN) is a warning here, never a reason for `verified: false`. A trust
 * check that fails (LOOKALIKE) still fails. (`String`: the reason is newer than some checkouts' types.)
 */
const trustOnly = (c: AnyCheck): boolean => c.outcome === 'not-checked' && String(c.reason) === 'untrusted';

/** Every check that keeps a credential from being verified here (a not-applicable or trust-only one does not). */
const blocking = (c: AnyCheck): boolean => c.outcome === 'failed' || (c.outcome === 'not-checked' && c.reason !== 'not-applicable' && !trustOnly(c));

const problemsOf = (scope: string, checks: readonly AnyCheck[]): Problem[] => checks.filter(blocking).map((c) => problemOf(scope, c));
const warningsOf = (scope: string, checks: readonly AnyCheck[]): Problem[] => checks.filter(trustOnly).map((c) => problemOf(scope, c));

/**
 * Verified for the VC-API: Tsumiki's verdict is `verified`, or `incomplete` only because nobody the
 * user trusts vouches for the issuer — with a proof that passed and nothing else left unchecked.
 */
function verifiedHere(verdict: string, checks: readonly AnyCheck[]): boolean {
  if (verdict === 'verified') return true;
  return verdict === 'incomplete' && !checks.some(blocking) && checks.some((c) => c.id === 'proof' && c.outcome === 'passed');
}

interface Answer {
  readonly status: number;
  readonly body: JsonObject;
}

function answer(verified: boolean, verdict: string, passed: string[], problems: Problem[], report: JsonValue, rejected = false, warnings: Problem[] = []): Answer {
  const list = problems as unknown as JsonValue[]; // why: plain JSON objects
  return {
    status: verified ? 200 : rejected ? 400 : 422,
    body: { verified, verdict, checks: passed, warnings: warnings as unknown as JsonValue[], errors: verified ? [] : list, problemDetails: list, report },
  };
}

function badRequest(detail: string): Answer {
  return answer(false, 'rejected', [], [{ type: 'https://tsumiki.invalid/problems/BAD_REQUEST', title: 'bad request', detail }], null, true);
}

function rejectedAnswer(result: InputResult): Answer {
  const code = result.error?.code ?? 'UNREADABLE';
  return answer(false, 'rejected', [], [{ type: `https://tsumiki.invalid/problems/${code}`, title: `rejected: ${code}`, detail: result.error?.message ?? '' }], { error: (result.error ?? null) as unknown as JsonValue }, true);
}

/** The report as plain JSON: verdicts and checks, never the parsed credential. */
function reportOf(result: InputResult): JsonValue {
  const creds = result.credentials.map((c) => ({
    format: c.format,
    verdict: c.verification.verdict,
    checks: c.verification.checks,
    ...(c.inner ? { inner: c.inner.map((i) => ({ path: i.path, kind: i.kind, verdict: i.verification.verdict, checks: i.verification.checks })) } : {}),
  }));
  return JSON.parse(JSON.stringify({ credentials: creds, ...(result.presentation ? { presentation: result.presentation } : {}) })) as JsonValue;
}

const bytesOf = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

async function verifyCredentialRequest(body: JsonObject): Promise<Answer> {
  if (!('verifiableCredential' in body)) return badRequest('no verifiableCredential');
  const result = await verifyBytes(bytesOf(body.verifiableCredential), env());
  if (result.error || result.credentials.length === 0) return rejectedAnswer(result);
  if (result.presentation) return badRequest('a presentation, not a credential (use /presentations/verify)');
  if (result.credentials.length !== 1) return badRequest(`${result.credentials.length} credentials, not one`);
  const c = result.credentials[0]!; // why: length checked
  const { verdict, checks } = c.verification;
  const passed = checks.filter((x) => x.outcome === 'passed').map((x) => x.id);
  return answer(verifiedHere(verdict, checks), verdict, passed, problemsOf('', checks), reportOf(result), verdict === 'rejected', warningsOf('', checks));
}

function optionString(options: JsonValue | undefined, key: string): string | undefined {
  const v = isObject(options) ? options[key] : undefined;
  return typeof v === 'string' ? v : undefined;
}

async function verifyPresentationRequest(body: JsonObject): Promise<Answer> {
  if (!('verifiablePresentation' in body)) return badRequest('no verifiablePresentation');
  const challenge = optionString(body.options, 'challenge');
  const domain = optionString(body.options, 'domain');
  const result = await verifyBytes(bytesOf(body.verifiablePresentation), env(), { challenge, domain });
  if (result.error) return rejectedAnswer(result);
  const vp = result.presentation;
  if (!vp) return badRequest('a credential, not a presentation (use /credentials/verify)');
  const asked = (challenge ?? '').trim() !== '' || (domain ?? '').trim() !== '';
  const unsignedOk = !asked && vp.checks.some((c) => c.id === 'proof' && c.code === 'NOT_SIGNED') && !vp.checks.some((c) => c.outcome === 'failed');
  const vpOk = vp.verdict === 'verified' || unsignedOk;
  const credOk = (c: InputResult['credentials'][number]) => verifiedHere(c.verification.verdict, c.verification.checks);
  const credsOk = result.credentials.every(credOk);
  const problems = [
    ...problemsOf('presentation.', vp.checks).filter(() => !unsignedOk),
    ...result.credentials.flatMap((c, i) => problemsOf(`verifiableCredential[${i}].`, c.verification.checks)),
  ];
  const warnings = result.credentials.flatMap((c, i) => warningsOf(`verifiableCredential[${i}].`, c.verification.checks));
  const verdict = vpOk && credsOk ? 'verified' : !vpOk ? vp.verdict : (result.credentials.find((c) => !credOk(c))?.verification.verdict ?? 'failed');
  const passed = vp.checks.filter((x) => x.outcome === 'passed').map((x) => x.id);
  return answer(vpOk && credsOk, verdict, passed, problems, reportOf(result), verdict === 'rejected', warnings);
}

// ---------------------------------------------------------------------------------------------
// The test issuer and its status list

let key: DidKey;
let nextIndex = 0;

async function publishStatusList(): Promise<JsonObject> {
  const list: JsonObject = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: statusListUrl,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: key.did,
    validFrom: '2025-01-01T00:00:00Z',
    credentialSubject: { id: `${statusListUrl}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: encodeStatusList([], LIST_SIZE) },
  };
  const signed = await signDi(list, 'eddsa-rdfc-2022', key.pair);
  const fetchedAt = new Date().toISOString();
  await cache.put({ url: statusListUrl, status: 200, body: bytesOf(signed), contentType: 'application/vc+ld+json', fetchedAt, fromCache: false });
  return signed;
}

let statusList: JsonObject;

async function issueRequest(body: JsonObject, withStatus: boolean, checked = false): Promise<Answer> {
  if (!isObject(body.credential)) return badRequest('no credential object');
  const credential = structuredClone(body.credential);
  const issuer = credential.issuer;
  if (issuer === undefined || issuer === PLACEHOLDER_ISSUER) credential.issuer = key.did;
  else if (isObject(issuer) && (issuer.id === undefined || issuer.id === PLACEHOLDER_ISSUER)) credential.issuer = { ...issuer, id: key.did };
  if (withStatus && credential.credentialStatus === undefined) {
    const index = nextIndex++;
    credential.credentialStatus = {
      id: `${statusListUrl}#${index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(index),
      statusListCredential: statusListUrl,
    };
  }
  let signed: JsonObject;
  try {
    signed = await signDi(credential, 'eddsa-rdfc-2022', key.pair);
  } catch (e) {
    return badRequest(`cannot sign: ${e instanceof Error ? e.message.slice(0, 300) : String(e)}`);
  }
  if (!checked) return { status: 201, body: signed };
  // The checked issuer hands out only what Tsumiki's verifier verifies: its refusals are the verifier's.
  const verdict = await verifyCredentialRequest({ verifiableCredential: signed });
  return verdict.body.verified === true ? { status: 201, body: signed } : { status: 422, body: { ...verdict.body, refusedBy: 'verifier' } };
}

// ---------------------------------------------------------------------------------------------
// HTTP

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer; // why: no encoding was set, so chunks are Buffers
    size += b.byteLength;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function route(method: string, path: string, text: string): Promise<Answer> {
  if (method === 'GET' && path === '/status/revocation') return { status: 200, body: statusList };
  if (method === 'GET' && path === '/') return { status: 200, body: { issuer: key.did, verificationMethod: key.vm, statusList: statusListUrl } };
  if (method !== 'POST') return { status: 404, body: { error: 'not found' } };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return badRequest('the body is not JSON');
  }
  if (!isObject(body)) return badRequest('the body is not a JSON object');
  switch (path) {
    case '/credentials/verify':
      return verifyCredentialRequest(body);
    case '/presentations/verify':
      return verifyPresentationRequest(body);
    case '/credentials/issue':
      return issueRequest(body, false);
    case '/status/credentials/issue':
      return issueRequest(body, true);
    case '/checked/credentials/issue':
      return issueRequest(body, false, true);
    default:
      return { status: 404, body: { error: 'not found' } };
  }
}

async function main(): Promise<void> {
  key = await generateDidKey('Ed25519');
  statusList = await publishStatusList();
  const server = createServer((req, res) => {
    const started = performance.now();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const method = req.method ?? 'GET';
    readBody(req)
      .then((text) =>
        route(method, path, text).then((a) => {
          // Logged before the answer leaves, so a test runner's own log lines always come after it.
          if (logPath && method === 'POST') {
            const line = {
              at: new Date().toISOString(),
              path,
              status: a.status,
              ms: Math.round(performance.now() - started),
              verdict: a.body.verdict ?? null,
              problems: (a.body.problemDetails ?? null) as JsonValue,
              request: JSON.parse(text) as JsonValue,
            };
            appendFileSync(logPath, JSON.stringify(line) + '\n');
          }
          send(res, a.status, a.body);
        }),
      )
      .catch((e: unknown) => send(res, 500, { error: e instanceof Error ? e.message : String(e) }));
  });
  server.listen(port, '127.0.0.1', () => {
    const info = { baseUrl: base, issuer: key.did, verificationMethod: key.vm, statusList: statusListUrl };
    writeFileSync(infoPath, JSON.stringify(info, null, 2) + '\n');
    process.stdout.write(`Tsumiki VC-API shim on ${base} (issuer ${key.did}); info in ${infoPath}\n`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
