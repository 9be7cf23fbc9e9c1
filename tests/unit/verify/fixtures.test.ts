/**
 * Every fixture in tests/fixtures gets its expected verdict (issue 3), checked the way the CLI does it:
 * `verifyBytes` with `now` = 2026-11-23 and the network off (`tsumiki verify --json --now 2026-11-23T00:00:00Z FILE`).
 * Each row pins the verdict and every check that did not pass, as `id:CODE` in pipeline order
 * (`recipient:NO_RECIPIENT_GIVEN` is left out: no recipient is ever given here).
 *
 * Reviewed against tests/fixtures/SOURCES.md. Where Tsumiki differs from it because its policy is stricter,
 * the row says so in `note`:
 * - a key from a URL fragment (1EdTech convention) or a JWT header proves the signature, not the issuer →
 *   issuer-key not-checked KEY_IN_FRAGMENT_ONLY / KEY_IN_HEADER_ONLY → `incomplete`;
 * - anything that needs the network, offline → `incomplete`; a controller that is not the issuer → KEY_NOT_ISSUERS;
 * - undefined JSON-LD terms → UNDEFINED_TERM; an unbundled context → `unsupported` UNKNOWN_CONTEXT;
 *   no proof → PROOF_MISSING.
 * A row whose current output is believed wrong holds the right expectation, says why in `wrong`, and runs as
 * `it.fails` until the verifier is fixed (then the `wrong` goes).
 *
 * The second table verifies online against a fake network serving the local copies: the status lists of
 * tests/fixtures/status/ at the URLs SOURCES.md gives, the OB 2.0 assets at http(s)://example.org/<name>.json as
 * their ids say, and basic-assertion.json at the id that every 1EdTech OB 2.0 hosted assertion claims.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../src/lib/errors.ts';
import type { Verdict } from '../../../src/lib/model/verification.ts';
import { createEnv, type VerifyEnv } from '../../../src/lib/verify/env.ts';
import { verifyBytes } from '../../../src/lib/verify/pipeline.ts';
import { createRemote, type FetchLike } from '../../../src/lib/verify/remote.ts';
import { World } from '../../support/issuer.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const NOW = new Date('2026-11-23T00:00:00Z');

interface Case {
  readonly file: string;
  readonly verdict: Verdict;
  /** Every check that did not pass, `id:CODE`, in pipeline order (no recipient is given). */
  readonly notPassed?: readonly string[];
  /** Checks that must have passed (online table). */
  readonly passed?: readonly string[];
  /** For a rejected input: its error code. */
  readonly error?: ErrorCode;
  /** Why the verdict differs from SOURCES.md, or what the fixture is. */
  readonly note?: string;
  /** The current output is believed wrong: this row holds the right expectation and runs as `it.fails`. */
  readonly wrong?: string;
}

interface Outcome {
  verdict: Verdict;
  notPassed?: string[];
  passed?: string[];
  error?: ErrorCode;
}

async function outcomeOf(file: string, env: VerifyEnv): Promise<Outcome> {
  const result = await verifyBytes(new Uint8Array(readFileSync(FIXTURES + file)), env);
  if (result.error) return { verdict: 'rejected', error: result.error.code };
  expect(result.credentials).toHaveLength(1);
  const { verdict, checks } = result.credentials[0]!.verification; // why: length checked just above
  expect(checks).toContainEqual(expect.objectContaining({ id: 'recipient', outcome: 'not-checked', code: 'NO_RECIPIENT_GIVEN' }));
  return {
    verdict,
    notPassed: checks.filter((c) => c.outcome !== 'passed' && c.code !== 'NO_RECIPIENT_GIVEN').map((c) => `${c.id}:${c.code}`),
    passed: checks.filter((c) => c.outcome === 'passed').map((c) => `${c.id}:${c.code}`),
  };
}

function expectCase(got: Outcome, c: Case): void {
  expect(got.verdict).toBe(c.verdict);
  if (c.verdict === 'rejected') {
    expect(got.error).toBe(c.error);
    return;
  }
  expect(got.notPassed).toEqual(c.notPassed);
  for (const p of c.passed ?? []) expect(got.passed).toContain(p);
}

const caseTitle = (c: Case) => `${c.file} → ${c.verdict}${c.notPassed?.length ? ` (${c.notPassed.filter((n) => !/NOT_APPLICABLE|PROOF_NOT_VERIFIED/.test(n)).join(', ')})` : c.error ? ` (${c.error})` : ''}`;

/**
 * Every fixture file a credential could be: all of tests/fixtures but contexts/ and schemas/ folders, the
 * descriptor samples, our own generated/ files (tested where they are made) and READMEs.
 */
