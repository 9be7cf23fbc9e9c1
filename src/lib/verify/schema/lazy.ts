/**
 * The schema check without its weight on the first paint: the generated validators (./index.ts, ~37 kB
 * gzipped) load on the first call, once.
 */
import type { JsonObject } from '../../model/credential.ts';
import type { SchemaResult } from './index.ts';

let loading: Promise<typeof import('./index.ts')> | undefined;

export async function validateSchemaLazy(credential: JsonObject): Promise<SchemaResult | undefined> {
  loading ??= import('./index.ts');
  return (await loading).validateSchema(credential);
}
