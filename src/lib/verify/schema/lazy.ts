/**
 * The schema check without its weight on the first paint: the generated validators (./index.ts, ~37 kB
 * gzipped) load on the first call that has a schema to check, once.
 */
import type { JsonObject } from '../../model/credential.ts';
import type { SchemaResult } from './index.ts';
import { schemaKeyFor } from './key.ts';

let loading: Promise<typeof import('./index.ts')> | undefined;

export async function validateSchemaLazy(credential: JsonObject): Promise<SchemaResult | undefined> {
  if (schemaKeyFor(credential) === undefined) return undefined; // no schema applies: nothing to load
  loading ??= import('./index.ts');
  return (await loading).validateSchema(credential);
}
