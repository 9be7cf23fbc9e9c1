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
