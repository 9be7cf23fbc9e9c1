/** `tsumiki inspect`: what an input holds — format, container, baked chunk, the credential JSON. */
import { isTsumikiError } from '../lib/errors.ts';
import { parseInput } from '../lib/formats/parse.ts';

export async function inspectBytes(files: string[], json: boolean, read: (f: string) => Promise<Uint8Array>): Promise<number> {
  const results: unknown[] = [];
  let failed = false;
  for (const file of files) {
    try {
      const outcome = parseInput(await read(file));
      if (outcome.kind === 'url') {
        results.push({ file, kind: 'url', url: outcome.url, ...(outcome.baked ? { baked: outcome.baked } : {}) });
        continue;
      }
      for (const [i, c] of outcome.input.credentials.entries()) {
        results.push({
          file,
          ...(outcome.input.credentials.length > 1 ? { index: i } : {}),
          format: c.format,
          container: c.container,
          bytes: c.bytes.byteLength,
          ...(c.baked ? { baked: c.baked } : {}),
          ...(c.jws ? { jws: { length: c.jws.length } } : {}),
          credential: c.credential,
        });
      }
    } catch (e) {
      failed = true;
      const code = isTsumikiError(e) ? e.code : 'FILE_UNREADABLE';
      results.push({ file, error: { code, message: e instanceof Error ? e.message : String(e) } });
    }
  }
  if (json) process.stdout.write(JSON.stringify({ results }, null, 2) + '\n');
  else {
    for (const r of results as Array<Record<string, unknown>>) {
      process.stdout.write(`${String(r.file)}: ${r.error ? `error ${JSON.stringify(r.error)}` : `${String(r.format ?? r.kind)} in ${String(r.container ?? 'url')}`}\n`);
      if (r.baked) process.stdout.write(`  baked: ${JSON.stringify(r.baked)}\n`);
      if (r.credential) process.stdout.write(JSON.stringify(r.credential, null, 2).replace(/^/gm, '  ') + '\n');
    }
  }
  return failed ? 1 : 0;
}
