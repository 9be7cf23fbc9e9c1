// Tests written for StrykerJS (`npm run mutate`): JSON from untrusted bytes — the one-pass shape scan,
// its limits exactly at and one past each bound, and the coded errors with their data.
import { describe, expect, it, vi } from 'vitest';
import { errorOf } from '../../support/errors.ts';
import { asArray, DEFAULT_JSON_LIMITS, idOf, isJsonObject, jsonDepth, measureJson, parseJson, parseJsonObject, tryParseJson, typesOf } from '../../../src/lib/formats/json.ts';


describe('measureJson: the shape, in one pass', () => {
  it.each([
    ['1', { depth: 0, nodes: 1, longestArray: 0 }],
    ['[]', { depth: 1, nodes: 1, longestArray: 0 }],
    ['{}', { depth: 1, nodes: 1, longestArray: 0 }],
    ['[1]', { depth: 1, nodes: 2, longestArray: 1 }],
    ['[ 1 , 2 ]', { depth: 1, nodes: 3, longestArray: 2 }],
    ['{"a":1,"b":[1,2,3]}', { depth: 2, nodes: 6, longestArray: 3 }],
    ['[[1,2],[3,4,5,6],[]]', { depth: 2, nodes: 10, longestArray: 4 }],
    ['[[],[[]],[[[7]]]]', { depth: 4, nodes: 8, longestArray: 3 }],
    // Brackets, commas and escaped quotes inside strings are text, not structure.
    ['["[,{", "a\\"],[", "\\\\"]', { depth: 1, nodes: 4, longestArray: 3 }],
    ['{"k,[":"v]}"}', { depth: 1, nodes: 2, longestArray: 0 }],
    // Whitespace of every JSON kind is skipped, also right after an opening bracket.
    ['[\n\t\r 1,\n2\t]', { depth: 1, nodes: 3, longestArray: 2 }],
    ['{ \n}', { depth: 1, nodes: 1, longestArray: 0 }],
    ['[\t]', { depth: 1, nodes: 1, longestArray: 0 }],
    ['{\r}', { depth: 1, nodes: 1, longestArray: 0 }],
    // An object's members are values, but its commas do not make it an array.
    ['{"a":1,"b":2,"c":3,"d":4}', { depth: 1, nodes: 5, longestArray: 0 }],
    ['[{"a":1,"b":2,"c":3}]', { depth: 2, nodes: 5, longestArray: 1 }],
    // The longest array counts the array that holds most, wherever it is.
    ['[1,[1,2,3],2]', { depth: 2, nodes: 7, longestArray: 3 }],
    // The depth is the deepest reached anywhere, not the depth of the last container opened.
    ['[[[1]],[2]]', { depth: 3, nodes: 6, longestArray: 2 }],
  ])('%s', (text, shape) => {
    // Strictly: within every limit, the shape has no `exceeded` at all.
    expect(measureJson(text)).toStrictEqual(shape);
  });

  it('malformed text: more closing than opening brackets never goes below depth 0', () => {
    expect(measureJson(']]][1]')).toEqual({ depth: 1, nodes: 2, longestArray: 1 });
    // A container left open at the end of the text has no member it never had.
    expect(measureJson('[')).toEqual({ depth: 1, nodes: 1, longestArray: 0 });
    expect(errorOf(() => parseJson('{"a":[', { maxNodes: 2 })).code).toBe('JSON_MALFORMED');
  });

  it('depth: exactly the limit passes, one more stops the scan', () => {
    expect(measureJson('[[[]]]', { maxDepth: 3 })).toEqual({ depth: 3, nodes: 3, longestArray: 1 });
    expect(measureJson('[[[[]]]]', { maxDepth: 3 })).toEqual({ depth: 4, nodes: 4, longestArray: 1, exceeded: 'depth' });
  });

  it('array: exactly the limit passes, one more stops the scan (in a nested array too)', () => {
    expect(measureJson('[1,2,3]', { maxArrayLength: 3 }).exceeded).toBeUndefined();
    expect(measureJson('[1,2,3,4]', { maxArrayLength: 3 })).toEqual({ depth: 1, nodes: 5, longestArray: 4, exceeded: 'array' });
    expect(measureJson('{"a":[[1,2,3,4]]}', { maxArrayLength: 3 }).exceeded).toBe('array');
    // A bound of 0 allows empty arrays only: the first member is counted against it too.
    expect(measureJson('[1]', { maxArrayLength: 0 })).toEqual({ depth: 1, nodes: 2, longestArray: 1, exceeded: 'array' });
    expect(measureJson('{"a":[],"b":{"c":1}}', { maxArrayLength: 0 }).exceeded).toBeUndefined();
    expect(measureJson('[1]', { maxArrayLength: 1 })).toEqual({ depth: 1, nodes: 2, longestArray: 1 });
    // An object with many members is no long array.
    expect(measureJson('{"a":1,"b":2,"c":3,"d":4}', { maxArrayLength: 1 }).exceeded).toBeUndefined();
  });

  it('nodes: exactly the limit passes, one more stops the scan (first member or comma)', () => {
    expect(measureJson('[1,2]', { maxNodes: 3 }).exceeded).toBeUndefined();
    expect(measureJson('[1,2,3]', { maxNodes: 3 })).toEqual({ depth: 1, nodes: 4, longestArray: 2, exceeded: 'nodes' });
    expect(measureJson('[[1]]', { maxNodes: 2 })).toEqual({ depth: 2, nodes: 3, longestArray: 1, exceeded: 'nodes' });
    expect(measureJson('{"a":{"b":1}}', { maxNodes: 2 })).toEqual({ depth: 2, nodes: 3, longestArray: 0, exceeded: 'nodes' });
  });

  it('jsonDepth stops early past its limit', () => {
    expect(jsonDepth('[[[[[[]]]]]]')).toBe(6);
    expect(jsonDepth('[[[[[[]]]]]]', 2)).toBe(3);
    expect(jsonDepth('"[[["')).toBe(0);
  });
});

