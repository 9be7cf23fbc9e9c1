/** Fields of a credential for the disclosure picker (issue 7): JSON pointers as readable labels, with their values. */
import type { JsonValue } from '../../lib/model/credential.ts';

const unescape = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');

/** The value a JSON pointer (RFC 6901) points at, or undefined. */
export function valueAt(doc: JsonValue, pointer: string): JsonValue | undefined {
  if (pointer === '') return doc;
  let at: JsonValue | undefined = doc;
  for (const token of pointer.split('/').slice(1).map(unescape)) {
    if (Array.isArray(at)) at = /^\d+$/.test(token) ? at[Number(token)] : undefined;
    else if (at !== null && typeof at === 'object') at = Object.hasOwn(at, token) ? at[token] : undefined;
    else return undefined;
  }
  return at;
}

/** `/credentialSubject/achievement/name` → `credentialSubject › achievement › name`; list items as `[1]`. */
export function pointerLabel(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map(unescape)
    .map((t) => (/^\d+$/.test(t) ? `[${Number(t) + 1}]` : t))
    .join(' › ');
}

/** A value as one short line of text. */
export function preview(value: JsonValue | undefined, max = 80): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The optional fields still shown: every optional one but those left out. */
export function disclosed(optional: readonly string[], omitted: readonly string[]): string[] {
  const out = new Set(omitted);
  return optional.filter((p) => !out.has(p));
}
