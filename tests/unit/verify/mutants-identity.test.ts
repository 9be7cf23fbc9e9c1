// Tests written for StrykerJS (`npm run mutate`): what the checks establish about an issuer
// (issuer-identity.ts), called directly.
import { describe, expect, it } from 'vitest';
import type { Check } from '../../../src/lib/model/verification.ts';
import { authorityOf, domainOf, issuerIdentity } from '../../../src/lib/verify/issuer-identity.ts';

const bound: Check[] = [{ id: 'issuer-key', outcome: 'passed', code: 'KEY_IS_ISSUERS' }];
const unbound: Check[] = [
  { id: 'proof', outcome: 'passed', code: 'PROOF_VALID' },
  { id: 'issuer-key', outcome: 'not-checked', reason: 'offline', code: 'KEY_IN_FRAGMENT_ONLY' },
];

describe('domainOf', () => {
  it('did:web: the host, percent-decoded (a port too), without the path', () => {
    expect(domainOf('did:web:issuer.test')).toBe('issuer.test');
    expect(domainOf('did:web:issuer.test%3A8443:users:alice')).toBe('issuer.test:8443');
    expect(domainOf('did:web:')).toBeUndefined();
  });
  it('http(s) URLs: the host with its port; anything else: none', () => {
    expect(domainOf('https://Issuer.Test:8443/p?q')).toBe('issuer.test:8443');
    expect(domainOf('http://issuer.test/')).toBe('issuer.test');
    for (const id of ['ftp://issuer.test/', 'did:key:z6Mk', 'urn:uuid:1', 'not a url', '', undefined]) expect(domainOf(id)).toBeUndefined();
  });
});

describe('authorityOf and issuerIdentity', () => {
  it('a passed binding: the domain, or only a key; no passed binding: none', () => {
    expect(authorityOf('did:web:issuer.test', bound)).toBe('domain');
    expect(authorityOf('did:key:z6Mk', bound)).toBe('key');
    expect(authorityOf('did:web:issuer.test', unbound)).toBe('none');
    expect(authorityOf('did:web:issuer.test', [{ id: 'proof', outcome: 'passed', code: 'PROOF_VALID' }])).toBe('none');
    expect(authorityOf('did:web:issuer.test', [...unbound.slice(0, 1), ...bound, { id: 'status', outcome: 'failed', code: 'REVOKED' }])).toBe('domain');
  });

  it('no issuer at all: nothing known, no throw', () => {
    expect(issuerIdentity({ type: ['VerifiableCredential'] }, [])).toEqual({ id: undefined, claimedName: undefined, authority: 'none', domain: undefined });
  });

  it('the issuer of a VC, of an OB 2.0 reading (badge.issuer), or the fetched Profile; names always a claim, revealed', () => {
    expect(issuerIdentity({ issuer: { id: 'did:web:u.test', name: 'U\u202Eniversity' } }, bound)).toEqual({
      id: 'did:web:u.test',
      claimedName: { text: 'U⟨U+202E⟩niversity', hidden: ['U+202E'], mixedScripts: false },
      authority: 'domain',
      domain: 'u.test',
    });
    expect(issuerIdentity({ badge: { issuer: { id: 'https://ob2.test/i', name: 'OB2' } } }, unbound)).toMatchObject({ id: 'https://ob2.test/i', claimedName: { text: 'OB2' }, authority: 'none', domain: 'ob2.test' });
    expect(issuerIdentity({ issuer: 'https://given.test/i' }, bound, { id: 'https://fetched.test/i', name: 'Fetched' })).toMatchObject({ id: 'https://fetched.test/i', claimedName: { text: 'Fetched' }, domain: 'fetched.test' });
    expect(issuerIdentity({ issuer: 'did:key:z6Mk' }, bound)).toEqual({ id: 'did:key:z6Mk', claimedName: undefined, authority: 'key', domain: undefined });
  });

  it('a name as a language map or value object: its first string; no string: no name', () => {
    expect(issuerIdentity({ issuer: { id: 'urn:i', name: { en: 7, ja: '大学', fr: 'Université' } } }, bound).claimedName?.text).toBe('大学');
    expect(issuerIdentity({ issuer: { id: 'urn:i', name: { '@value': 'V', '@language': 'en' } } }, bound).claimedName?.text).toBe('V');
    expect(issuerIdentity({ issuer: { id: 'urn:i', name: [1] } }, bound).claimedName).toBeUndefined();
    expect(issuerIdentity({ issuer: { id: 'urn:i', name: { n: 1 } } }, bound).claimedName).toBeUndefined();
    expect(issuerIdentity({ issuer: { id: 'urn:i', name: ['Listed'] } }, bound).claimedName).toBeUndefined();
    expect(issuerIdentity({ issuer: { id: 'urn:i', name: null } }, bound).claimedName).toBeUndefined();
  });
});
