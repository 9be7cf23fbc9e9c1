/**
 * Precompiles the bundled 1EdTech JSON Schemas (src/lib/verify/schema/json/, see SOURCES.md there) into one
 * plain ES module, src/lib/verify/schema/generated/validators.js, with ajv's standalone code generation.
 *
 * Why: the app's CSP has no `unsafe-eval`, and ajv compiles a schema with `new Function` — so ajv runs here,
 * at development time, and the browser and the CLI only run the code it wrote. ajv is a devDependency; the
 * generated module imports nothing but ../formats.ts (the two `format`s the schemas use).
 *
 *   npm run schemas              write the generated files
 *   npm run schemas -- --check   exit 1 if the committed files differ from what this would write
 *
 * The unit test tests/unit/verify/schema.test.ts runs the check too, so a schema or ajv change that is not
 * regenerated fails the tests.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2019, Name } from 'ajv/dist/2019.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { formats } from '../lib/verify/schema/formats.ts';

const SCHEMA_DIR = fileURLToPath(new URL('../lib/verify/schema/', import.meta.url));

/** Export name → bundled schema file. index.ts picks one by the credential's type. */
export const SCHEMAS = {
  ob3Achievement: 'ob_v3p0_achievementcredential_schema.json',
  ob3Endorsement: 'ob_v3p0_endorsementcredential_schema.json',
  clr2Clr: 'clr_v2p0_clrcredential_schema.json',
} as const;

const FORMATS_NAME = '__schemaFormats';

/** Keywords that only annotate (JSON Schema 2019-09 §9): they never change a result, so they are left out of the code. */
const ANNOTATIONS = new Set(['title', 'description', '$comment', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly']);
/** Keywords whose value is a subschema, an array of subschemas, or a map of name → subschema. */
const SUBSCHEMA = new Set(['items', 'additionalItems', 'additionalProperties', 'propertyNames', 'contains', 'not', 'if', 'then', 'else', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema']);
const SUBSCHEMA_LIST = new Set(['allOf', 'anyOf', 'oneOf', 'items']);
const SUBSCHEMA_MAP = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The schema without its annotations. Only keyword positions are touched: a property named `description` stays. */
export function withoutAnnotations(schema: Json): Json {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (SUBSCHEMA_LIST.has(key) && Array.isArray(value)) out[key] = value.map(withoutAnnotations);
    else if (SUBSCHEMA.has(key)) out[key] = withoutAnnotations(value);
    else if (SUBSCHEMA_MAP.has(key) && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, withoutAnnotations(sub)]));
    } else out[key] = value;
  }
  return out;
}

const HEADER = `// GENERATED FILE — do not edit. Written by src/cli/build-schemas.ts (\`npm run schemas\`) with ajv's
// standalone code generation from the 1EdTech JSON Schemas in src/lib/verify/schema/json/ (see SOURCES.md).
// It runs without eval or new Function (the app's CSP forbids them) and imports nothing from ajv.
// To change it, change the schemas or the generator and run \`npm run schemas\`.
/* eslint-disable */
import { formats as ${FORMATS_NAME} } from '../formats.ts';
`;

const DTS = `// GENERATED FILE — do not edit. Written by src/cli/build-schemas.ts (\`npm run schemas\`): the types of validators.js.
/** One ajv error (only the fields Tsumiki reads; ajv is run with \`messages: false\`). */
export interface GeneratedSchemaError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}
export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: GeneratedSchemaError[] | null;
}
${Object.keys(SCHEMAS)
  .map((name) => `export declare const ${name}: GeneratedValidator;`)
  .join('\n')}
`;

function canonical(value: Json): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(value[k] as Json)}`)
    .join(',')}}`;
}

/** Calls `visit` on every subschema position below the root (not on `$defs` entries themselves). */
function eachSubschema(schema: Json, visit: (sub: Json) => Json): Json {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(schema)) {
    if (SUBSCHEMA_LIST.has(key) && Array.isArray(value)) out[key] = value.map(visit);
    else if (SUBSCHEMA.has(key)) out[key] = visit(value);
    else if (key === '$defs' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, eachSubschema(sub, visit)]));
    } else if (SUBSCHEMA_MAP.has(key) && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, visit(sub)]));
    } else out[key] = value;
  }
  return out;
}

