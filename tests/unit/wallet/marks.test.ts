/** Descriptor marks for the wallet list (issue 5): micro-credential, effort hours, credit in its unit. */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parseInput } from '../../../src/lib/formats/parse.ts';
import { marksOf } from '../../../src/lib/wallet/marks.ts';
import { readVc } from '../../../src/lib/verify/reading/index.ts';
import { summarize } from '../../../src/lib/wallet/summary.ts';

const demo = (f: string) => {
  const o = parseInput(new Uint8Array(readFileSync(new URL(`../../../public/demo/${f}`, import.meta.url))));
  if (o.kind !== 'credentials' || !o.input.credentials[0]) throw new Error(f);
  return o.input.credentials[0];
};

test.each([
  ['01-data-literacy.png', { v: 2, micro: true, effortHours: { min: 45, max: 45 }, credit: { amount: { min: 1, max: 1 }, unit: 'jp-tani' } }],
  ['03-academic-writing.json', { v: 2, micro: true, effortHours: { min: 90, max: 90 }, credit: { amount: { min: 2, max: 2 }, unit: 'jp-tani' } }],
  // A course that states every mandatory JV-Campus/JMOOC descriptor is a micro-credential (micro-credential.ts).
  ['02-python-basics.json', { v: 2, micro: true, effortHours: { min: 20, max: 20 }, credit: null }],
  // "Certificate of completion (12 hours)": workload, not credit, so no credit mark.
  ['04-sdgs.json', { v: 2, micro: true, effortHours: { min: 12, max: 12 }, credit: null }],
])('%s', async (file, marks) => {
  const parsed = demo(file);
  expect(marksOf(parsed.credential)).toEqual(marks);
  const { reading } = await readVc(parsed);
  expect(marksOf(reading.document)).toEqual(marks);
  expect(summarize(parsed, reading).summary.marks).toEqual(marks);
});

test('a credential of an odd shape gives empty marks, never an exception', () => {
  expect(marksOf({})).toEqual({ v: 2, micro: false, effortHours: null, credit: null });
  expect(marksOf({ credentialSubject: { achievement: { name: 'Micro-credential in X', criteria: { narrative: 'Credit: 2 ECTS' } } } })).toMatchObject({ credit: { unit: 'ects', amount: { min: 2, max: 2 } } });
});
