// Bugs found while mutation testing (StrykerJS, `npm run mutate`). Each test states the right behaviour
// and runs as `it.fails` until the code is fixed: when it starts to pass, vitest reports it, and the
// `.fails` comes off.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../../src/lib/formats/parse.ts';
import { createDeviceKey, signPresentation, verifyPresentationProof } from '../../../src/lib/share/holder.ts';
import { presentationOf } from '../../../src/lib/share/share.ts';
import { vcInstant } from '../../../src/lib/verify/reading/dates.ts';
import { KeyResolutionError, resolveVerificationMethod } from '../../../src/lib/verify/keys.ts';
import { createRemote } from '../../../src/lib/verify/remote.ts';

function aCredential() {
  const out = parseInput(new Uint8Array(readFileSync('tests/fixtures/ob3/dcc-verifier-core/v2NoStatus.json')));
  if (out.kind !== 'credentials') throw new Error('fixture');
  return out.input.credentials;
}

// src/lib/verify/presentation.ts:36 `given` trims the challenge (and domain) the verifier asks for, but
// the holder signs the challenge exactly as given (share/holder.ts signPresentation), and the proof check
// compares them exactly (proofs/index.ts optionsProblem). A challenge with a leading or trailing space is
// then a CHALLENGE_MISMATCH for an untouched presentation. The random-seed property in
// tests/property/share.test.ts ("a holder-bound presentation keeps its holder proof through the frames")
// hits this whenever fast-check draws such a string: `npm test` fails now and then (seed 1062725087).
describe('bug: a challenge with surrounding spaces never verifies', () => {
  it.each([' abc', 'abc ', '! '])('challenge %j: signed and checked with the same string, the holder proof passes', async (challenge) => {
    const key = await createDeviceKey();
    const vp = await signPresentation(presentationOf(aCredential()), key, { challenge });
    expect(await verifyPresentationProof(vp, { challenge })).toMatchObject({ outcome: 'passed' });
  });

  it('(the same challenge without the spaces passes: only the trimming differs)', async () => {
    const key = await createDeviceKey();
    const vp = await signPresentation(presentationOf(aCredential()), key, { challenge: 'abc' });
    expect(await verifyPresentationProof(vp, { challenge: 'abc' })).toMatchObject({ outcome: 'passed' });
  });
});

// src/lib/verify/reading/dates.ts:30 builds the instant with Date.UTC(y, …), which reads years 0–99 as
// 1900–1999: "0099-01-01T00:00:00Z" becomes 1999-01-01, and the reading shows that date. (The verdict
// does not change: both instants are long past.) `valid()` (dates.ts:13) has the same slip, so
// 0000-02-29 (a leap day in the proleptic Gregorian calendar xsd:dateTime uses) is refused.
describe('bug: years 0000–0099 read as 1900–1999', () => {
  it.each(['0001-01-01T00:00:00Z', '0099-12-31T23:59:59Z', '0000-02-29T00:00:00Z'])('%s reads as itself', (text) => {
    expect(vcInstant(text)).toBe(Date.parse(text));
  });

  it('(year 0100 and later read right)', () => {
    expect(vcInstant('0100-01-01T00:00:00Z')).toBe(Date.parse('0100-01-01T00:00:00Z'));
  });
});

// src/lib/verify/keys.ts didWebUrl: decodeURIComponent throws a URIError on malformed percent-encoding
// (`did:web:%E0%A4%A`), which escapes resolveVerificationMethod as something other than a
// KeyResolutionError. The VC-JWT step rethrows it (steps/proof-jwt.ts:189) and the pipeline reports
// CHECK_ERROR ("URI malformed", verdict incomplete) for a key that can never resolve: it should be
// KEY_NOT_FOUND (failed), as for any other did:web that is not valid.
describe('bug: a did:web with malformed percent-encoding throws instead of KEY_NOT_FOUND', () => {
  it('resolveVerificationMethod refuses it with a KeyResolutionError', async () => {
    const error = await resolveVerificationMethod('did:web:%E0%A4%A#key-1', createRemote({ online: false })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeyResolutionError);
    expect(error).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_FOUND' });
  });

  it('(a did:web with a path in its host is refused that way today)', async () => {
    const error = await resolveVerificationMethod('did:web:a%2Fb#key-1', createRemote({ online: false })).catch((e: unknown) => e);
    expect(error).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_FOUND' });
  });
});
