/** Fields for the disclosure picker (issue 7) and the share/verify routes. */
import { expect, test } from 'vitest';
import { disclosed, pointerLabel, preview, valueAt } from '../../src/ui/state/share-fields.ts';
import { hrefOf, parseRoute } from '../../src/ui/route.ts';
import { deepLink, frameTextOf } from '../../src/lib/share/share.ts';

const doc = { a: { 'b/c': [1, { d: 'x' }], 'e~f': true }, list: ['p', 'q'] };

test('JSON pointers: values, labels, previews', () => {
  expect(valueAt(doc, '/a/b~1c/1/d')).toBe('x');
  expect(valueAt(doc, '/a/e~0f')).toBe(true);
  expect(valueAt(doc, '/list/1')).toBe('q');
  expect(valueAt(doc, '/list/x')).toBeUndefined();
  expect(valueAt(doc, '/nope/deeper')).toBeUndefined();
  expect(valueAt(doc, '/a/__proto__')).toBeUndefined();
  expect(valueAt(doc, '')).toBe(doc);
  expect(pointerLabel('/credentialSubject/achievement/name')).toBe('credentialSubject › achievement › name');
  expect(pointerLabel('/a/b~1c/0')).toBe('a › b/c › [1]');
  expect(preview('  two\n lines  ')).toBe('two lines');
  expect(preview('x'.repeat(100), 10)).toBe('xxxxxxxxx…');
  expect(preview({ k: 1 })).toBe('{"k":1}');
  expect(preview(undefined)).toBe('');
  expect(disclosed(['/a', '/b', '/c'], ['/b'])).toEqual(['/a', '/c']);
});

const ID = 'b'.repeat(64);

test('share and verify routes', () => {
  expect(parseRoute('#/share')).toEqual({ name: 'share', ids: [] });
  expect(parseRoute(`#/share?ids=${ID},nope,${'c'.repeat(64)}`)).toEqual({ name: 'share', ids: [ID, 'c'.repeat(64)] });
  expect(parseRoute('#/verify')).toEqual({ name: 'verify' });
  expect(parseRoute(hrefOf({ name: 'share', ids: [ID] }))).toEqual({ name: 'share', ids: [ID] });
  const frame = 'TK1:AB +%$*-./:Z';
  expect(parseRoute(hrefOf({ name: 'verify', data: frame }))).toEqual({ name: 'verify', data: frame });
  // The share core's own deep links parse to the same frame text.
  const link = deepLink('https://w.example/app/#/share', frame);
  expect(parseRoute(link.slice(link.indexOf('#')))).toEqual({ name: 'verify', data: frameTextOf(link) });
  expect(frameTextOf(link)).toBe(frame);
});
