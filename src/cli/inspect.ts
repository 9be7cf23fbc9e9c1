/**
 * `tsumiki inspect`: what an input holds — format, container, baked chunk, the credential JSON —
 * and the micro-credential descriptors with the framework check (issue 5's JSON contract).
 */
import { descriptorWords, extractDescriptors, listClrAchievements, toDescriptorsJson, DESCRIPTOR_IDS, type DescriptorsJson } from '../lib/descriptors/index.ts';
import { isTsumikiError } from '../lib/errors.ts';
import { parseInputAsync } from '../lib/formats/parse.ts';
import type { JsonObject, ParsedCredential } from '../lib/model/credential.ts';
import { createEnv } from '../lib/verify/env.ts';
import { tryReading } from '../lib/verify/pipeline.ts';

/** Descriptors of what was signed (the one reading); CLR achievements from the record's own inner credentials. */
function descriptorsOf(c: ParsedCredential, document: JsonObject): DescriptorsJson & { clrAchievements?: unknown[] } {
  const own = toDescriptorsJson(extractDescriptors(document));
  if (!c.format.startsWith('clr2')) return own;
  const clrAchievements = listClrAchievements(c.credential).flatMap((item) =>
    item.kind === 'credential' ? [{ path: item.path, name: item.name, ...toDescriptorsJson(extractDescriptors(item.credential)) }] : [],
  );
  return { ...own, clrAchievements };
}

function printDescriptors(d: DescriptorsJson, out: (s: string) => void): void {
  out('  descriptors:');
  for (const id of DESCRIPTOR_IDS) {
    const v = d.descriptors[id];
    const name = descriptorWords.descriptorName(id, 'en').padEnd(34);
    out(`    ${v ? '✔' : '·'} ${name} ${v ? `${v.value.replace(/\s+/g, ' ').slice(0, 90)}  [${v.source}]` : '—'}`);
  }
  const range = (r: { min: number; max: number } | null) => (r ? (r.min === r.max ? `${r.min} h` : `${r.min}–${r.max} h`) : 'unknown');
  out(`  learner effort: ${range(d.effortHours)}; credit: ${range(d.creditHours)}`);
  const mc = d.framework.microCredential;
  const why = descriptorWords.mcText({ isMicroCredential: d.framework.isMicroCredential, code: mc.code, sets: mc.sets, signals: [], missing: [] }, 'en');
  out(`  micro-credential: ${why.answer.toLowerCase()} — ${why.reason}`);
  out(`  JV-Campus/JMOOC: ${descriptorWords.verdictText(d.framework.verdict, 'en')} (${d.framework.mandatoryPresent}/11 mandatory)`);
  out(`  EU: ${descriptorWords.verdictText(d.framework.eu.verdict, 'en')}`);
}

export async function inspectBytes(files: string[], json: boolean, read: (f: string) => Promise<Uint8Array>): Promise<number> {
  const results: Array<Record<string, unknown>> = [];
  let failed = false;
  for (const file of files) {
    try {
      const outcome = await parseInputAsync(await read(file));
      if (outcome.kind === 'url') {
        results.push({ file, kind: 'url', url: outcome.url, ...(outcome.baked ? { baked: outcome.baked } : {}) });
        continue;
      }
      for (const [i, c] of outcome.input.credentials.entries()) {
        // Offline, as inspect always is: an OB 2.0 issuer Profile is not known unless it was fetched.
        const read = await tryReading(c, createEnv());
        const document = 'reading' in read ? read.reading.document : {};
        results.push({
          file,
          ...(outcome.input.credentials.length > 1 ? { index: i } : {}),
          format: c.format,
          container: c.container,
          bytes: c.bytes.byteLength,
          ...(c.baked ? { baked: c.baked } : {}),
          ...(c.attachment ? { attachment: { name: c.attachment.name, mime: c.attachment.mime, bytes: c.attachment.bytes.byteLength } } : {}),
          ...(c.jws ? { jws: { length: c.jws.length } } : {}),
          badge: 'reading' in read ? read.reading.badge : null,
          ...('error' in read ? { error: read.error } : {}),
          ...descriptorsOf(c, document),
          credential: c.credential,
        });
      }
    } catch (e) {
      failed = true;
      const code = isTsumikiError(e) ? e.code : 'FILE_UNREADABLE';
      results.push({ file, error: { code, message: e instanceof Error ? e.message : String(e) } });
    }
  }
  const out = (s: string) => process.stdout.write(s + '\n');
  if (json) out(JSON.stringify({ results }, null, 2));
  else {
    for (const r of results) {
      out(`${String(r.file)}: ${r.format === undefined && r.error ? `error ${JSON.stringify(r.error)}` : `${String(r.format ?? r.kind)} in ${String(r.container ?? 'url')}`}`);
      if (r.format !== undefined && r.error) out(`  not readable: ${JSON.stringify(r.error)}`);
      if (r.badge) out(`  badge: ${JSON.stringify(r.badge)}`);
      if (r.baked) out(`  baked: ${JSON.stringify(r.baked)}`);
      if (r.descriptors) printDescriptors(r as unknown as DescriptorsJson, out); // why: a result with descriptors was built from DescriptorsJson above
      if (r.credential) out('  credential:\n' + JSON.stringify(r.credential, null, 2).replace(/^/gm, '    '));
    }
  }
  return failed ? 1 : 0;
}