const SHARED = '__shared';

/**
 * The same schema with every subschema that occurs more than once (e.g. the string-or-language-map pattern,
 * ~140 copies per schema) moved to `$defs/__sharedN` and referred to by `$ref`. It accepts and refuses
 * exactly the same instances: a `$ref` to an identical copy under the same root, and the schemas' own `$ref`s
 * are all root-relative (`#/$defs/…`), so they resolve as before. With `inlineRefs: false` each becomes one
 * function instead of ~140 copies of its code (the generated module shrinks from ~1.4 MB to ~0.6 MB).
 * What may differ is only in the errors of an invalid instance: their `schemaPath`, and which inner errors ajv
 * keeps beside the decisive one (index.ts ignores those). The unit test checks validity and the reported
 * pointer against ajv run on the unmodified files.
 */
export function shareRepeats(schema: Json, minLength = 40): Json {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const counts = new Map<string, number>();
  const count = (sub: Json): Json => {
    const key = canonical(sub);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    eachSubschema(sub, count);
    return sub;
  };
  eachSubschema(schema, count);
  const names = new Map<string, string>();
  const shared: { [key: string]: Json } = {};
  const replace = (sub: Json): Json => {
    const key = canonical(sub);
    if ((counts.get(key) ?? 0) < 2 || key.length < minLength || typeof sub !== 'object' || sub === null || '$id' in sub || '$anchor' in sub) {
      return eachSubschema(sub, replace);
    }
    let name = names.get(key);
    if (name === undefined) {
      name = `${SHARED}${names.size}`;
      names.set(key, name);
      shared[name] = eachSubschema(sub, replace);
    }
    return { $ref: `#/$defs/${name}` };
  };
  const out = eachSubschema(schema, replace);
  if (typeof out !== 'object' || out === null || Array.isArray(out)) return out;
  const defs = out.$defs;
  if (typeof defs !== 'object' || defs === null || Array.isArray(defs)) throw new Error('schema without $defs');
  for (const name of Object.keys(shared)) if (name in defs) throw new Error(`$defs/${name} already exists`);
  return { ...out, $defs: { ...defs, ...shared } };
}

export function generate(): { js: string; dts: string } {
  const ajv = new Ajv2019({
    code: { source: true, esm: true, formats: new Name(FORMATS_NAME) },
    formats,
    // The first error is all Tsumiki reports (index.ts picks the most specific of those ajv gives).
    allErrors: false,
    // Problem texts are written by index.ts from keyword + params: keeps ajv's message strings out of the bundle.
    messages: false,
    // Each $defs entry becomes one function instead of being copied into every place that refers to it.
    inlineRefs: false,
    // The published schemas are used as published: ajv's strict mode would refuse some of their constructs.
    strict: false,
    validateFormats: true,
  });
  const exports: Record<string, string> = {};
  for (const [name, file] of Object.entries(SCHEMAS)) {
    const schema = shareRepeats(withoutAnnotations(JSON.parse(readFileSync(SCHEMA_DIR + 'json/' + file, 'utf8')) as Json));
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema) || typeof schema.$id !== 'string') {
      throw new Error(`${file}: no $id`);
    }
    ajv.addSchema(schema);
    exports[name] = schema.$id;
  }
  // An ES module is strict already; ajv's leading directive would follow the import, where it means nothing.
  const code = standaloneCode(ajv, exports).replace(/^"use strict";/, '');
  if (/\brequire\(/.test(code)) throw new Error('generated code still requires a module: make it import or inline it');
  return { js: HEADER + code + '\n', dts: DTS };
}

function main(): void {
  const check = process.argv.includes('--check');
  const { js, dts } = generate();
  const files = { 'generated/validators.js': js, 'generated/validators.d.ts': dts };
  let stale = false;
  for (const [rel, text] of Object.entries(files)) {
    const path = SCHEMA_DIR + rel;
    let old = '';
    try {
      old = readFileSync(path, 'utf8');
    } catch {
      // a missing file is stale
    }
    if (old === text) continue;
    stale = true;
    if (check) console.error(`stale: ${rel} (run npm run schemas)`);
    else {
      writeFileSync(path, text);
      console.log(`wrote ${rel} (${text.length} bytes)`);
    }
  }
  if (check && stale) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