function fixtureFiles(dir = ''): string[] {
  return readdirSync(FIXTURES + dir)
    .sort()
    .flatMap((name) => {
      const rel = dir + name;
      if (statSync(FIXTURES + rel).isDirectory()) return ['contexts', 'schemas'].includes(name) || ['descriptors', 'generated', 'ctdl'].includes(rel) ? [] : fixtureFiles(rel + '/');
      return name.endsWith('.md') ? [] : [rel];
    });
}

// prettier-ignore
const OFFLINE: readonly Case[] = [
  { file: 'clr2/1edtech-validator/complex.json', verdict: 'failed', notPassed: ['issuer-key:KEY_NOT_ISSUERS', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NOT_APPLICABLE'], note: 'SOURCES: sig OK only if a bare did:key is accepted. It is, and then its controller (the did:key) is not the issuer (urn:uuid): policy → KEY_NOT_ISSUERS.' },
  { file: 'clr2/1edtech-validator/simple-noproof.json', verdict: 'failed', notPassed: ['structure:UNKNOWN_CONTEXT', 'proof:PROOF_MISSING', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'validity-period:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'clr2/1edtech-validator/simple.json', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_FRAGMENT_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NOT_APPLICABLE'] },
  { file: 'clr2/1edtech-validator/simple_old_safesigned.json', verdict: 'unsupported', notPassed: ['structure:UNKNOWN_CONTEXT', 'proof:UNKNOWN_CONTEXT', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'validity-period:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'], note: 'draft CLR context is not bundled.' },
  { file: 'clr2/1edtech-validator/simple_v1.json', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_FRAGMENT_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NOT_APPLICABLE'], note: 'SOURCES: OK. urn:uuid…#z6Mk… fragment key: proves the signature, not the issuer.' },
  { file: 'clr2/spec/ldp-test-vector-clr-signed.json', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_FRAGMENT_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NOT_APPLICABLE'] },
  { file: 'eu/educredentials/theed_microcredential_full_ho.json', verdict: 'failed', notPassed: ['structure:UNKNOWN_CONTEXT', 'proof:PROOF_MISSING', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'validity-period:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'eu/educredentials/uvh_at_microcredential_full_1.json', verdict: 'failed', notPassed: ['structure:UNKNOWN_CONTEXT', 'proof:PROOF_MISSING', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'validity-period:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob2/1edtech-validator/assertion-with-endorsements.json', verdict: 'incomplete', notPassed: ['proof:NEEDS_NETWORK', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob2/1edtech-validator/assets/badge-from-organization-with-empty-revocation-list.json', verdict: 'rejected', error: 'NOT_A_CREDENTIAL' },
  { file: 'ob2/1edtech-validator/assets/badge-from-organization-with-revocation-list.json', verdict: 'rejected', error: 'NOT_A_CREDENTIAL' },
  { file: 'ob2/1edtech-validator/assets/badgeclass-with-endorsements.json', verdict: 'rejected', error: 'NOT_A_CREDENTIAL' },
  { file: 'ob2/1edtech-validator/assets/badgecriteria.json', verdict: 'rejected', error: 'NOT_A_CREDENTIAL' },
  { file: 'ob2/1edtech-validator/assets/empty-revocation-list.json', verdict: 'rejected', error: 'NOT_A_CREDENTIAL' },
  { file: 'ob2/1edtech-validator/assets/endorsement-1.json', verdict: 'rejected', error: 'NOT_A_CREDENTIAL' },
  { file: 'ob2/1edtech-validator/assets/key1.json', verdict: 'rejected', error: 'NOT_A_CREDENTIAL' },
  { file: 'ob2/1edtech-validator/assets/key2.json', verdict: 'rejected', error: 'NOT_A_CREDENTIAL' },
  { file: 'ob2/1edtech-validator/assets/key3.json', verdict: 'rejected', error: 'NOT_A_CREDENTIAL' },
  { file: 'ob2/1edtech-validator/assets/organization-with-empty-revocation-list.json', verdict: 'rejected', error: 'NOT_A_CREDENTIAL' },
  { file: 'ob2/1edtech-validator/assets/organization-with-revocation-list.json', verdict: 'rejected', error: 'NOT_A_CREDENTIAL' },
  { file: 'ob2/1edtech-validator/assets/organization.json', verdict: 'rejected', error: 'NOT_A_CREDENTIAL' },
  { file: 'ob2/1edtech-validator/assets/revocation-list.json', verdict: 'rejected', error: 'NOT_A_CREDENTIAL' },
  { file: 'ob2/1edtech-validator/assets/robotics-badge.json', verdict: 'rejected', error: 'NOT_A_CREDENTIAL' },
  { file: 'ob2/1edtech-validator/assets/robotics-badge.png', verdict: 'rejected', error: 'PNG_NO_CREDENTIAL' },
  { file: 'ob2/1edtech-validator/basic-assertion-expired.json', verdict: 'failed', notPassed: ['proof:NEEDS_NETWORK', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'validity-period:EXPIRED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob2/1edtech-validator/basic-assertion-in-future.json', verdict: 'failed', notPassed: ['proof:NEEDS_NETWORK', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'validity-period:NOT_YET_VALID', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob2/1edtech-validator/basic-assertion-invalid-context.json', verdict: 'failed', notPassed: ['structure:STRUCTURE_INVALID', 'proof:NEEDS_NETWORK', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob2/1edtech-validator/basic-assertion-invalid-type.json', verdict: 'rejected', error: 'NOT_A_CREDENTIAL', note: 'type OtherAssertion: an OB 2.0 document that is not an Assertion.' },
  { file: 'ob2/1edtech-validator/basic-assertion.json', verdict: 'incomplete', notPassed: ['proof:NEEDS_NETWORK', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob2/1edtech-validator/simple-badge.png', verdict: 'incomplete', notPassed: ['proof:NEEDS_NETWORK', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'], note: 'hosted assertion baked in a PNG: the hosted copy needs the network.' },
  { file: 'ob2/1edtech-validator/simple-revoked.jwt', verdict: 'incomplete', notPassed: ['proof:NEEDS_NETWORK', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob2/1edtech-validator/simple.jwt', verdict: 'incomplete', notPassed: ['proof:NEEDS_NETWORK', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob2/spec/assertion-hosted.json', verdict: 'failed', notPassed: ['proof:NEEDS_NETWORK', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'validity-period:EXPIRED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob2/spec/badgeclass.json', verdict: 'rejected', error: 'JSON_MALFORMED', note: 'the spec example is not valid JSON (SOURCES).' },
  { file: 'ob2/spec/baking-example.svg.txt', verdict: 'rejected', error: 'SVG_MALFORMED', note: 'spec text with <rest-of-document...>: not XML.' },
  { file: 'ob2/spec/cryptographic-key.json', verdict: 'rejected', error: 'NOT_A_CREDENTIAL' },
  { file: 'ob2/spec/issuer.json', verdict: 'rejected', error: 'NOT_A_CREDENTIAL' },
  { file: 'ob2/spec/revocation-list.json', verdict: 'rejected', error: 'NOT_A_CREDENTIAL' },
  { file: 'ob2/spec/revoked-hosted-assertion.json', verdict: 'rejected', error: 'NOT_A_CREDENTIAL' },
  { file: 'ob2/spec/signed-badge-example-claims.json', verdict: 'failed', notPassed: ['proof:PROOF_MISSING', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'], note: 'claims of a signed assertion given without their JWS.' },
  { file: 'ob2/spec/signed-badge-example.jws', verdict: 'incomplete', notPassed: ['proof:NEEDS_NETWORK', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/1edtech-validator/bitstring-credential-status-revoked.json', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_FRAGMENT_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NEEDS_NETWORK'] },
  { file: 'ob3/1edtech-validator/complete.json', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_FRAGMENT_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NEEDS_NETWORK'] },
  { file: 'ob3/1edtech-validator/complete_v1.json', verdict: 'failed', notPassed: ['structure:UNDEFINED_TERM', 'proof:UNDEFINED_TERM', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'validity-period:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/1edtech-validator/credential-status-revoked.json', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_FRAGMENT_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NEEDS_NETWORK'], note: 'SOURCES: revoked per VAL (1EdTechRevocationList, network). did:web key fragment-only offline.' },
  { file: 'ob3/1edtech-validator/endorsement-err-schema-status-refresh.json', verdict: 'failed', notPassed: ['proof:SIGNATURE_MISMATCH', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/1edtech-validator/sd-derivedcredential.json', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_FRAGMENT_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NOT_APPLICABLE'], note: 'SOURCES: not checked; Tsumiki verifies ecdsa-sd-2023 now, the key is fragment-only.' },
  { file: 'ob3/1edtech-validator/simple-context-alias.json', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_FRAGMENT_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NOT_APPLICABLE'] },
  { file: 'ob3/1edtech-validator/simple-context-version.json', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_FRAGMENT_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NOT_APPLICABLE'] },
  { file: 'ob3/1edtech-validator/simple-did-key-method.json', verdict: 'failed', notPassed: ['issuer-key:KEY_NOT_ISSUERS', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NOT_APPLICABLE'], note: 'SOURCES/VAL: valid. Bare did:key accepted, but issuer urn:uuid ≠ did:key controller: policy → KEY_NOT_ISSUERS.' },
  { file: 'ob3/1edtech-validator/simple-did-web-method.json', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_FRAGMENT_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NOT_APPLICABLE'] },
  { file: 'ob3/1edtech-validator/simple-eddsa-2022.json', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_FRAGMENT_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NOT_APPLICABLE'], note: 'SOURCES: not checked (legacy suite); Tsumiki verifies eddsa-2022 now, the key is fragment-only.' },
  { file: 'ob3/1edtech-validator/simple-err-context.json', verdict: 'failed', notPassed: ['structure:UNDEFINED_TERM', 'proof:UNDEFINED_TERM', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'validity-period:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/1edtech-validator/simple-err-credential-subject-achievement-result-description-type.json', verdict: 'failed', notPassed: ['structure:UNDEFINED_TERM', 'proof:UNDEFINED_TERM', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'validity-period:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/1edtech-validator/simple-err-credential-subject-identifier-type.json', verdict: 'failed', notPassed: ['structure:UNDEFINED_TERM', 'proof:UNDEFINED_TERM', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'validity-period:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/1edtech-validator/simple-err-credential-subject-profile-type.json', verdict: 'failed', notPassed: ['structure:UNDEFINED_TERM', 'proof:UNDEFINED_TERM', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'validity-period:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/1edtech-validator/simple-err-credential-subject-result-type.json', verdict: 'failed', notPassed: ['structure:UNDEFINED_TERM', 'proof:UNDEFINED_TERM', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'validity-period:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/1edtech-validator/simple-err-credential-subject-type.json', verdict: 'failed', notPassed: ['structure:UNDEFINED_TERM', 'proof:UNDEFINED_TERM', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'validity-period:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/1edtech-validator/simple-err-evidence-type.json', verdict: 'failed', notPassed: ['structure:UNDEFINED_TERM', 'proof:UNDEFINED_TERM', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'validity-period:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/1edtech-validator/simple-err-expired.json', verdict: 'failed', notPassed: ['issuer-key:KEY_IN_FRAGMENT_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'validity-period:EXPIRED', 'status:NOT_APPLICABLE'] },
  { file: 'ob3/1edtech-validator/simple-err-issued.json', verdict: 'failed', notPassed: ['structure:STRUCTURE_INVALID', 'issuer-key:KEY_IN_FRAGMENT_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'validity-period:NOT_YET_VALID', 'status:NOT_APPLICABLE'] },
  { file: 'ob3/1edtech-validator/simple-err-issuer-otheridentifier-type.json', verdict: 'failed', notPassed: ['structure:UNDEFINED_TERM', 'proof:UNDEFINED_TERM', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'validity-period:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/1edtech-validator/simple-err-issuer-parentorg-type.json', verdict: 'failed', notPassed: ['structure:UNDEFINED_TERM', 'proof:UNDEFINED_TERM', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'validity-period:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/1edtech-validator/simple-err-issuer-type.json', verdict: 'failed', notPassed: ['structure:UNDEFINED_TERM', 'proof:UNDEFINED_TERM', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'validity-period:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/1edtech-validator/simple-err-issuer.json', verdict: 'failed', notPassed: ['structure:STRUCTURE_INVALID', 'issuer-key:KEY_NOT_ISSUERS', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NOT_APPLICABLE'], note: 'no issuer: STRUCTURE_INVALID, and the fragment key\'s controller is not the (missing) issuer.' },
  { file: 'ob3/1edtech-validator/simple-err-proof-method-no-scheme.json', verdict: 'failed', notPassed: ['proof:KEY_NOT_FOUND', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/1edtech-validator/simple-err-proof-method-unknown-did-method.json', verdict: 'failed', notPassed: ['proof:KEY_NOT_FOUND', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/1edtech-validator/simple-err-proof-method-unknown-scheme.json', verdict: 'failed', notPassed: ['proof:KEY_NOT_FOUND', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/1edtech-validator/simple-err-proof-method.json', verdict: 'incomplete', notPassed: ['proof:NEEDS_NETWORK', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'], note: 'SOURCES: invalid signature. The fragment is not a key, so only the https document could name the method: offline that is unknown, not false.' },
  { file: 'ob3/1edtech-validator/simple-err-proof-value.json', verdict: 'failed', notPassed: ['proof:SIGNATURE_MISMATCH', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/1edtech-validator/simple-err-type.json', verdict: 'failed', notPassed: ['structure:UNDEFINED_TERM', 'proof:UNDEFINED_TERM', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'validity-period:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/1edtech-validator/simple-json.png', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_FRAGMENT_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NOT_APPLICABLE'] },
  { file: 'ob3/1edtech-validator/simple-jwt.png', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_HEADER_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NOT_APPLICABLE'] },
  { file: 'ob3/1edtech-validator/simple-jwt_v1.png', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_HEADER_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NOT_APPLICABLE'] },
  { file: 'ob3/1edtech-validator/simple-jwt_v1.svg', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_HEADER_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NOT_APPLICABLE'] },
  { file: 'ob3/1edtech-validator/simple-noproof.json', verdict: 'failed', notPassed: ['structure:STRUCTURE_INVALID', 'proof:PROOF_MISSING', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/1edtech-validator/simple.json', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_FRAGMENT_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NOT_APPLICABLE'] },
  { file: 'ob3/1edtech-validator/simple.jwt', verdict: 'failed', notPassed: ['structure:UNKNOWN_CONTEXT', 'proof:KEY_NOT_FOUND', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'validity-period:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'], note: 'no kid, no jwk: no key at all (SOURCES: unverifiable). Its context is not bundled, so nothing in it can be read.' },
  { file: 'ob3/1edtech-validator/simple_v1.json', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_FRAGMENT_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NOT_APPLICABLE'] },
  { file: 'ob3/dcc-verifier-core/safeModeBreaker.json', verdict: 'failed', notPassed: ['structure:UNDEFINED_TERM', 'proof:UNDEFINED_TERM', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'validity-period:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/dcc-verifier-core/testVC.json', verdict: 'failed', notPassed: ['proof:SIGNATURE_MISMATCH', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/dcc-verifier-core/v1Expired.json', verdict: 'failed', notPassed: ['issuer-identity:ISSUER_UNKNOWN', 'validity-period:EXPIRED', 'status:NOT_APPLICABLE'] },
  { file: 'ob3/dcc-verifier-core/v1ExpiredWithValidStatus.json', verdict: 'failed', notPassed: ['issuer-identity:ISSUER_UNKNOWN', 'validity-period:EXPIRED', 'status:NEEDS_NETWORK'] },
  { file: 'ob3/dcc-verifier-core/v1OBv3SpecExample.json', verdict: 'incomplete', notPassed: ['issuer-identity:ISSUER_UNKNOWN', 'status:NOT_APPLICABLE'] },
  { file: 'ob3/dcc-verifier-core/v1Revoked.json', verdict: 'incomplete', notPassed: ['issuer-identity:ISSUER_UNKNOWN', 'status:NEEDS_NETWORK'] },
  { file: 'ob3/dcc-verifier-core/v1RevokedAndExpired.json', verdict: 'failed', notPassed: ['issuer-identity:ISSUER_UNKNOWN', 'validity-period:EXPIRED', 'status:NEEDS_NETWORK'] },
  { file: 'ob3/dcc-verifier-core/v1SimpleIssuerId.json', verdict: 'incomplete', notPassed: ['issuer-identity:ISSUER_UNKNOWN', 'status:NOT_APPLICABLE'] },
  { file: 'ob3/dcc-verifier-core/v2DoubleSigWithBadStatusUrl.json', verdict: 'incomplete', notPassed: ['issuer-identity:ISSUER_UNKNOWN', 'status:NEEDS_NETWORK'] },
  { file: 'ob3/dcc-verifier-core/v2EddsaWithValidStatus.json', verdict: 'incomplete', notPassed: ['issuer-identity:ISSUER_UNKNOWN', 'status:NEEDS_NETWORK'] },
  { file: 'ob3/dcc-verifier-core/v2Expired.json', verdict: 'failed', notPassed: ['issuer-identity:ISSUER_UNKNOWN', 'validity-period:EXPIRED', 'status:NOT_APPLICABLE'] },
  { file: 'ob3/dcc-verifier-core/v2ExpiredWithValidStatus.json', verdict: 'failed', notPassed: ['issuer-identity:ISSUER_UNKNOWN', 'validity-period:EXPIRED', 'status:NEEDS_NETWORK'] },
  { file: 'ob3/dcc-verifier-core/v2NoStatus.json', verdict: 'incomplete', notPassed: ['issuer-identity:ISSUER_UNKNOWN', 'status:NOT_APPLICABLE'] },
  { file: 'ob3/dcc-verifier-core/v2Revoked.json', verdict: 'incomplete', notPassed: ['issuer-identity:ISSUER_UNKNOWN', 'status:NEEDS_NETWORK'] },
  { file: 'ob3/dcc-verifier-core/v2RevokedAndExpired.json', verdict: 'failed', notPassed: ['issuer-identity:ISSUER_UNKNOWN', 'validity-period:EXPIRED', 'status:NEEDS_NETWORK'] },
  { file: 'ob3/dcc-verifier-core/v2SimpleIssuerId.json', verdict: 'incomplete', notPassed: ['issuer-identity:ISSUER_UNKNOWN', 'status:NOT_APPLICABLE'] },
  { file: 'ob3/dcc-verifier-core/v2WithBadDidWeb.json', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_FRAGMENT_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NOT_APPLICABLE'], note: 'DCC: fatal (the did:web does not resolve). Offline the fragment key proves the signature only → incomplete.' },
  { file: 'ob3/dcc-verifier-core/v2WithValidStatus.json', verdict: 'incomplete', notPassed: ['issuer-identity:ISSUER_UNKNOWN', 'status:NEEDS_NETWORK'] },
  { file: 'ob3/dcc-verifier-core/v2didWebMultikeyWithValidStatus.json', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_FRAGMENT_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NEEDS_NETWORK'] },
  { file: 'ob3/dcc-verifier-core/v2didWebWithValidStatus.json', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_FRAGMENT_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NEEDS_NETWORK'] },
  { file: 'ob3/spec/baking-example-embedded-proof.svg.txt', verdict: 'failed', notPassed: ['structure:STRUCTURE_INVALID', 'proof:PROOF_INVALID', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'], note: '`proof: { }` has no type: malformed (PROOF_INVALID), not an unknown suite' },
  { file: 'ob3/spec/baking-example-vcjwt.svg.txt', verdict: 'rejected', error: 'JWS_MALFORMED', note: 'the spec\'s placeholder JWT.' },
  { file: 'ob3/spec/docformat-sample.json', verdict: 'failed', notPassed: ['proof:PROOF_MISSING', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/spec/example-achievementAlignmentCase.json', verdict: 'failed', notPassed: ['proof:PROOF_MISSING', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/spec/example-achievementAlignmentCe.json', verdict: 'failed', notPassed: ['proof:PROOF_MISSING', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/spec/example-basicOpenBadgeCredential.json', verdict: 'failed', notPassed: ['proof:PROOF_MISSING', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/spec/example-endorsement.json', verdict: 'failed', notPassed: ['proof:PROOF_MISSING', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/spec/example-fullOpenBadge.json', verdict: 'failed', notPassed: ['proof:PROOF_MISSING', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/spec/example-skillAssertionCase.json', verdict: 'failed', notPassed: ['proof:PROOF_MISSING', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/spec/example-skillAssertionCtdl.json', verdict: 'failed', notPassed: ['proof:PROOF_MISSING', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'ob3/spec/ldp-test-vector-ob-signed.json', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_FRAGMENT_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NOT_APPLICABLE'] },
  { file: 'ob3/spec/ldp-test-vector-ob-unsigned.json', verdict: 'failed', notPassed: ['proof:PROOF_MISSING', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  { file: 'status/1edtech-validator-testlist.json', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_FRAGMENT_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NOT_APPLICABLE'] },
  { file: 'status/dcc-e5WK8CbZ1GjycuPombrj.json', verdict: 'incomplete', notPassed: ['issuer-identity:ISSUER_UNKNOWN', 'status:NOT_APPLICABLE'] },
  { file: 'vectors/w3c-vc-di-eddsa/Ed25519Signature2020-signedEdSig.json', verdict: 'failed', notPassed: ['issuer-key:KEY_NOT_ISSUERS', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NOT_APPLICABLE'], note: 'SOURCES: same as the eddsa-rdfc-2022 vector.' },
  { file: 'vectors/w3c-vc-di-eddsa/eddsa-jcs-2022-signedJCS.json', verdict: 'unsupported', notPassed: ['proof:UNSUPPORTED_PROOF', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'], note: 'JCS suite: not required by OB, not supported.' },
  { file: 'vectors/w3c-vc-di-eddsa/eddsa-rdfc-2022-employ-signedDataInt.json', verdict: 'unsupported', notPassed: ['structure:UNKNOWN_CONTEXT', 'proof:UNKNOWN_CONTEXT', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'validity-period:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'], note: 'needs https://w3id.org/citizenship/v4rc1, not bundled.' },
  { file: 'vectors/w3c-vc-di-eddsa/eddsa-rdfc-2022-signedDataInt.json', verdict: 'failed', notPassed: ['issuer-key:KEY_NOT_ISSUERS', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NOT_APPLICABLE'], note: 'SOURCES: good negative test, issuer ≠ did:key controller.' },
  { file: 'vectors/w3c-vc-di-eddsa/keyPair.json', verdict: 'rejected', error: 'NOT_A_CREDENTIAL' },
  { file: 'vectors/w3c-vc-di-eddsa/unsigned.json', verdict: 'failed', notPassed: ['proof:PROOF_MISSING', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
];

describe('every fixture, offline (CLI-equivalent, now = 2026-11-23)', () => {
  it('the table covers every fixture file', () => {
    expect(OFFLINE.map((c) => c.file).sort()).toEqual(fixtureFiles());
  });

  const requests: string[] = [];
  const spy: FetchLike = async (url) => {
    requests.push(url);
    throw new Error('offline: no request may be made');
  };
  const env = createEnv({ now: NOW, remote: createRemote({ online: false, fetch: spy }) });

  for (const c of OFFLINE) {
    (c.wrong ? it.fails : it)(caseTitle(c), async () => {
      expectCase(await outcomeOf(c.file, env), c);
    });
  }

  it('made no network request', () => {
    expect(requests).toEqual([]);
  });
});

const DCC_LIST = 'https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/e5WK8CbZ1GjycuPombrj';
const VAL_LIST = 'https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist';

function fixtureWorld(): World {
  const world = new World()
    .serve(DCC_LIST, readFileSync(FIXTURES + 'status/dcc-e5WK8CbZ1GjycuPombrj.json', 'utf8'))
    .serve(VAL_LIST, readFileSync(FIXTURES + 'status/1edtech-validator-testlist.json', 'utf8'))
    .serve('https://example.org/beths-robotics-badge.json', readFileSync(FIXTURES + 'ob2/1edtech-validator/basic-assertion.json', 'utf8'));
  const assets = 'ob2/1edtech-validator/assets/';
  for (const name of readdirSync(FIXTURES + assets).filter((n) => n.endsWith('.json'))) {
    const text = readFileSync(FIXTURES + assets + name, 'utf8');
    world.serve(`http://example.org/${name}`, text).serve(`https://example.org/${name}`, text);
  }
  return world;
}

// prettier-ignore
const ONLINE: readonly Case[] = [
  // DCC Bitstring Status List (index 8 and 6 set, 7 and 9 clear), signed by the same did:key as the credentials.
  // Its own id is https://testing.dcconsortium.org/status/…, not the URL the credentials name (a re-hosted copy):
  // a list served in another list's place decides nothing (status unknown), as the 1EdTech test list below.
  { file: 'ob3/dcc-verifier-core/v2Revoked.json', verdict: 'incomplete', notPassed: ['issuer-identity:ISSUER_UNKNOWN', 'status:STATUS_LIST_INVALID'] },
  { file: 'ob3/dcc-verifier-core/v1Revoked.json', verdict: 'incomplete', notPassed: ['issuer-identity:ISSUER_UNKNOWN', 'status:STATUS_LIST_INVALID'] },
  { file: 'ob3/dcc-verifier-core/v2WithValidStatus.json', verdict: 'incomplete', notPassed: ['issuer-identity:ISSUER_UNKNOWN', 'status:STATUS_LIST_INVALID'] },
  { file: 'ob3/dcc-verifier-core/v2EddsaWithValidStatus.json', verdict: 'incomplete', notPassed: ['issuer-identity:ISSUER_UNKNOWN', 'status:STATUS_LIST_INVALID'] },
  { file: 'ob3/dcc-verifier-core/v1ExpiredWithValidStatus.json', verdict: 'failed', notPassed: ['issuer-identity:ISSUER_UNKNOWN', 'validity-period:EXPIRED', 'status:STATUS_LIST_INVALID'] },
  { file: 'ob3/dcc-verifier-core/v2ExpiredWithValidStatus.json', verdict: 'failed', notPassed: ['issuer-identity:ISSUER_UNKNOWN', 'validity-period:EXPIRED', 'status:STATUS_LIST_INVALID'] },
  { file: 'ob3/dcc-verifier-core/v1RevokedAndExpired.json', verdict: 'failed', notPassed: ['issuer-identity:ISSUER_UNKNOWN', 'validity-period:EXPIRED', 'status:STATUS_LIST_INVALID'] },
  { file: 'ob3/dcc-verifier-core/v2RevokedAndExpired.json', verdict: 'failed', notPassed: ['issuer-identity:ISSUER_UNKNOWN', 'validity-period:EXPIRED', 'status:STATUS_LIST_INVALID'] },
  { file: 'ob3/dcc-verifier-core/v2DoubleSigWithBadStatusUrl.json', verdict: 'incomplete', notPassed: ['issuer-identity:ISSUER_UNKNOWN', 'status:FETCH_FAILED'], note: 'the list URL (e5VK…) does not exist: unknown, never "not revoked"' },
  {
    file: 'ob3/dcc-verifier-core/v2didWebWithValidStatus.json', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_FRAGMENT_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:STATUS_LIST_INVALID'],
    note: 'DCC: valid (it turns off verifyMatchingIssuers). The list is issued by did:key:z6MknNQD…, the credential by did:web:…:dcc-did-web: a list that is not the issuer\'s decides nothing → status unknown (STATUS_LIST_INVALID, not-checked). The did:web document is not served: fragment key.',
  },
  {
    file: 'ob3/dcc-verifier-core/v2didWebMultikeyWithValidStatus.json', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_FRAGMENT_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:STATUS_LIST_INVALID'],
    note: 'as v2didWebWithValidStatus',
  },
  { file: 'ob3/dcc-verifier-core/v2WithBadDidWeb.json', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_FRAGMENT_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NOT_APPLICABLE'], note: 'DCC: fatal. The did:web document answers 404: the key is not bound, not disowned' },
  // 1EdTech: the list (bit 23 set) names the same issuer as the credential; both are signed with the fragment key K1.
  { file: 'ob3/1edtech-validator/bitstring-credential-status-revoked.json', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_FRAGMENT_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:STATUS_LIST_INVALID'] },
  { file: 'ob3/1edtech-validator/complete.json', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_FRAGMENT_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:FETCH_FAILED'], note: '1EdTechRevocationList at 1edtech.edu is not served' },
  { file: 'ob3/1edtech-validator/simple-err-proof-method.json', verdict: 'incomplete', notPassed: ['proof:FETCH_FAILED', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'] },
  // Regression: no /.well-known/jwks.json (404) used to read as "the issuer's JWKS disowns the key" (KEY_NOT_ISSUERS).
  { file: 'ob3/1edtech-validator/simple-jwt.png', verdict: 'incomplete', notPassed: ['issuer-key:KEY_IN_HEADER_ONLY', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:NOT_APPLICABLE'], passed: ['proof:PROOF_VALID'] },
  // OB 2.0 signed: key1 is owned by organization.json, which lists it; key3's organization has a revocation list naming the assertion.
  { file: 'ob2/1edtech-validator/simple.jwt', verdict: 'verified', notPassed: ['status:NOT_APPLICABLE'], passed: ['proof:PROOF_VALID', 'issuer-key:KEY_IS_ISSUERS'] },
  { file: 'ob2/1edtech-validator/simple-revoked.jwt', verdict: 'failed', notPassed: ['status:REVOKED'], passed: ['proof:PROOF_VALID', 'issuer-key:KEY_IS_ISSUERS'] },
  { file: 'ob2/spec/signed-badge-example.jws', verdict: 'incomplete', notPassed: ['proof:FETCH_FAILED', 'issuer-key:PROOF_NOT_VERIFIED', 'issuer-identity:PROOF_NOT_VERIFIED', 'status:PROOF_NOT_VERIFIED'], note: 'its key https://example.org/publicKey does not exist (the spec says so)' },
  // OB 2.0 hosted: basic-assertion.json is the copy at https://example.org/beths-robotics-badge.json. The hosted
  // copy is the source of truth (OB 2.0 §Hosted verification): a local copy that differs is confirmed by, and
  // then read from, the hosted one; the report shows it (HOSTED_COPY_DIFFERS, with copyDiffers and differs).
  { file: 'ob2/1edtech-validator/basic-assertion.json', verdict: 'verified', notPassed: [], passed: ['proof:HOSTED_MATCHES', 'issuer-key:HOSTED_BY_ISSUER', 'status:NOT_REVOKED'] },
  { file: 'ob2/1edtech-validator/basic-assertion-expired.json', verdict: 'verified', notPassed: [], passed: ['proof:HOSTED_COPY_DIFFERS'], note: 'the hosted copy (not expired) is the truth' },
  { file: 'ob2/1edtech-validator/basic-assertion-in-future.json', verdict: 'verified', notPassed: [], passed: ['proof:HOSTED_COPY_DIFFERS'], note: 'as above' },
  {
    file: 'ob2/1edtech-validator/simple-badge.png', verdict: 'verified', notPassed: [], passed: ['proof:HOSTED_COPY_DIFFERS', 'issuer-key:HOSTED_BY_ISSUER'],
    note: 'SOURCES says it holds the same assertion as basic-assertion.json; it lacks `evidence`: the hosted copy is read instead',
  },
];

describe('fixtures online, against local copies of their remote documents', () => {
  const world = fixtureWorld();
  for (const c of ONLINE) {
    (c.wrong ? it.fails : it)(caseTitle(c), async () => {
      expectCase(await outcomeOf(c.file, world.env({ now: NOW })), c);
    });
  }
});
