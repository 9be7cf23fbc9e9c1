/** What the badge page shows, read as plain text from OB 3.0 and OB 2.0 credentials. */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parseInput } from '../../../src/lib/formats/parse.ts';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import { badgeDetails } from '../../../src/lib/wallet/details.ts';
import { summarize } from '../../../src/lib/wallet/summary.ts';
import { badgeOf } from '../../../src/lib/verify/reading/index.ts';
import { textOf, imageDataUriOf } from '../../../src/lib/formats/text.ts';

const parsed = (path: string) => {
  const o = parseInput(new Uint8Array(readFileSync(new URL(path, import.meta.url))));
  if (o.kind !== 'credentials') throw new Error('not credentials');
  return o.input.credentials[0]!;
};

test('OB 3.0 full example: achievement, issuer, alignments, evidence, results, endorsements', () => {
  const p = parsed('../../fixtures/ob3/spec/example-fullOpenBadge.json');
  const d = badgeDetails(p.credential, p.format);
  expect(d.title).not.toBe('');
  expect(d.issuer.id).toBeTruthy();
  expect(d.alignments.length + d.evidence.length + d.results.length + d.endorsements.length).toBeGreaterThan(0);
  for (const v of [d.title, d.issuer.name, d.criteriaNarrative]) expect(typeof v === 'string' || v === undefined).toBe(true);
});

test('demo badge 02: result named through its ResultDescription; 03: endorsement and evidence', () => {
  const two = parsed('../../../public/demo/02-python-basics.json');
  expect(badgeDetails(two.credential, two.format).results).toEqual([{ name: 'Final score', value: '86 / 100' }]);
  const three = parsed('../../../public/demo/03-academic-writing.json');
  const d = badgeDetails(three.credential, three.format);
  expect(d.endorsements[0]?.issuerName).toMatch(/Demo Open Learning/);
  expect(d.endorsements[0]?.comment).toContain('推薦');
  expect(d.evidence[0]?.narrative).toContain('\n');
  expect(d.credits).toBe('2');
});

test('OB 2.0 assertion with an embedded badge class', () => {
  const p = parsed('../../fixtures/ob2/1edtech-validator/assertion-with-endorsements.json');
  const d = badgeDetails(p.credential, p.format);
  expect(d.recipient.identifiers.length).toBeGreaterThan(0);
  expect(d.issuedAt).not.toBeNull();
});

test('hostile strings stay strings; remote images are never taken; odd shapes do not throw', () => {
  const hostile = '<img src=x onerror=window.__pwned=1><script>window.__pwned=2</script>';
  const credential: JsonObject = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: 'https://evil.example', name: hostile },
    credentialSubject: { achievement: { name: hostile, image: 'https://evil.example/track.png', criteria: 42, alignment: 'x' } },
    validFrom: 'not a date',
  };
  const d = badgeDetails(credential, 'ob3-di');
  expect(d.title).toBe(hostile);
  expect(d.issuer.name).toBe(hostile);
  expect(d.validFrom).toBeNull();
  const s = summarize({ format: 'ob3-di', container: 'json', credential, bytes: new Uint8Array([1]) }, { source: 'graph', document: credential, badge: badgeOf(credential, 'ob3-di') });
  expect(s.imageDataUri).toBeUndefined();
  expect(s.summary.title).toBe(hostile);
  // Without a reading, nothing of the JSON layout is shown.
  expect(summarize({ format: 'ob3-di', container: 'json', credential, bytes: new Uint8Array([1]) }, undefined).summary.title).toBe('');
  expect(() => badgeDetails({ credentialSubject: [null, 1], issuer: [] } as unknown as JsonObject, 'ob3-di')).not.toThrow(); // why: deliberately malformed
});

test('textOf picks a language from VC 2.0 language arrays; imageDataUriOf takes data: images only', () => {
  const v = [{ '@value': 'Data', '@language': 'en' }, { '@value': 'データ', '@language': 'ja-JP' }];
  expect(textOf(v, 'ja')).toBe('データ');
  expect(textOf(v, 'en')).toBe('Data');
  expect(textOf(v)).toBe('Data');
  expect(textOf('x'.repeat(5000))?.length).toBeLessThan(2100);
  expect(imageDataUriOf({ id: 'data:image/png;base64,AAAA' })).toBe('data:image/png;base64,AAAA');
  expect(imageDataUriOf('data:text/html,<script>')).toBeUndefined();
  expect(imageDataUriOf('https://x.example/a.png')).toBeUndefined();
});
