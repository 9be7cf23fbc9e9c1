/**
 * `npm run demo` — signs the demo wallet into public/demo/ (served by the app itself, so "Add demo
 * badges" never leaves the app's origin). Keys: src/cli/demo-issuer-key.json, created on the first
 * run and committed. They are DEMO keys: anyone can sign with them, so never trust these badges.
 * Signing is deterministic (Ed25519, proof dates = issue dates): a re-run rewrites the same bytes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import jsigs from 'jsonld-signatures';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { base64url, CompactSign, importJWK, type JWK } from 'jose';
import { bakePng } from '../lib/formats/baked/png.ts';
import { bakeSvg } from '../lib/formats/baked/svg.ts';
import type { JsonObject } from '../lib/model/credential.ts';
import { contextLoader } from '../lib/verify/loader.ts';
import { DEMO_BADGES, ISSUERS, type Bi, type DemoBadge, type Descriptors } from './demo-badges.ts';
import { ART_PALETTES, badgePng, badgeSvg, svgDataUri, type Art } from './demo-images.ts';
import { marksOf } from '../lib/wallet/marks.ts';

const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
const OB_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const KEY_FILE = fileURLToPath(new URL('./demo-issuer-key.json', import.meta.url));
const OUT_DIR = fileURLToPath(new URL('../../public/demo/', import.meta.url));
/** The demo learner: recipients are hashed e-mail addresses (OB 3.0 IdentityObject). */
export const DEMO_LEARNER = 'demo.learner@example.jp';
const SALT = 'tsumiki-demo';

type IssuerKey = keyof typeof ISSUERS;
interface KeyFile {
  comment: string;
  keys: Record<IssuerKey, { publicKeyMultibase: string; secretKeyMultibase: string }>;
}

export type DemoKeys = Record<IssuerKey, DbMultikeyPair>;

/** The demo keys (created on the first run). */
export async function loadKeys(): Promise<Record<IssuerKey, DbMultikeyPair>> {
  if (!existsSync(KEY_FILE)) {
    const fresh: KeyFile = {
      comment: 'DEMO ONLY — never trust. Published demo keys for the Tsumiki demo badges in public/demo/; anyone can sign with them.',
      keys: { university: await exported(), mooc: await exported() },
    };
    writeFileSync(KEY_FILE, JSON.stringify(fresh, null, 2) + '\n');
  }
  const file = JSON.parse(readFileSync(KEY_FILE, 'utf8')) as KeyFile; // why: our own file, written above
  const out = {} as Record<IssuerKey, DbMultikeyPair>; // why: both keys are filled in the loop below
  for (const name of Object.keys(ISSUERS) as IssuerKey[]) { // why: Object.keys loses the literal key type
    const { publicKeyMultibase, secretKeyMultibase } = file.keys[name];
    const did = `did:key:${publicKeyMultibase}`;
    out[name] = await Ed25519Multikey.from({
      type: 'Multikey',
      id: `${did}#${publicKeyMultibase}`,
      controller: did,
      publicKeyMultibase,
      secretKeyMultibase,
    });
  }
  return out;
}

async function exported(): Promise<{ publicKeyMultibase: string; secretKeyMultibase: string }> {
  const pair = await Ed25519Multikey.generate();
  const e = await pair.export({ publicKey: true, secretKey: true, includeContext: false });
  return { publicKeyMultibase: String(e.publicKeyMultibase), secretKeyMultibase: String(e.secretKeyMultibase) };
}

const pairLine = (en: string, ja: string, [a, b]: Bi) => `${en}: ${a}\n${ja}：${b}`;

/** The criteria narrative, Guideline 1.1 style: each descriptor labelled in English, then in Japanese. */
export function narrative(d: Descriptors): string {
  return [
    `Learning outcomes:\n${d.outcomes.map(([en]) => `- ${en}`).join('\n')}`,
    `学修成果：\n${d.outcomes.map(([, ja]) => `- ${ja}`).join('\n')}`,
    pairLine('Form of participation', '授業の方法', d.participation),
    pairLine('Learner effort', '学習量（総学習時間）', [`${d.hours} hours`, `${d.hours} 時間`]),
    pairLine('Type of assessment', '評価の方法', d.assessment),
    pairLine('Type of quality assurance', '質保証', d.quality),
    pairLine('Credit/Other Recognition', '単位/その他の認定', d.credit),
    pairLine('Level', 'レベル', d.level),
    pairLine('Language', '言語', d.language ?? ['Japanese', '日本語']),
    pairLine('Prerequisites needed to enroll', '履修条件', d.prerequisites),
    pairLine('Stackability', '積み上げ', d.stackability),
    pairLine('Country/Region of the issuer', '発行者の国/地域', ['Japan', '日本']),
  ].join('\n');
}