describe('parseJson', () => {
  it('the default limits', () => {
    expect(DEFAULT_JSON_LIMITS).toEqual({ maxLength: 8 * 1024 * 1024, maxDepth: 64, maxArrayLength: 1000, maxNodes: 50_000 });
  });

  it('text longer than maxLength: INPUT_TOO_LARGE with the length and limit; exactly maxLength passes', () => {
    expect(parseJson('[1, 2]', { maxLength: 6 })).toEqual([1, 2]);
    expect(errorOf(() => parseJson('[1, 2] ', { maxLength: 6 }))).toEqual({ code: 'INPUT_TOO_LARGE', data: { length: 7, limit: 6 }, message: 'JSON text of 7 characters exceeds 6' });
  });

  it('each bound has its own code, its limit in the data and the message', () => {
    expect(errorOf(() => parseJson('[[1]]', { maxDepth: 1 }))).toEqual({ code: 'JSON_TOO_DEEP', data: { limit: 1 }, message: 'JSON nests deeper than 1 levels' });
    expect(errorOf(() => parseJson('[1,2]', { maxArrayLength: 1 }))).toEqual({ code: 'JSON_ARRAY_TOO_LONG', data: { limit: 1 }, message: 'a JSON array holds more than 1 values' });
    expect(errorOf(() => parseJson('[1,2]', { maxNodes: 2 }))).toEqual({ code: 'JSON_TOO_MANY_VALUES', data: { limit: 2 }, message: 'JSON holds more than 2 values' });
  });

  it('the default depth bound is 64', () => {
    expect(parseJson('['.repeat(64) + ']'.repeat(64))).toBeDefined();
    expect(errorOf(() => parseJson('['.repeat(65) + ']'.repeat(65))).code).toBe('JSON_TOO_DEEP');
  });

  it('malformed JSON: JSON_MALFORMED with the parser’s message', () => {
    const e = errorOf(() => parseJson('{"a":'));
    expect(e.code).toBe('JSON_MALFORMED');
    expect(e.message).not.toBe('');
    expect(e.message).not.toBe('malformed JSON');
  });

  it('the fast path: JSON.parse runs without a reviver unless the text could spell "__proto__"', () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      expect(parseJson('{"a":[1,"u"]}')).toEqual({ a: [1, 'u'] });
      expect(parse.mock.calls.map((c) => c.length)).toEqual([1]);
      parse.mockClear();
      // A \u escape could spell the key: the reviver looks at every key.
      expect(parseJson('{"a":"\\u0041"}')).toEqual({ a: 'A' });
      expect(parse.mock.calls.map((c) => typeof c[1])).toEqual(['function']);
    } finally {
      parse.mockRestore();
    }
  });

  it('malformed JSON: the parser’s own error is kept as the cause', () => {
    let cause: unknown;
    try {
      parseJson('{"a":');
    } catch (e) {
      cause = (e as Error).cause;
    }
    expect(cause).toBeInstanceOf(SyntaxError);
  });

  it('__proto__ anywhere is refused, naming the key; other keys are fine', () => {
    expect(errorOf(() => parseJson('{"a":{"__proto__":{"x":1}}}'))).toEqual({ code: 'JSON_FORBIDDEN_KEY', data: { key: '__proto__' }, message: 'JSON contains the forbidden key "__proto__"' });
    expect(parseJson('{"constructor":1,"prototype":2,"proto":3}')).toEqual({ constructor: 1, prototype: 2, proto: 3 });
  });

  it('parseJsonObject: only an object; tryParseJson: undefined for anything refused', () => {
    expect(parseJsonObject('{"a":1}')).toEqual({ a: 1 });
    expect(errorOf(() => parseJsonObject('[1]'))).toMatchObject({ code: 'NOT_A_CREDENTIAL', message: 'JSON is not an object' });
    expect(errorOf(() => parseJsonObject('null')).code).toBe('NOT_A_CREDENTIAL');
    expect(tryParseJson('[1,2]')).toEqual([1, 2]);
    expect(tryParseJson('[1,2]', { maxArrayLength: 1 })).toBeUndefined();
    expect(tryParseJson('nope')).toBeUndefined();
    expect(tryParseJson('null')).toBeNull();
  });
});

