import { describe, expect, it } from 'vitest';
import { mainQuantity, parseQuantities, ruleFor, toHours, unitsMentioned } from '../../../src/lib/descriptors/credit.ts';

describe('credit systems → hours', () => {
  it('converts with the ranges of STANDARDS.md §6', () => {
    expect(toHours(1, 'ects')).toEqual({ min: 25, max: 30 });
    expect(toHours(1.5, 'ects')).toEqual({ min: 37.5, max: 45 });
    expect(toHours(1, 'ucts')).toEqual({ min: 38, max: 48 });
    expect(toHours(2, 'jp-tani')).toEqual({ min: 90, max: 90 });
    expect(toHours(3, 'us-semester')).toEqual({ min: 135, max: 135 });
    expect(toHours(15, 'hours')).toEqual({ min: 15, max: 15 });
    expect(toHours({ min: 20, max: 30 }, 'hours')).toEqual({ min: 20, max: 30 });
    expect(toHours(0.1, 'ects')).toEqual({ min: 2.5, max: 3 }); // no 3.0000000000000004
  });

  it('never converts an unknown unit or an unusable amount', () => {
    expect(toHours(36, 'unknown')).toBeNull();
    expect(toHours(Number.NaN, 'ects')).toBeNull();
    expect(toHours(Number.POSITIVE_INFINITY, 'ects')).toBeNull();
    expect(toHours(-1, 'hours')).toBeNull();
    expect(toHours({ min: 3, max: 1 }, 'hours')).toBeNull();
  });

  it('names the rule used', () => {
    expect(ruleFor('ects')).toBe('ECTS_25_30');
    expect(ruleFor('ucts')).toBe('UCTS_38_48');
    expect(ruleFor('jp-tani')).toBe('JP_TANI_45');
    expect(ruleFor('us-semester')).toBe('US_SEMESTER_45');
    expect(ruleFor('hours')).toBe('HOURS');
  });
});

describe('reading amounts from text', () => {
  it.each([
    ['2 credits (ECTS)', 2, 2, 'ects', '2 credits (ECTS)'],
    ['1.5 ECTS', 1.5, 1.5, 'ects', '1.5 ECTS'],
    ['1,5 EC', 1.5, 1.5, 'ects', '1,5 EC'],
    ['ECTS: 3', 3, 3, 'ects', 'ECTS: 3'],
    ['3 UCTS', 3, 3, 'ucts', '3 UCTS'],
    ['1 credit (UCTS)', 1, 1, 'ucts', '1 credit (UCTS)'],
    ['1単位', 1, 1, 'jp-tani', '1単位'],
    ['２単位', 2, 2, 'jp-tani', '2単位'],
    ['30時間', 30, 30, 'hours', '30時間'],
    ['１５時間', 15, 15, 'hours', '15時間'],
    ['15 hours', 15, 15, 'hours', '15 hours'],
    ['20–30 hours', 20, 30, 'hours', '20–30 hours'],
    ['20〜30時間', 20, 30, 'hours', '20〜30時間'],
    ['1,500 hours', 1500, 1500, 'hours', '1,500 hours'],
    ['3 semester credits', 3, 3, 'us-semester', '3 semester credits'],
    ['3 credit hours', 3, 3, 'us-semester', '3 credit hours'],
    ['2 credits', 2, 2, 'unknown', '2 credits'],
  ])('%s', (text, min, max, unit, words) => {
    expect(mainQuantity(text)).toMatchObject({ amount: { min, max }, unit, text: words });
  });

  it('finds nothing in text without an amount and a unit', () => {
    expect(parseQuantities('projects: 3')).toEqual([]);
    expect(parseQuantities('Stackable with 3 other badges')).toEqual([]);
    expect(mainQuantity('none')).toBeNull();
  });

  it('prefers a stated total, skips rates, and picks hours for effort or credit units for credit', () => {
    expect(mainQuantity('総学習時間 45時間（うち授業15時間）')?.amount).toEqual({ min: 45, max: 45 });
    expect(mainQuantity('授業15時間、自習30時間、合計45時間')?.amount).toEqual({ min: 45, max: 45 });
    expect(mainQuantity('15 hours of class and 30 hours of self-study, 45 hours in total')?.amount).toEqual({ min: 45, max: 45 });
    expect(mainQuantity('3 hours per week')).toBeNull();
    expect(mainQuantity('週3時間 × 15週、合計45時間')?.amount).toEqual({ min: 45, max: 45 });
    expect(mainQuantity('2 ECTS (50-60 hours)', 'hours')).toMatchObject({ unit: 'hours', amount: { min: 50, max: 60 } });
    expect(mainQuantity('2 ECTS (50-60 hours)', 'credit')).toMatchObject({ unit: 'ects', amount: { min: 2, max: 2 } });
  });

  it('lists the units a text names even without a number', () => {
    expect(unitsMentioned('Credits are given in UCTS')).toEqual(['ucts']);
    expect(unitsMentioned('本学の単位として認定; 1.5 ECTS')).toEqual(['jp-tani', 'ects']);
    expect(unitsMentioned('student projects')).toEqual([]);
  });
});
