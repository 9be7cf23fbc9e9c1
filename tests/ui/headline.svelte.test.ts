/**
 * What the screens say under a headline (issue 12): a report made before issuer identity was checked
 * is never genuine; a listed issuer is named with its list (a demo list as a demo, a pin as the
 * user's own, a registry as unsigned); EXPIRED gives its date; UNKNOWN_ISSUER says the name is a
 * claim and offers the next steps; a hosted-only OB 2.0 badge is a link on its domain; the verify
 * screen's "does the person in front of you hold it?" never says more than the two checks show.
 */
import { expect, test } from 'vitest';
import type { Check } from '../../src/lib/model/verification.ts';
import type { HolderCheck } from '../../src/lib/share/holder.ts';
import { headlineOfChecks, hostedLinkOf, isStale } from '../../src/ui/headline.ts';
import { headlineWords } from '../../src/ui/headline-words.ts';
import { presenceOf } from '../../src/ui/presence.ts';
import { I18n, loadLang } from '../../src/ui/state/I18n.svelte.ts';

const ok = (id: Check['id'], code = 'OK'): Check => ({ id, outcome: 'passed', code } as Check); // why: test shorthand, codes as the core writes them
const intact: Check[] = [ok('format', 'FORMAT_OK'), ok('structure', 'STRUCTURE_OK'), ok('proof', 'SIGNATURE_VALID'), ok('issuer-key', 'KEY_IS_ISSUERS'), ok('validity-period', 'WITHIN_VALIDITY'), ok('status', 'NO_STATUS')];
const listed = (data: Record<string, unknown>): Check => ({ id: 'issuer-identity', outcome: 'passed', code: 'LISTED', data } as Check); // why: as above

test('a report without the issuer-identity check is never genuine, and is re-checked', () => {
  expect(headlineOfChecks(intact)).toMatchObject({ headline: 'NOT_CHECKED', stale: true, tone: 'warn' });
  expect(isStale(intact)).toBe(true);
  const now = [...intact, listed({ name: 'X', list: 'l', kind: 'recognized-entities', demo: false })];
  expect(headlineOfChecks(now)).toMatchObject({ headline: 'GENUINE', tone: 'good' });
  expect(isStale(now)).toBe(false);
  // An unreadable file is not "stale": checking it again changes nothing.
  expect(isStale([{ id: 'format', outcome: 'failed', code: 'UNREADABLE' } as Check])).toBe(false); // why: as above
});

test('the words under each headline, in English and Japanese', async () => {
  await loadLang('ja');
  const en = new I18n('en');
  const ja = new I18n('ja');
  const words = (checks: Check[], i18n: I18n, claimed?: string) => headlineWords(headlineOfChecks(checks), i18n, claimed);

  const demo = [...intact, listed({ name: '積み木大学（デモ）', list: 'urn:tsumiki:demo:trust-list', kind: 'recognized-entities', demo: true, publisher: 'Tsumiki demo list' })];
  expect(words(demo, en).detail).toBe('Issued by 積み木大学（デモ） (demo list — not a real authority)');
  expect(words(demo, ja).detail).toBe('発行者：積み木大学（デモ）（デモ用の信頼リストに登録。実在の機関ではありません）');

  const signed = [...intact, listed({ name: 'Tsumiki Test College', list: 'urn:x', kind: 'recognized-entities', demo: false, publisher: 'Accreditation Office', asOf: '2026-04-01T00:00:00Z' })];
  expect(words(signed, en).detail).toBe('Issued by Tsumiki Test College (on the trust list “Accreditation Office”, as of April 1, 2026)');
  const pin = [...intact, listed({ name: 'Kyoto Test Academy', list: 'pins', kind: 'pins', demo: false })];
  expect(words(pin, en).detail).toContain('“I know this issuer”');
  const registry = [...intact, listed({ name: 'U', list: 'registry.json', kind: 'dcc-registry', demo: false })];
  expect(words(registry, ja).detail).toBe('発行者：U（追加した署名なしの登録簿「registry.json」に記載）');

  const domain = [...intact, { id: 'issuer-identity', outcome: 'passed', code: 'DOMAIN', data: { domain: 'u-tokyo.ac.jp' } } as Check]; // why: as above
  expect(words(domain, en).detail).toBe('Issued by whoever controls u-tokyo.ac.jp');

  const unknown = [...intact, { id: 'issuer-identity', outcome: 'not-checked', reason: 'untrusted', code: 'ISSUER_UNKNOWN', data: {} } as Check]; // why: as above
  const u = words(unknown, en, '東京大学 The University of Tokyo');
  expect(u.detail).toContain('“東京大学 The University of Tokyo”');
  expect(u.detail).toContain('only its own claim');
  expect(u.next).toEqual(['add-list', 'pin']);
  expect(words(unknown, ja, '東京大学').detail).toContain('「東京大学」と記載（未確認）');

  const expired = [...intact.filter((c) => c.id !== 'validity-period'), { id: 'validity-period', outcome: 'failed', code: 'EXPIRED', data: { validUntil: '2025-03-31T23:59:59Z' } } as Check, listed({ name: 'X', list: 'l', kind: 'recognized-entities' })]; // why: as above
  expect(headlineOfChecks(expired)).toMatchObject({ headline: 'EXPIRED', tone: 'warn' });
  expect(words(expired, en).detail).toMatch(/^Expired on March 3[01], 2025/);
  expect(words(expired, ja).detail).toMatch(/^2025年3月3[01]日.*に有効期限が切れました$/);

  const offline = [...intact.filter((c) => c.id !== 'status'), { id: 'status', outcome: 'not-checked', reason: 'offline', code: 'NEEDS_NETWORK' } as Check, listed({ name: 'X', list: 'l', kind: 'recognized-entities' })]; // why: as above
  expect(words(offline, en)).toMatchObject({ next: ['check-online'] });

  // Never 公認・認定・公式 (JA-GLOSSARY §1.3).
  for (const checks of [demo, signed, pin, registry, domain, unknown, expired]) expect(words(checks, ja).detail).not.toMatch(/公認|認定|公式/);
});

