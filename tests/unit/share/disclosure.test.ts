import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import jsigs from 'jsonld-signatures';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createSignCryptosuite } from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import { parseInput } from '../../../src/lib/formats/parse.ts';
import type { JsonObject, ParsedCredential } from '../../../src/lib/model/credential.ts';
import { deriveDisclosure, disclosureOf, leafPointers } from '../../../src/lib/share/disclosure.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { contextLoader } from '../../../src/lib/verify/loader.ts';
import { verifyBytes } from '../../../src/lib/verify/pipeline.ts';
import { generateDidKey, NOW, ob3Credential, SIGNED_AT } from '../../support/issuer.ts';

const fixture = (p: string): ParsedCredential => {
  const out = parseInput(new Uint8Array(readFileSync(new URL(`../../fixtures/${p}`, import.meta.url))));
  if (out.kind !== 'credentials') throw new Error(p);
  return out.input.credentials[0]!;
};

describe('disclosure: what can be left out', () => {
  it('eddsa-rdfc-2022, Ed25519Signature2020, VC-JWT and OB 2.0 JWS are signed as a whole: every field is locked', () => {
    const cases: Array<[string, string]> = [
      ['ob3/1edtech-validator/simple.json', 'eddsa-rdfc-2022'],
      ['ob3/dcc-verifier-core/v2NoStatus.json', 'Ed25519Signature2020'],
      ['ob3/1edtech-validator/simple.jwt', 'VC-JWT'],
      ['ob2/1edtech-validator/simple.jwt', 'OB 2.0 JWS'],
    ];
    for (const [path, suite] of cases) {
      const d = disclosureOf(fixture(path));
      expect(d, path).toMatchObject({ mode: 'locked', reason: 'SIGNED_AS_A_WHOLE', suite });
      if (d.mode === 'locked') expect(d.fields).toContain(path.startsWith('ob2') ? '/recipient/identity' : '/credentialSubject/id');
    }
  });

  it('an ecdsa-sd-2023 derived proof cannot be reduced further', () => {
    expect(disclosureOf(fixture('ob3/1edtech-validator/sd-derivedcredential.json'))).toMatchObject({ mode: 'locked', reason: 'SD_ALREADY_DERIVED' });
  });

  it('an unsigned credential and a hosted OB 2.0 assertion say why', () => {
    expect(disclosureOf(fixture('ob3/1edtech-validator/simple-noproof.json'))).toMatchObject({ mode: 'locked', reason: 'UNSIGNED' });
    expect(disclosureOf(fixture('ob2/1edtech-validator/basic-assertion.json'))).toMatchObject({ mode: 'locked', reason: 'HOSTED_COPY' });
  });

  it('lists leaf fields as JSON pointers, without the proof', () => {
    expect(leafPointers({ a: { 'b/c': [1, { d: 'x' }] }, proof: { x: 1 }, e: [] })).toEqual(['/a/b~1c/0', '/a/b~1c/1/d', '/e']);
  });

  it('an ecdsa-sd-2023 base proof: mandatory and optional fields, and a derived credential that verifies without the fields left out', async () => {
    const key = await generateDidKey('P-256');
    const unsigned = ob3Credential({ id: 'urn:uuid:5d1c1a62-0000-4000-8000-000000000001', issuerId: key.did, identityHash: 'sha256$00' });
    const mandatoryPointers = ['/issuer', '/validFrom', '/credentialSubject/achievement'];
    const suite = new DataIntegrityProof({ signer: key.pair.signer(), date: SIGNED_AT, cryptosuite: createSignCryptosuite({ mandatoryPointers }) });
    const base = (await jsigs.sign(structuredClone(unsigned), { suite, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader: contextLoader })) as JsonObject; // why: jsigs returns the document
    const d = disclosureOf({ format: 'ob3-di', credential: base });
    expect(d.mode).toBe('selective');
    if (d.mode !== 'selective') return;
    expect(d.mandatory).toEqual(mandatoryPointers);
    expect(d.optional).toContain('/name');
    expect(d.optional).toContain('/credentialSubject/identifier/0/identityHash');
    expect(d.optional).not.toContain('/credentialSubject/achievement/name');

    const derived = await deriveDisclosure(base, ['/name']);
    expect(derived.name).toBe(base.name);
    expect(derived.credentialSubject).not.toHaveProperty('identifier');
    expect(disclosureOf({ format: 'ob3-di', credential: derived })).toMatchObject({ mode: 'locked', reason: 'SD_ALREADY_DERIVED' });
    const result = await verifyBytes(new TextEncoder().encode(JSON.stringify(derived)), createEnv({ now: NOW }));
    expect(result.credentials[0]?.verification.checks.find((c) => c.id === 'proof')).toMatchObject({ outcome: 'passed' });
    await expect(deriveDisclosure(fixture('ob3/1edtech-validator/simple.json').credential, [])).rejects.toMatchObject({ code: 'NOT_A_CREDENTIAL' });
  });
});
