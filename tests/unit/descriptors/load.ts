import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonObject } from '../../../src/lib/model/credential.ts';

export const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url));

export function load(rel: string): JsonObject {
  return JSON.parse(readFileSync(join(FIXTURES, rel), 'utf8')) as JsonObject; // why: fixture files are JSON objects (tests check the shape they need)
}

/** Every JSON fixture (relative path), without JSON-LD contexts and JSON schemas. */
export function allJsonFixtures(dir = FIXTURES): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'contexts' || f === 'schemas' ? [] : allJsonFixtures(p);
    return p.endsWith('.json') ? [p.slice(FIXTURES.length + 1)] : [];
  });
}
