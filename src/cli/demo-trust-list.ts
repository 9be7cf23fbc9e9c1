/**
 * `npm run demo:trust` — writes public/demo/trust-list.json: the demo trust list that "Add demo
 * badges" adds and enables, so the demo badges read as issued by a listed issuer. It is a W3C
 * RecognizedEntityCredential signed with a published DEMO key of src/cli/demo-issuer-key.json
 * (anyone can sign with it), and it says so in its own name: never a real authority.
 *
 * Its publisher is a demo key of its own (`list`, added to the key file on the first run), not one
 * of the listed issuers: in JSON-LD a node is one node whatever object writes it, so a publisher that
 * listed itself would get the list's name among its own names.
 *
 * A separate step from `npm run demo`: it reads the demo keys and never re-signs or rewrites the
 * demo badge files (tests and benchmarks depend on their bytes). Signing is deterministic (Ed25519,
 * fixed dates): a re-run rewrites the same bytes. The demo index names the list (`trustList`).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import type { JsonObject } from '../lib/model/credential.ts';
import { ISSUERS } from './demo-badges.ts';
import { loadKeys, signDi, type DemoKeys } from './demo.ts';

const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
/** The W3C examples context, as the Recognized Entities examples use it (README, trust lists). */
const EXAMPLES_V2 = 'https://www.w3.org/ns/credentials/examples/v2';
const OUT_DIR = fileURLToPath(new URL('../../public/demo/', import.meta.url));
const KEY_FILE = fileURLToPath(new URL('./demo-issuer-key.json', import.meta.url));
export const DEMO_TRUST_LIST_FILE = 'trust-list.json';
export const DEMO_TRUST_LIST_ID = 'urn:tsumiki:demo:trust-list';
export const DEMO_TRUST_LIST_NAME = 'Tsumiki demo list — not a real authority / Tsumikiデモ用リスト（実在の機関ではありません）';
const VALID_FROM = '2024-01-01T00:00:00Z';
const VALID_UNTIL = '2035-12-31T23:59:59Z';

/** The entity's names in each language, and the name the demo badges give their issuer. */
const NAMES: Record<keyof typeof ISSUERS, { en: string; ja: string }> = {
  university: { en: 'Tsumiki Demo University (demo)', ja: '積み木大学（デモ）' },
  mooc: { en: 'Demo Open Learning (MOOC, demo)', ja: 'デモ・オープンラーニング' },
};

function entity(key: keyof typeof ISSUERS, keys: DemoKeys): JsonObject {
  const names = NAMES[key];
  return {
    id: String(keys[key].controller),
    type: ['RecognizedEntity'],
    name: [
      { '@value': names.en, '@language': 'en' },
      { '@value': names.ja, '@language': 'ja' },
    ],
    legalName: ISSUERS[key].name,
    url: ISSUERS[key].url,
    recognizedTo: [{ type: 'RecognizedAction', action: 'issue' }],
  };
}

/** The list publisher's demo key: `keys.list` of the key file, created (and added to it) on the first run. */
export async function listKey(): Promise<DbMultikeyPair> {
  const file = JSON.parse(readFileSync(KEY_FILE, 'utf8')) as { keys: Record<string, { publicKeyMultibase: string; secretKeyMultibase: string }> }; // why: our own file
  let key = file.keys.list;
  if (key === undefined) {
    const e = await (await Ed25519Multikey.generate()).export({ publicKey: true, secretKey: true, includeContext: false });
    key = { publicKeyMultibase: String(e.publicKeyMultibase), secretKeyMultibase: String(e.secretKeyMultibase) };
    writeFileSync(KEY_FILE, JSON.stringify({ ...file, keys: { ...file.keys, list: key } }, null, 2) + '\n');
  }
  const did = `did:key:${key.publicKeyMultibase}`;
  return Ed25519Multikey.from({ type: 'Multikey', id: `${did}#${key.publicKeyMultibase}`, controller: did, ...key });
}

/** The unsigned list: published by the demo list key, naming both demo issuers. */
export function demoTrustList(keys: DemoKeys, publisher: DbMultikeyPair): JsonObject {
  return {
    '@context': [VC_V2, EXAMPLES_V2],
    id: DEMO_TRUST_LIST_ID,
    type: ['VerifiableCredential', 'RecognizedEntityCredential'],
    name: DEMO_TRUST_LIST_NAME,
    description: 'DEMO ONLY — signed with a published demo key; it vouches for the two fictitious demo issuers and nothing else.\nデモ専用です。公開されたデモ用の鍵で署名されており、架空の2つのデモ発行者だけを載せています。',
    issuer: { id: String(publisher.controller), name: DEMO_TRUST_LIST_NAME },
    validFrom: VALID_FROM,
    validUntil: VALID_UNTIL,
    credentialSubject: [entity('university', keys), entity('mooc', keys)],
  };
}

async function main(): Promise<void> {
  const [keys, publisher] = await Promise.all([loadKeys(), listKey()]);
  const signed = await signDi(demoTrustList(keys, publisher), publisher, VALID_FROM);
  writeFileSync(OUT_DIR + DEMO_TRUST_LIST_FILE, JSON.stringify(signed, null, 2) + '\n');
  process.stdout.write(`wrote public/demo/${DEMO_TRUST_LIST_FILE}\n`);
  // The demo index names the list; the badge files it lists are left exactly as they are.
  const indexFile = OUT_DIR + 'index.json';
  if (existsSync(indexFile)) {
    const index = JSON.parse(readFileSync(indexFile, 'utf8')) as JsonObject; // why: our own file
    if (index.trustList !== DEMO_TRUST_LIST_FILE) {
      writeFileSync(indexFile, JSON.stringify({ ...index, trustList: DEMO_TRUST_LIST_FILE }, null, 2) + '\n');
      process.stdout.write('named it in public/demo/index.json\n');
    }
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
