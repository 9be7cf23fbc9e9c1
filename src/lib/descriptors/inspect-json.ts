/**
 * The stable, JSON-friendly shape the CLI prints under `inspect --json` (and the store may keep):
 * one `{value, source}` or null per descriptor id, hours as `{min, max}` or null, and the framework
 * check. Everything richer (candidates, rules, unplaced text) stays in DescriptorReport.
 */
import { DESCRIPTOR_IDS, type DescriptorId, type EuMandatoryId } from './catalog.ts';
import type { Range } from './credit.ts';
import type { DescriptorReport } from './extract.ts';
import type { EuVerdict, JvVerdict } from './framework.ts';
import type { McCode } from './micro-credential.ts';

export interface DescriptorsJson {
  readonly descriptors: Readonly<Record<DescriptorId, { readonly value: string; readonly source: string } | null>>;
  readonly effortHours: Range | null;
  readonly creditHours: Range | null;
  readonly framework: {
    readonly mandatoryPresent: number;
    readonly missing: readonly DescriptorId[];
    readonly isMicroCredential: boolean;
    /** Additions to the contract: why it is or is not a micro-credential (micro-credential.ts), the verdict code and the EU check. */
    readonly microCredential: { readonly code: McCode; readonly sets: readonly ('jv' | 'eu')[] };
    readonly verdict: JvVerdict;
    readonly eu: { readonly mandatoryPresent: number; readonly missing: readonly EuMandatoryId[]; readonly verdict: EuVerdict };
  };
}

export function toDescriptorsJson(report: DescriptorReport): DescriptorsJson {
  const descriptors: Partial<Record<DescriptorId, { value: string; source: string } | null>> = {};
  for (const id of DESCRIPTOR_IDS) {
    const d = report.descriptors[id];
    descriptors[id] = d === null ? null : { value: d.value, source: d.source };
  }
  const hours = (r: DescriptorReport['effort']): Range | null => (r === null || r.hours === null ? null : { min: r.hours.min, max: r.hours.max });
  const f = report.framework;
  return {
    descriptors: descriptors as Record<DescriptorId, { value: string; source: string } | null>, // why: the loop set every id
    effortHours: hours(report.effort),
    creditHours: hours(report.credit),
    framework: {
      mandatoryPresent: f.mandatoryPresent,
      missing: [...f.missing],
      isMicroCredential: f.isMicroCredential,
      microCredential: { code: f.microCredential.code, sets: [...f.microCredential.sets] },
      verdict: f.verdict,
      eu: { mandatoryPresent: f.eu.mandatoryPresent, missing: [...f.eu.missing], verdict: f.eu.verdict },
    },
  };
}
