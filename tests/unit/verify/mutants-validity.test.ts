// Tests written from surviving mutants (StrykerJS, `npm run mutate`): the validity step and the date
// readers it uses, called directly. Clock-skew edges are exact to the millisecond, both sides.
import { describe, expect, it } from 'vitest';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { isoOf, jwtInstant, ob2Instant, rememberedDates, vcInstant } from '../../../src/lib/verify/reading/dates.ts';
import { checkValidity, joinPeriods, ob2Period, vcPeriod, type Period } from '../../../src/lib/verify/steps/validity.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const SKEW_S = 300;
const env = createEnv({ now: NOW, clockSkewSeconds: SKEW_S });
const at = (ms: number) => new Date(ms).toISOString();

describe('vcInstant: a zoned xsd:dateTime, nothing else', () => {
  it.each([
    ['2026-06-01T00:00:00Z', Date.parse('2026-06-01T00:00:00Z')],
    ['2026-06-01T09:00:00+09:00', Date.parse('2026-06-01T00:00:00Z')],
    ['2026-05-31T19:30:00-04:30', Date.parse('2026-06-01T00:00:00Z')],
    ['2026-06-01T00:00:00.5Z', Date.parse('2026-06-01T00:00:00.500Z')],
    ['2026-06-01T00:00:00.123456789Z', Date.parse('2026-06-01T00:00:00.123Z')],
    ['2016-12-31T23:59:60Z', Date.parse('2016-12-31T23:59:59Z')], // a leap second reads as :59
    ['2024-02-29T00:00:00Z', Date.parse('2024-02-29T00:00:00Z')],
  ])('%s', (text, ms) => {
    expect(vcInstant(text)).toBe(ms);
  });

  it.each([
    '2026-06-01T00:00:00', // no zone
    '2026-06-01 00:00:00Z', // a space for T
    '2026-06-01',
    '2026-06-01T00:00Z',
    '2026-06-01T00:00:00+0900', // VC needs the colon
    '2026-13-01T00:00:00Z',
    '2026-00-01T00:00:00Z',
    '2026-06-00T00:00:00Z',
    '2026-06-31T00:00:00Z', // June has 30 days
    '2025-02-29T00:00:00Z', // not a leap year
    '2026-06-01T24:00:00Z',
    '2026-06-01T00:60:00Z',
    '2026-06-01T00:00:61Z',
    ' 2026-06-01T00:00:00Z',
    `2026-06-01T00:00:00.${'1'.repeat(30)}Z`, // longer than 40 characters
  ])('%j is no VC date', (text) => {
    expect(vcInstant(text)).toBeUndefined();
  });

  it('only strings', () => {
    expect(vcInstant(1_780_000_000)).toBeUndefined();
    expect(vcInstant(null)).toBeUndefined();
  });
});

describe('ob2Instant: ISO 8601 (no zone is UTC) or Unix seconds', () => {
  it.each([
    ['2026-06-01', Date.parse('2026-06-01T00:00:00Z')],
    ['2026-06-01T12:30', Date.parse('2026-06-01T12:30:00Z')],
    ['2026-06-01T12:30:15', Date.parse('2026-06-01T12:30:15Z')],
    ['2026-06-01T12:30:15.25', Date.parse('2026-06-01T12:30:15.250Z')],
    ['2026-06-01T21:30:15+0900', Date.parse('2026-06-01T12:30:15Z')],
    ['2026-06-01T21:30:15+09:00', Date.parse('2026-06-01T12:30:15Z')],
    ['1780000000', 1_780_000_000_000],
    ['-86400', -86_400_000],
    [1_780_000_000, 1_780_000_000_000],
    [1_780_000_000.5, 1_780_000_000_500],
  ] as const)('%j', (value, ms) => {
    expect(ob2Instant(value)).toBe(ms);
  });

  it.each([1e11, -1e11, Infinity, NaN, '123456789012', '2026-06-01T25:00', '2026-06-01T12:30:15+9', 'June 1, 2026', `2026-06-01T00:00:00.${'1'.repeat(30)}`, true])('%j is no OB 2.0 date', (value) => {
    expect(ob2Instant(value)).toBeUndefined();
  });
});

