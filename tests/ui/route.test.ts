import { expect, test } from 'vitest';
import { hrefOf, parseRoute } from '../../src/ui/route.ts';

const ID = 'a'.repeat(64);

test.each([
  ['', { name: 'wallet' }],
  ['#/', { name: 'wallet' }],
  [`#/badge/${ID}`, { name: 'badge', id: ID }],
  ['#/badge/not-an-id', { name: 'not-found' }],
  ['#/import', { name: 'import' }],
  ['#/import?url=https%3A%2F%2Fx.example%2Fb&data=abc', { name: 'import', url: 'https://x.example/b', data: 'abc' }],
  ['#/settings', { name: 'settings' }],
  ['#/elsewhere', { name: 'not-found' }],
])('%s', (hash, route) => {
  expect(parseRoute(hash)).toEqual(route);
});

test('hrefOf round-trips', () => {
  for (const r of [{ name: 'wallet' }, { name: 'badge', id: ID }, { name: 'settings' }, { name: 'import', url: 'https://x.example/?a=1&b=2', data: 'x-y_z' }] as const) {
    expect(parseRoute(hrefOf(r))).toEqual(r);
  }
});

test('answer a verifier (issue 13): #/present, and #/present?request=… round-trips the request text', () => {
  expect(parseRoute('#/present')).toEqual({ name: 'present' });
  const request = 'openid4vp://?client_id=decentralized_identifier%3Adid%3Akey%3Az6Mk&request_uri=https%3A%2F%2Fverifier.example%2Fr%3Fa%3D1%26b%3D2';
  const route = { name: 'present', request } as const;
  expect(parseRoute(hrefOf(route))).toEqual(route);
  expect(parseRoute('#/present/x')).toEqual({ name: 'not-found' });
});