describe('the JSON-LD-ish helpers', () => {
  it('isJsonObject: objects only', () => {
    expect([{}, [], null, 'x', 1].map(isJsonObject)).toEqual([true, false, false, false, false]);
  });
  it('asArray: absent and null are empty; one value is one', () => {
    expect(asArray(undefined)).toEqual([]);
    expect(asArray(null)).toEqual([]);
    expect(asArray(0)).toEqual([0]);
    expect(asArray('')).toEqual(['']);
    expect(asArray([1, 2])).toEqual([1, 2]);
  });
  it('idOf: an IRI string, or an object’s string id', () => {
    expect(idOf('urn:x')).toBe('urn:x');
    expect(idOf({ id: 'urn:y' })).toBe('urn:y');
    expect(idOf({ id: 7 })).toBeUndefined();
    expect(idOf(['urn:x'])).toBeUndefined();
    expect(idOf(undefined)).toBeUndefined();
  });
  it('typesOf: type or @type, strings only', () => {
    expect(typesOf({ type: 'A' })).toEqual(['A']);
    expect(typesOf({ '@type': ['A', 7, 'B'] })).toEqual(['A', 'B']);
    expect(typesOf({ type: ['T'], '@type': ['U'] })).toEqual(['T']);
    expect(typesOf(['A'])).toEqual([]);
    expect(typesOf({})).toEqual([]);
    expect(typesOf(undefined)).toEqual([]);
    expect(typesOf(null)).toEqual([]);
    expect(typesOf('A')).toEqual([]);
  });
});