describe('jwtInstant and isoOf', () => {
  it('NumericDate seconds within ±1e11', () => {
    expect(jwtInstant(1_780_000_000)).toBe(1_780_000_000_000);
    expect(jwtInstant(-5)).toBe(-5000);
    expect(jwtInstant(99_999_999_999)).toBe(99_999_999_999_000);
    for (const v of [1e11, -1e11, Infinity, NaN, '1780000000']) expect(jwtInstant(v)).toBeUndefined();
  });

  it('isoOf: milliseconds as ISO 8601, or null', () => {
    expect(isoOf(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(isoOf(undefined)).toBeNull();
    expect(isoOf(Infinity)).toBeNull();
    expect(isoOf(8.64e15 + 1)).toBeNull(); // finite, but past the last instant a Date can hold
  });
});

describe('mutants: reading/dates.ts', () => {
  it('the Gregorian leap years: 2000 and 2400 have a 29 February, 1900 and 2100 do not', () => {
    for (const y of ['2000', '2400', '0400']) expect(vcInstant(`${y}-02-29T00:00:00Z`)).toBe(Date.parse(`${y}-02-29T00:00:00Z`));
    for (const y of ['1900', '2100', '0100']) {
      expect(vcInstant(`${y}-02-29T00:00:00Z`)).toBeUndefined();
      expect(ob2Instant(`${y}-02-29`)).toBeUndefined();
    }
    expect(ob2Instant('2000-02-29')).toBe(Date.parse('2000-02-29T00:00:00Z'));
  });

  it('a zone is within xsd:dateTime\'s range: at most ±14:00, minutes 00–59 (found by the mutation run: +99:59 was read)', () => {
    for (const zone of ['+14:00', '-14:00', '+13:59', '+05:45']) expect(vcInstant(`2026-06-01T00:00:00${zone}`)).toBe(Date.parse(`2026-06-01T00:00:00${zone}`));
    for (const zone of ['+14:01', '-14:30', '+15:00', '+99:59', '+09:60', '-00:99']) expect(vcInstant(`2026-06-01T00:00:00${zone}`)).toBeUndefined();
    expect(ob2Instant('2026-06-01T00:00:00+0900')).toBe(Date.parse('2026-05-31T15:00:00Z'));
    expect(ob2Instant('2026-06-01T00:00:00-1400')).toBe(Date.parse('2026-06-01T14:00:00Z'));
    for (const zone of ['+1401', '+1500', '+0960', '+99:59']) expect(ob2Instant(`2026-06-01T00:00:00${zone}`)).toBeUndefined();
  });

  it('a date is the whole text: nothing before it, nothing after its zone (static mutants of the two patterns)', () => {
    for (const text of ['2026-06-01T00:00:00Zjunk', '2026-06-01T00:00:00+09:00:00', 'x2026-06-01T00:00:00Z', '2026-06-01T00:00:00Z\n']) expect(vcInstant(text)).toBeUndefined();
    for (const text of ['x2026-06-01', 'on 2026-06-01T00:00Z', '2026-06-01junk', '2026-06-01T00:00:00Z\n']) expect(ob2Instant(text)).toBeUndefined();
  });

  it('only a string is a date: an array holding one is not read through its text', () => {
    expect(vcInstant(['2026-06-01T00:00:00Z'])).toBeUndefined();
    expect(ob2Instant(['2026-06-01'])).toBeUndefined();
    for (const value of [null, undefined, {}]) {
      expect(vcInstant(value)).toBeUndefined();
      expect(ob2Instant(value)).toBeUndefined();
    }
  });

  it('vcInstant remembers at most 512 readings, then starts over; never one of a string over 40 characters', () => {
    // Fill the memory (whatever earlier tests left in it) with readings of strings no other test reads.
    for (let i = 0; i < 1024 && rememberedDates() < 512; i++) vcInstant(`fill ${i}`);
    expect(rememberedDates()).toBe(512);
    const first = '1987-06-02T09:00:00+09:00';
    expect(vcInstant(first)).toBe(Date.parse('1987-06-02T00:00:00Z'));
    expect(rememberedDates()).toBe(1); // the 513th reading starts over
    for (let i = 0; i < 511; i++) vcInstant(`again ${i}`);
    expect(rememberedDates()).toBe(512);
    expect(vcInstant('again 510')).toBeUndefined(); // remembered readings, given again: the full memory is kept
    expect(vcInstant(first)).toBe(Date.parse('1987-06-02T00:00:00Z'));
    expect(rememberedDates()).toBe(512);
    expect(vcInstant('1987-06-03T09:00:00+09:00')).toBe(Date.parse('1987-06-03T00:00:00Z')); // a new one: starts over
    expect(rememberedDates()).toBe(1);
    vcInstant('x'.repeat(41));
    expect(rememberedDates()).toBe(1);
    vcInstant('x'.repeat(40));
    expect(rememberedDates()).toBe(2);
  });

  it('isoOf: any instant a Date holds, to the millisecond', () => {
    expect(isoOf(1_780_000_000_123)).toBe('2026-05-28T20:26:40.123Z');
    expect(isoOf(-1)).toBe('1969-12-31T23:59:59.999Z');
    expect(isoOf(8.64e15)).toBe('+275760-09-13T00:00:00.000Z');
    expect(isoOf(NaN)).toBeNull();
    expect(isoOf(-Infinity)).toBeNull();
  });
});

describe('the periods', () => {
  it('a VC reading: every value of validFrom/issuanceDate and validUntil/expirationDate is a bound', () => {
    expect(vcPeriod({ validFrom: '2025-01-01T00:00:00Z', issuanceDate: ['2024-01-01T00:00:00Z', 'soon'], validUntil: null })).toEqual({
      from: [
        { field: 'validFrom', value: '2025-01-01T00:00:00Z', at: Date.parse('2025-01-01T00:00:00Z') },
        { field: 'issuanceDate', value: '2024-01-01T00:00:00Z', at: Date.parse('2024-01-01T00:00:00Z') },
        { field: 'issuanceDate', value: 'soon', at: undefined },
      ],
      until: [],
    });
    expect(vcPeriod({ expirationDate: '2030-01-01T00:00:00Z' }).until).toEqual([{ field: 'expirationDate', value: '2030-01-01T00:00:00Z', at: Date.parse('2030-01-01T00:00:00Z') }]);
  });

  it('an OB 2.0 assertion: issuedOn and expires; joined periods keep every bound', () => {
    const ob2 = ob2Period({ issuedOn: '2025-01-01', expires: 1_893_456_000 });
    expect(ob2).toEqual({ from: [{ field: 'issuedOn', value: '2025-01-01', at: Date.parse('2025-01-01T00:00:00Z') }], until: [{ field: 'expires', value: 1_893_456_000, at: 1_893_456_000_000 }] });
    const vc = vcPeriod({ validFrom: '2025-06-01T00:00:00Z' });
    expect(joinPeriods(ob2, vc)).toEqual({ from: [...ob2.from, ...vc.from], until: ob2.until });
  });
});

describe('checkValidity', () => {
  const period = (from: Array<[string, number]>, until: Array<[string, number]>): Period => ({
    from: from.map(([field, ms]) => ({ field, value: at(ms), at: ms })),
    until: until.map(([field, ms]) => ({ field, value: at(ms), at: ms })),
  });
  const now = NOW.getTime();
  const skew = SKEW_S * 1000;

  it('no bounds: passed, with the clock', () => {
    expect(checkValidity({ from: [], until: [] }, env)).toEqual({ id: 'validity-period', outcome: 'passed', code: 'WITHIN_VALIDITY', data: { now: NOW.toISOString() } });
  });

  it('valid from exactly now + skew: still valid; one millisecond later: not yet', () => {
    expect(checkValidity(period([['validFrom', now + skew]], []), env)).toMatchObject({ outcome: 'passed' });
    expect(checkValidity(period([['validFrom', now + skew + 1]], []), env)).toMatchObject({ outcome: 'failed', code: 'NOT_YET_VALID' });
  });

  it('valid until exactly now − skew: still valid; one millisecond earlier: expired', () => {
    expect(checkValidity(period([], [['validUntil', now - skew]]), env)).toMatchObject({ outcome: 'passed' });
    expect(checkValidity(period([], [['validUntil', now - skew - 1]]), env)).toMatchObject({ outcome: 'failed', code: 'EXPIRED' });
  });

  it('the latest start and the earliest end decide, whatever their order, and are the ones shown', () => {
    const early = Date.parse('2025-01-01T00:00:00Z');
    const late = Date.parse('2027-01-01T00:00:00Z');
    for (const from of [[['validFrom', early], ['nbf', late]], [['nbf', late], ['validFrom', early]]] as Array<Array<[string, number]>>) {
      expect(checkValidity(period(from, []), env)).toEqual({ id: 'validity-period', outcome: 'failed', code: 'NOT_YET_VALID', data: { now: NOW.toISOString(), validFrom: at(late), fromField: 'nbf' } });
    }
    for (const until of [[['validUntil', late], ['exp', early]], [['exp', early], ['validUntil', late]]] as Array<Array<[string, number]>>) {
      expect(checkValidity(period([], until), env)).toEqual({ id: 'validity-period', outcome: 'failed', code: 'EXPIRED', data: { now: NOW.toISOString(), validUntil: at(early), untilField: 'exp' } });
    }
    expect(checkValidity(period([['validFrom', early]], [['validUntil', late]]), env)).toEqual({
      id: 'validity-period',
      outcome: 'passed',
      code: 'WITHIN_VALIDITY',
      data: { now: NOW.toISOString(), validFrom: at(early), fromField: 'validFrom', validUntil: at(late), untilField: 'validUntil' },
    });
  });

  it('not yet valid wins over expired when both hold', () => {
    expect(checkValidity(period([['validFrom', now + 10 * skew]], [['validUntil', now - 10 * skew]]), env)).toMatchObject({ code: 'NOT_YET_VALID' });
  });

  it('a bound given as a number is shown as ISO 8601; as a string, as written', () => {
    const ob2 = ob2Period({ issuedOn: 1_735_689_600, expires: '2030-01-01' });
    expect(checkValidity(ob2, env).data).toEqual({ now: NOW.toISOString(), validFrom: '2025-01-01T00:00:00.000Z', fromField: 'issuedOn', validUntil: '2030-01-01', untilField: 'expires' });
  });

  it('a bound that is no date: DATE_INVALID with its field and at most 64 characters of it', () => {
    const long = 'x'.repeat(100);
    expect(checkValidity(vcPeriod({ validFrom: '2025-01-01T00:00:00Z', validUntil: long }), env)).toEqual({ id: 'validity-period', outcome: 'failed', code: 'DATE_INVALID', data: { field: 'validUntil', value: 'x'.repeat(64) } });
    const object = { '@value': 'y'.repeat(100) };
    expect(checkValidity(vcPeriod({ validUntil: object }), env)).toEqual({ id: 'validity-period', outcome: 'failed', code: 'DATE_INVALID', data: { field: 'validUntil', value: JSON.stringify(object).slice(0, 64) } });
  });

  it('two bounds at the same instant: the first one given (the credential’s own field) is the one shown', () => {
    const t = Date.parse('2025-01-01T00:00:00Z');
    const both: Period = {
      from: [{ field: 'validFrom', value: '2025-01-01T09:00:00+09:00', at: t }, { field: 'nbf', value: t / 1000, at: t }],
      until: [{ field: 'validUntil', value: '2030-01-01T09:00:00+09:00', at: t + 1e11 }, { field: 'exp', value: (t + 1e11) / 1000, at: t + 1e11 }],
    };
    expect(checkValidity(both, env).data).toEqual({ now: NOW.toISOString(), validFrom: '2025-01-01T09:00:00+09:00', fromField: 'validFrom', validUntil: '2030-01-01T09:00:00+09:00', untilField: 'validUntil' });
  });
});