function issuerProfile(name: IssuerKey, pair: DbMultikeyPair): JsonObject {
  const i = ISSUERS[name];
  return {
    id: String(pair.controller),
    type: ['Profile'],
    name: i.name,
    url: i.url,
    email: i.email,
    description: i.description,
    address: { type: ['Address'], addressCountry: '日本 Japan', addressCountryCode: 'JP' },
  };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The unsigned credential for one row of the demo table. */
export function credentialOf(b: DemoBadge, keys: Record<IssuerKey, DbMultikeyPair>): JsonObject {
  const base = ISSUERS[b.issuer].url;
  const achievementId = `${base}/achievements/${b.file.slice(3)}`;
  const [en, ja] = b.name;
  const title = `${ja} / ${en}`;
  const resultId = `${achievementId}#result`;
  const achievement: JsonObject = {
    id: achievementId,
    type: ['Achievement'],
    achievementType: b.achievementType,
    name: title,
    description: `${b.description[1]}\n${b.description[0]}`,
    criteria: { narrative: narrative(b.descriptors) },
    inLanguage: 'ja',
    tag: [...b.tags],
    ...(b.creditsAvailable === undefined ? {} : { creditsAvailable: b.creditsAvailable }),
    ...(b.alignment ? { alignment: b.alignment.map((a) => ({ type: ['Alignment'], targetName: a.name, targetUrl: a.url, targetFramework: a.framework, ...(a.code ? { targetCode: a.code } : {}) })) } : {}),
    ...(b.result ? { resultDescription: [{ id: resultId, type: ['ResultDescription'], name: b.result.name, resultType: 'RawScore' }] } : {}),
  };
  const credential: JsonObject = {
    '@context': [VC_V2, OB_V3],
    id: `urn:uuid:${b.uuid}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: title,
    issuer: issuerProfile(b.issuer, keys[b.issuer]),
    validFrom: b.validFrom,
    ...(b.validUntil ? { validUntil: b.validUntil } : {}),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: `sha256$${sha256(DEMO_LEARNER + SALT)}`, salt: SALT }],
      achievement,
      ...(b.result ? { result: [{ type: ['Result'], resultDescription: resultId, value: b.result.value }] } : {}),
    },
    ...(b.evidence ? { evidence: [{ type: ['Evidence'], name: b.evidence.name, narrative: b.evidence.narrative }] } : {}),
  };
  // The artwork says "MICRO-CREDENTIAL" only when the badge is one by the wallet's own reading of it (issue 14).
  const image = { id: svgDataUri(badgeSvg(artOf(b, credential))), type: 'Image', caption: title };
  const withImage = Object.fromEntries(Object.entries(achievement).flatMap(([k, v]) => (k === 'criteria' ? [[k, v], ['image', image]] : [[k, v]]))) as JsonObject; // why: entries of a JsonObject stay JSON
  return { ...credential, credentialSubject: { ...(credential.credentialSubject as JsonObject), achievement: withImage } }; // why: credentialSubject is the object built just above
}

/** The demo badge's artwork: its own motif and colours, the ribbon when it is a micro-credential. */
export function artOf(b: DemoBadge, credential: JsonObject): Art {
  return { palette: ART_PALETTES[b.variant % ART_PALETTES.length] ?? ART_PALETTES[0]!, motif: b.variant, micro: marksOf(credential).micro };
}

export async function signDi(doc: JsonObject, pair: DbMultikeyPair, date: string): Promise<JsonObject> {
  const suite = new DataIntegrityProof({ signer: pair.signer(), cryptosuite: eddsaRdfc2022, date });
  const signed = await jsigs.sign(structuredClone(doc), { suite, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader: contextLoader });
  return signed as JsonObject; // why: jsigs returns the JSON document with its proof added
}

async function endorsement(b: DemoBadge, keys: Record<IssuerKey, DbMultikeyPair>, from: IssuerKey): Promise<JsonObject> {
  const achievementId = `${ISSUERS[b.issuer].url}/achievements/${b.file.slice(3)}`;
  const doc: JsonObject = {
    '@context': [VC_V2, OB_V3],
    id: `urn:uuid:${b.uuid.slice(0, -2)}e1`,
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: 'Endorsement / 推薦',
    issuer: issuerProfile(from, keys[from]),
    validFrom: b.validFrom,
    credentialSubject: {
      id: achievementId,
      type: ['EndorsementSubject'],
      endorsementComment: 'We recognise this programme for credit transfer into our writing series.\n本講座シリーズへの単位互換の対象として推薦します。',
    },
  };
  return signDi(doc, keys[from], b.validFrom);
}

async function signJwt(credential: JsonObject, pair: DbMultikeyPair): Promise<string> {
  const jwk = (await Ed25519Multikey.toJwk({ keyPair: pair, secretKey: true })) as JWK; // why: toJwk returns a plain JWK record
  if (jwk.d) jwk.d = base64url.encode(base64url.decode(jwk.d).slice(0, 32)); // the JWK `d` is the 32-byte seed (RFC 8037)
  const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
  const payload = {
    ...credential,
    iss: String(pair.controller),
    jti: String(credential.id),
    nbf: seconds(String(credential.validFrom)),
    ...(typeof credential.validUntil === 'string' ? { exp: seconds(credential.validUntil) } : {}),
  };
  const key = await importJWK(jwk, 'EdDSA');
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', kid: String(pair.id), typ: 'JWT' }).sign(key);
}

export interface DemoIndexEntry {
  readonly file: string;
  readonly expect: 'verified' | 'failed';
}

async function build(b: DemoBadge, keys: Record<IssuerKey, DbMultikeyPair>): Promise<{ name: string; bytes: Uint8Array }> {
  let credential = credentialOf(b, keys);
  if (b.endorsedBy) credential = { ...credential, endorsement: [await endorsement(b, keys, b.endorsedBy)] };
  const enc = new TextEncoder();
  if (b.container === 'jwt') return { name: `${b.file}.jwt`, bytes: enc.encode(await signJwt(credential, keys[b.issuer])) };
  const signed = await signDi(credential, keys[b.issuer], b.validFrom);
  const text = JSON.stringify(signed);
  switch (b.container) {
    case 'png':
      return { name: `${b.file}.png`, bytes: bakePng(badgePng(artOf(b, credential)), text) };
    case 'svg':
      return { name: `${b.file}.svg`, bytes: enc.encode(bakeSvg(badgeSvg(artOf(b, credential)), { text, via: 'body', version: 'ob3' })) };
    default:
      return { name: `${b.file}.json`, bytes: enc.encode(JSON.stringify(signed, null, 2) + '\n') };
  }
}

async function main(): Promise<void> {
  const keys = await loadKeys();
  mkdirSync(OUT_DIR, { recursive: true });
  const files: DemoIndexEntry[] = [];
  for (const b of DEMO_BADGES) {
    const { name, bytes } = await build(b, keys);
    writeFileSync(OUT_DIR + name, bytes);
    files.push({ file: name, expect: b.validUntil !== undefined && Date.parse(b.validUntil) < Date.parse('2026-01-01') ? 'failed' : 'verified' });
    process.stdout.write(`wrote public/demo/${name}\n`);
  }
  // The demo pathways (issue 6) are written by hand; the wallet adds them with the demo badges.
  const pathways = existsSync(OUT_DIR + 'pathways') ? readdirSync(OUT_DIR + 'pathways').filter((f) => f.endsWith('.json')).sort().map((f) => `pathways/${f}`) : [];
  // The demo trust list (issue 12) is written by `npm run demo:trust`; the index keeps naming it.
  const trustList = existsSync(OUT_DIR + 'trust-list.json') ? { trustList: 'trust-list.json' } : {};
  const index = { comment: 'DEMO badges signed with the published DEMO keys in src/cli/demo-issuer-key.json — never trust them.', files, pathways, ...trustList };
  writeFileSync(OUT_DIR + 'index.json', JSON.stringify(index, null, 2) + '\n');
}

// Run only as a script: the benchmark imports the helpers above.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
