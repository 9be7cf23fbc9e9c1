/**
 * Names compared as people read them: after Unicode NFKC (full-width and compatibility forms fold to
 * their plain letters), case folding, trimming and collapsing whitespace. "ＵＮＩＶＥＲＳＩＴＹ  of Tokyo"
 * and "university of tokyo" are one name; so a self-made issuer cannot pose as a listed one by
 * writing its name in another width or case.
 */
import { asArray, isJsonObject } from '../formats/json.ts';
import type { JsonValue } from '../model/credential.ts';

/** Longest name compared (anything longer is no listed name). */
const MAX_NAME = 500;

export function normalizeName(name: string): string {
  // toUpperCase then toLowerCase folds the cases a plain toLowerCase leaves apart (ß/SS, ſ, final σ).
  return name.slice(0, MAX_NAME).normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/** Every string of a name value: a string, a value object, a language map, or arrays of those. */
export function nameStrings(value: JsonValue | undefined, depth = 0): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [value];
  if (depth > 4) return [];
  if (Array.isArray(value)) return value.flatMap((v) => nameStrings(v, depth + 1));
  if (isJsonObject(value)) {
    if (typeof value['@value'] === 'string') return nameStrings(value['@value'], depth + 1);
    // A language map: every language's name.
    return Object.entries(value)
      .filter(([k]) => !k.startsWith('@') || k === '@none')
      .flatMap(([, v]) => nameStrings(v, depth + 1));
  }
  return [];
}

/** Names by language tag (primary subtag, lower case), from value objects and language maps. */
export function namesByLanguage(value: JsonValue | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of asArray(value)) {
    if (isJsonObject(item) && typeof item['@value'] === 'string' && typeof item['@language'] === 'string') {
      const lang = item['@language'].toLowerCase().split('-')[0] as string; // why: split always has a first part
      out[lang] ??= item['@value'];
    } else if (isJsonObject(item) && item['@value'] === undefined) {
      for (const [k, v] of Object.entries(item)) if (!k.startsWith('@') && typeof v === 'string') out[k.toLowerCase().split('-')[0] as string] ??= v; // why: as above
    }
  }
  return out;
}

/**
 * The parts a bilingual name is written in: "東京大学 The University of Tokyo" and
 * "東京大学 / The University of Tokyo" are both the two names. Split at separators and where
 * Japanese/Chinese script meets Latin script; a part is never split inside one script, so
 * "AI Ethics Lab" stays whole (it does not contain the name "AI") and "東京大学大学院" is not
 * "東京大学".
 */
export function nameParts(name: string): string[] {
  const n = normalizeName(name);
  const parts = n
    .split(/\s*[/|｜・,，、;；()（）[\]「」『』【】]+\s*|(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])\s*(?=[\p{Script=Latin}\d])|(?<=[\p{Script=Latin}\d.])\s*(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/u)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return [n, ...parts.filter((p) => p !== n)];
}

/** Whether any of `claimed` names (whole, or one of its parts) is one of `listed`. */
export function sameName(claimed: readonly string[], listed: readonly string[]): boolean {
  const wanted = new Set(listed.map(normalizeName).filter((n) => n !== ''));
  return claimed.some((c) => nameParts(c).some((p) => wanted.has(p)));
}
