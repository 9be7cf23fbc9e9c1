/** The credentials the verification benchmarks run on, with the environment each needs. */
import { readFileSync } from 'node:fs';
import type { TrustSet } from '../../src/lib/trust/model.ts';
import { createEnv, type VerifyEnv } from '../../src/lib/verify/env.ts';
import { createRemote, type FetchLike } from '../../src/lib/verify/remote.ts';

const read = (p: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${p}`, import.meta.url)));

/** OB 2.0 documents the signed fixture links to, served from memory (the benchmark makes no request). */
const OB2_ASSETS: Record<string, string> = {
  'http://example.org/key1.json': 'ob2/1edtech-validator/assets/key1.json',
  'https://example.org/robotics-badge.json': 'ob2/1edtech-validator/assets/robotics-badge.json',
  'https://example.org/organization.json': 'ob2/1edtech-validator/assets/organization.json',
};

const localFetch: FetchLike = async (url) => {
  const path = OB2_ASSETS[url];
  const body = path ? read(path) : new Uint8Array();
  return { status: path ? 200 : 404, headers: { get: () => null }, arrayBuffer: async () => body.slice().buffer };
};

export interface BenchInput {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly env: () => VerifyEnv;
  readonly expect: string;
}

const NOW = new Date('2026-11-23T00:00:00Z');
/** The DCC fixtures' issuer, trusted as the user's pin: verification runs every check, the identity one included. */
const DCC_ISSUER = 'did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q';
const trust: TrustSet = { lists: [{ kind: 'pins', id: 'pins', publisher: { id: null, name: null }, signed: false, asOf: null, validFrom: null, validUntil: null, entries: [{ id: DCC_ISSUER, names: [], namesByLang: {}, recognizedFor: [] }] }] };
const offline = () => createEnv({ now: NOW, trust });
const ob2Env = () => createEnv({ now: NOW, remote: createRemote({ online: true, fetch: localFetch }) });

export const BENCH_INPUTS: Record<string, BenchInput> = {
  'eddsa-rdfc-2022': { name: 'eddsa-rdfc-2022', bytes: read('ob3/dcc-verifier-core/v1OBv3SpecExample.json'), env: offline, expect: 'verified' },
  ed25519signature2020: { name: 'ed25519signature2020', bytes: read('ob3/dcc-verifier-core/v2NoStatus.json'), env: offline, expect: 'verified' },
  'vc-jwt': { name: 'vc-jwt', bytes: new TextEncoder().encode(readFileSync(new URL('../fixtures/ob3/1edtech-validator/simple-jwt_v1.svg', import.meta.url), 'utf8').match(/verify="([^"]+)"/)![1]!), env: offline, expect: 'incomplete' },
  'ob2-signed': { name: 'ob2-signed', bytes: read('ob2/1edtech-validator/simple.jwt'), env: ob2Env, expect: 'verified' },
  'baked-png': { name: 'baked-png', bytes: read('ob3/1edtech-validator/simple-json.png'), env: offline, expect: 'incomplete' },
};
