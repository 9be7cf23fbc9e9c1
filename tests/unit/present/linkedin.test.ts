// Issue 14: LinkedIn "Add to profile" — the link builder (encoding, dates, missing fields) and where it is offered.
import { describe, expect, it } from 'vitest';
import { isPublicOrigin, linkedInAddUrl, linkedInEntryOf, yearMonth } from '../../../src/lib/present/linkedin.ts';

const params = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('linkedInAddUrl', () => {
  it('fills LinkedIn’s certification form: name, organisation, issue and expiry month, URL and id', () => {
    const url = linkedInAddUrl({
      name: 'Introduction to Data Literacy',
      organizationName: 'Tsumiki Demo University',
      issued: '2024-08-05T00:00:00Z',
      expires: '2027-03-31T23:59:59+09:00',
      certUrl: 'https://wallet.example/#/verify?data=TK1:ABC%2B',
      certId: 'urn:uuid:6f1c3c8e-8f0a-4c59-9d55-0b6a1f0d0a01',
    }) as string;
    expect(url.startsWith('https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=Introduction%20to%20Data%20Literacy&')).toBe(true);
    expect(params(url)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'Introduction to Data Literacy',
      organizationName: 'Tsumiki Demo University',
      issueYear: '2024',
      issueMonth: '8',
      expirationYear: '2027',
      expirationMonth: '3',
      certUrl: 'https://wallet.example/#/verify?data=TK1:ABC%2B',
      certId: 'urn:uuid:6f1c3c8e-8f0a-4c59-9d55-0b6a1f0d0a01',
    });
  });

  it('encodes every value: Japanese, &, =, #, +, quotes and spaces cannot break out of their parameter', () => {
    const url = linkedInAddUrl({ name: 'データ & AI = 未来 #1 + "2"', organizationName: '積み木大学 & Co?', certUrl: 'https://x.example/a?b=c&d=e#/verify?data=A%20B' }) as string;
    expect(url).not.toMatch(/[ "#]|&(?!(?:startTask|name|organizationName|certUrl)=)/);
    expect(url).toContain('name=%E3%83%87%E3%83%BC%E3%82%BF%20%26%20AI%20%3D%20%E6%9C%AA%E6%9D%A5%20%231%20%2B%20%222%22');
    expect(params(url)).toMatchObject({ name: 'データ & AI = 未来 #1 + "2"', organizationName: '積み木大学 & Co?', certUrl: 'https://x.example/a?b=c&d=e#/verify?data=A%20B' });
  });

  it('leaves out what is missing or unusable, never sending an empty field', () => {
    expect(linkedInAddUrl({ name: '  ' })).toBeUndefined();
    const url = linkedInAddUrl({ name: ' Knot\n Tying ', organizationName: '', issued: null, expires: 'not a date', certUrl: 'http://insecure.example/', certId: null }) as string;
    expect(params(url)).toEqual({ startTask: 'CERTIFICATION_NAME', name: 'Knot Tying' });
    expect(params(linkedInAddUrl({ name: 'x'.repeat(500) }) as string).name).toHaveLength(200);
  });

  it('dates: the calendar month as written; impossible months and years refused', () => {
    expect(yearMonth('2025-12-12T06:00:00Z')).toEqual({ year: 2025, month: 12 });
    expect(yearMonth('2025-01-01T00:30:00+09:00')).toEqual({ year: 2025, month: 1 }); // the issuer's own calendar date, not UTC's
    expect(yearMonth('2025-02')).toEqual({ year: 2025, month: 2 });
    expect(yearMonth('2025-13-01')).toBeUndefined();
    expect(yearMonth('2025-00-01')).toBeUndefined();
    expect(yearMonth('1066-10-14')).toBeUndefined();
    expect(yearMonth('12/12/2025')).toBeUndefined();
    expect(yearMonth(undefined)).toBeUndefined();
  });
});

describe('linkedInEntryOf', () => {
  const base = { title: 'AI Ethics', issuerName: 'Demo Open Learning', issued: '2025-07-01T00:00:00Z', validUntil: null, credentialId: 'urn:uuid:1' };
  it('names the issuer as the trust list does when it is listed, else as it names itself', () => {
    expect(linkedInEntryOf({ ...base, issuer: { id: 'did:key:z', claimedName: 'Demo Open Learning', proven: 'listed', listedAs: { name: 'Demo Open Learning (MOOC)', list: 'L' } } }).organizationName).toBe('Demo Open Learning (MOOC)');
    expect(linkedInEntryOf({ ...base, issuer: { id: 'did:key:z', claimedName: 'Demo Open Learning', proven: 'none' } }, 'https://w.example/#/verify')).toEqual({
      name: 'AI Ethics',
      organizationName: 'Demo Open Learning',
      issued: '2025-07-01T00:00:00Z',
      expires: null,
      certUrl: 'https://w.example/#/verify',
      certId: 'urn:uuid:1',
    });
  });
});

describe('isPublicOrigin: offered only where others can follow the link', () => {
  it.each([
    ['https://tsumiki.example/', true],
    ['https://wallet.uni.ac.jp/app/#/badge/1', true],
    ['https://203.0.113.7/', true],
    ['http://tsumiki.example/', false],
    ['http://localhost:5173/', false],
    ['https://localhost/', false],
    ['https://app.localhost/', false],
    ['https://127.0.0.1:5173/', false],
    ['https://192.168.1.20/', false],
    ['https://10.0.0.1/', false],
    ['https://172.20.0.1/', false],
    ['https://[::1]/', false],
    ['https://printer.local/', false],
    ['https://intranet/', false],
    ['file:///home/me/tsumiki/index.html', false],
    ['not a url', false],
  ])('%s → %s', (href, expected) => {
    expect(isPublicOrigin(href)).toBe(expected);
  });
});
