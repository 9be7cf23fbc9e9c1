/** The committed demo wallet (public/demo/, made by `npm run demo`) verifies as its index says, offline. */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { headlineOf } from '../../../src/lib/model/headline.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { verifyBytes } from '../../../src/lib/verify/pipeline.ts';
import { summarize } from '../../../src/lib/wallet/summary.ts';
import { badgeDetails } from '../../../src/lib/wallet/details.ts';
import { trustingDemo } from '../../support/issuer.ts';

const NOW = new Date('2026-02-01T00:00:00Z');
const demo = (f: string) => new Uint8Array(readFileSync(new URL(`../../../public/demo/${f}`, import.meta.url)));
const index = JSON.parse(new TextDecoder().decode(demo('index.json'))) as { files: { file: string; expect: string }[] }; // why: our own generated file
const key = JSON.parse(readFileSync(new URL('../../../src/cli/demo-issuer-key.json', import.meta.url), 'utf8')) as { comment: string; keys: Record<string, { publicKeyMultibase: string }> }; // why: our own file

test('the demo key file says it is a demo key', () => {
  expect(key.comment).toMatch(/^DEMO ONLY — never trust/);
});

test('eight demo files in four containers', () => {
  expect(index.files).toHaveLength(8);
  expect(new Set(index.files.map((f) => f.file.split('.').pop()))).toEqual(new Set(['png', 'json', 'jwt', 'svg']));
  expect(index.files.filter((f) => f.expect === 'failed')).toHaveLength(1);
});

test.each(index.files.map((f) => [f.file, f.expect] as const))('%s → %s', async (file, expected) => {
  // The user trusts the two demo issuers (pins): a bare did:key is `verified` only then (issue 12).
  const r = await verifyBytes(demo(file), createEnv({ now: NOW, trust: await trustingDemo() }));
  expect(r.error).toBeUndefined();
  const [c] = r.credentials;
  expect(c?.verification.verdict).toBe(expected);
  if (expected === 'failed') {
    expect(c?.verification.checks).toContainEqual(expect.objectContaining({ id: 'validity-period', code: 'EXPIRED' }));
  }
  expect(c?.verification.checks).toContainEqual(expect.objectContaining({ id: 'issuer-key', outcome: 'passed' }));
  if (expected === 'verified') {
    // Untrusted, a demo badge's issuer is only a published demo key: incomplete, UNKNOWN_ISSUER — never GENUINE.
    const [alone] = (await verifyBytes(demo(file), createEnv({ now: NOW }))).credentials;
    expect(alone?.verification.verdict).toBe('incomplete');
    expect(headlineOf(alone!.verification.checks).headline).toBe('UNKNOWN_ISSUER');
  }
  const issuerId = String((c?.parsed.credential.issuer as { id: string }).id); // why: demo issuers are Profile objects
  expect(Object.values(key.keys).map((k) => `did:key:${k.publicKeyMultibase}`)).toContain(issuerId);
  const { summary, imageDataUri } = summarize(c!.parsed, c!.reading);
  expect(c?.reading?.badge.issuer.id).toBe(issuerId);
  expect(summary.title).toMatch(/ \/ /); // "日本語 / English"
  expect(summary.issuerName).toMatch(/デモ|Demo/);
  expect(imageDataUri).toMatch(/^data:image\/svg\+xml;base64,/);
  const details = badgeDetails(c!.parsed.credential, c!.format);
  expect(details.criteriaNarrative).toContain('Learning outcomes:');
  expect(details.criteriaNarrative).toContain('学修成果：');
});
