/** `--trust LIST`, shared by verify, scan and pathway. */
import { readFile } from 'node:fs/promises';
import { readTrustList } from '../lib/trust/lists.ts';
import type { VerifyEnv } from '../lib/verify/env.ts';

async function readInput(file: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(file));
}

/** A --trust list that cannot be used: it is never used silently (stderr, exit 2, no results). */
export class TrustListError extends Error {}

/** The environment with every --trust list read and verified in it, or a TrustListError. */
export async function withTrust(env: VerifyEnv, lists: readonly string[] | undefined): Promise<VerifyEnv> {
  if (!lists || lists.length === 0) return env;
  const loaded = [];
  for (const file of lists) {
    let bytes: Uint8Array;
    try {
      bytes = await readInput(file);
    } catch (e) {
      throw new TrustListError(`--trust ${file}: TRUST_LIST_UNREADABLE: ${e instanceof Error ? e.message : String(e)}`);
    }
    const got = await readTrustList(bytes, file, env);
    if (!got.ok) throw new TrustListError(`--trust ${file}: ${got.code}: ${got.message}`);
    loaded.push(got.list);
  }
  return { ...env, trust: { lists: loaded } };
}
