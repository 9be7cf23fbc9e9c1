/** Pathway routes (issue 6): the list, a `?url=` deep link, one pathway by its (encoded) id. */
import { expect, test } from 'vitest';
import { hrefOf, parseRoute, type Route } from '../../src/ui/route.ts';

const ID = 'https://university.example.jp/pathways/data-science-certificate';

test.each([
  ['#/pathways', { name: 'pathways' }],
  ['#/pathways?url=https%3A%2F%2Fu.example%2Fp.json%3Fv%3D2', { name: 'pathways', url: 'https://u.example/p.json?v=2' }],
  [`#/pathways/${encodeURIComponent(ID)}`, { name: 'pathway', id: ID }],
  ['#/pathways/%E0%A4%A', { name: 'not-found' }],
  ['#/pathways/a/b', { name: 'not-found' }],
])('%s', (hash, route) => {
  expect(parseRoute(hash)).toEqual(route);
});

test('hrefOf round-trips', () => {
  const routes: Route[] = [{ name: 'pathways' }, { name: 'pathways', url: 'https://u.example/p.json?a=1&b=2' }, { name: 'pathway', id: ID }, { name: 'pathway', id: 'urn:x/y?z#w' }];
  for (const r of routes) expect(parseRoute(hrefOf(r))).toEqual(r);
});