test('a hosted-only OB 2.0 badge is a link on its domain; anything else is not', () => {
  expect(hostedLinkOf('ob2-hosted', 'https://example.org/beths-robotics-badge.json', '')).toEqual({ url: 'https://example.org/beths-robotics-badge.json', domain: 'example.org' });
  expect(hostedLinkOf('ob2-hosted', 'https://example.org/a.json', 'Robotics')).toBeNull(); // read: it has a title
  expect(hostedLinkOf('ob3-di', 'https://example.org/a.json', '')).toBeNull();
  expect(hostedLinkOf('ob2-hosted', 'urn:uuid:1', '')).toBeNull();
  expect(hostedLinkOf('ob2-hosted', null, '')).toBeNull();
});

test('does the person in front of you hold it: only what the recipient check and the holder proof show', () => {
  const match = { id: 'recipient', outcome: 'passed', code: 'RECIPIENT_MATCHES' } as Check; // why: as above
  const mismatch = { id: 'recipient', outcome: 'failed', code: 'RECIPIENT_MISMATCH' } as Check; // why: as above
  const none = { id: 'recipient', outcome: 'not-checked', reason: 'not-applicable', code: 'NO_RECIPIENT_GIVEN' } as Check; // why: as above
  const cannot = { id: 'recipient', outcome: 'not-checked', reason: 'unsupported', code: 'NOT_APPLICABLE' } as Check; // why: as above
  const live = { id: 'holder', outcome: 'passed', code: 'HOLDER_PROOF_VALID' } as HolderCheck; // why: as above
  const bad = { id: 'holder', outcome: 'failed', code: 'CHALLENGE_MISMATCH' } as HolderCheck; // why: as above
  expect(presenceOf(mismatch, live, 'C0DE')).toEqual({ code: 'MISMATCH', tone: 'bad' });
  expect(presenceOf(match, bad, 'C0DE')).toEqual({ code: 'HOLDER_BAD', tone: 'bad' });
  expect(presenceOf(match, live, 'C0DE')).toEqual({ code: 'HOLDS', tone: 'good' });
  expect(presenceOf(match, live, '')).toEqual({ code: 'NAMED_NOT_LIVE', tone: 'warn' }); // signed, but no challenge: could be a replay
  expect(presenceOf(match, undefined, 'C0DE')).toEqual({ code: 'NAMED_NOT_LIVE', tone: 'warn' });
  expect(presenceOf(none, live, 'C0DE')).toEqual({ code: 'LIVE_NOT_NAMED', tone: 'warn' });
  expect(presenceOf(cannot, undefined, '')).toEqual({ code: 'CANNOT_COMPARE', tone: 'warn' });
  expect(presenceOf(none, undefined, '')).toEqual({ code: 'NOT_SHOWN', tone: 'warn' });
  expect(presenceOf(undefined, undefined, '')).toEqual({ code: 'NOT_SHOWN', tone: 'warn' });
});
