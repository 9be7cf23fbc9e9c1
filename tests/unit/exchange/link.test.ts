// Which protocol a pasted, scanned or deep-linked text speaks (src/lib/exchange/link.ts), and the host
// the app names before contacting it; the `#/import?offer=` route keeps an offer's own query.
import { describe, expect, it } from 'vitest';
import { claimLinkHost, claimLinkKind } from '../../../src/lib/exchange/link.ts';
import { hrefOf, parseRoute } from '../../../src/ui/route.ts';

const byValue = `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify({ credential_issuer: 'https://issuer.example/oid4vci', credential_configuration_ids: ['x'] }))}`;
const byRef = `openid-credential-offer://?credential_offer_uri=${encodeURIComponent('https://offers.example/o/1')}`;
const dcc = `dccrequest://request?${new URLSearchParams({ issuer: 'did:key:z6Mk', vc_request_url: 'https://edx.example/wallet/request', auth_type: 'bearer', challenge: 'c' }).toString()}`;

describe('claimLinkKind', () => {
  it('tells the three protocols apart and leaves badge links and JSON alone', () => {
    expect(claimLinkKind(byValue)).toBe('openid4vci');
    expect(claimLinkKind(` ${byRef}\n`)).toBe('openid4vci');
    expect(claimLinkKind(`https://wallet.example/offer?credential_offer_uri=${encodeURIComponent('https://x.example/o')}`)).toBe('openid4vci');
    expect(claimLinkKind(dcc)).toBe('dcc');
    expect(claimLinkKind('https://exchanger.example/interactions/z?iuv=1')).toBe('vc-api');
    expect(claimLinkKind('https://badges.example/b/1')).toBeUndefined();
    expect(claimLinkKind('https://badges.example/b/1', { anyUrl: true })).toBe('vc-api');
    expect(claimLinkKind('{"@context":[]}')).toBeUndefined();
    expect(claimLinkKind('eyJhbGciOiJFZERTQSJ9.e30.sig')).toBeUndefined();
  });
});

describe('claimLinkHost', () => {
  it('names the host contacted first: the issuer (by value), the offer URI (by reference), vc_request_url, the interaction', () => {
    expect(claimLinkHost(byValue)).toBe('issuer.example');
    expect(claimLinkHost(byRef)).toBe('offers.example');
    expect(claimLinkHost(dcc)).toBe('edx.example');
    expect(claimLinkHost('https://exchanger.example:8443/interactions/z?iuv=1')).toBe('exchanger.example:8443');
    expect(claimLinkHost('openid-credential-offer://?credential_offer=%7Bbroken')).toBeUndefined();
  });
});

describe('#/import?offer=', () => {
  it('round-trips an offer, and keeps an unencoded offer’s own query', () => {
    expect(parseRoute(hrefOf({ name: 'import', offer: byRef }))).toEqual({ name: 'import', offer: byRef });
    expect(parseRoute('#/import?offer=openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fo.example%2F1')).toEqual({ name: 'import', offer: 'openid-credential-offer://?credential_offer_uri=https://o.example/1' });
  });
});
