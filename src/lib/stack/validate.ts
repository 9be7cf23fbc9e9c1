/**
 * `parsePathway(input)`: a pathway document (JSON text, bytes, or an already parsed value) to a
 * checked `Pathway`, or every problem found, each with a code and a JSON pointer. Never throws.
 */
import { isTsumikiError } from '../errors.ts';
import { parseJson } from '../formats/json.ts';
import type { JsonValue } from '../model/credential.ts';
import { isObject, own } from '../descriptors/json.ts';
import {
  BASES,
  CONVERSIONS,
  DEFAULT_OPTIONS,
  NODE_KINDS,
  PATHWAY_UNITS,
  PATHWAY_VERSION,
  SOURCE_FORMATS,
  walkNodes,
  type PathwaySourceFormat,
  type Unsupported,
  type CreditsNode,
  type Pathway,
  type PathwayOptions,
  type RequirementNode,
} from './pathway.ts';
import { MAX_DEPTH, MAX_LIST, MAX_NODES, Reader, at, type PathwayError } from './validate-parts.ts';

export type PathwayParse = { readonly ok: true; readonly pathway: Pathway } | { readonly ok: false; readonly errors: readonly PathwayError[] };

/** Largest pathway document read (characters). */
export const MAX_PATHWAY_TEXT = 1024 * 1024;

const COMMON = ['kind', 'id', 'title', 'weight', 'where', 'shareBadges'];
const KEYS: Readonly<Record<(typeof NODE_KINDS)[number], readonly string[]>> = {
  achievement: [...COMMON, 'match'],
  allOf: [...COMMON, 'of'],
  atLeast: [...COMMON, 'n', 'of'],
  credits: [...COMMON, 'min', 'unit', 'cap', 'basis', 'match', 'of'],
};

class PathwayReader extends Reader {
  nodes = 0;

  list(v: JsonValue | undefined, path: string, depth: number): RequirementNode[] {
    if (v === undefined) return (this.fail('REQUIRED', path), []);
    if (!Array.isArray(v)) return this.wrong(path, 'array') ?? [];
    if (v.length === 0) return (this.fail('EMPTY', path), []);
    if (v.length > MAX_LIST) return (this.fail('TOO_MANY', path, { max: MAX_LIST }), []);
    return v.flatMap((x, i) => this.node(x, at(path, i), depth + 1) ?? []);
  }

  node(v: JsonValue, path: string, depth: number): RequirementNode | null {
    if (depth > MAX_DEPTH) return (this.fail('TOO_DEEP', path, { max: MAX_DEPTH }), null);
    if (++this.nodes > MAX_NODES) return (this.fail('TOO_MANY', path, { max: MAX_NODES }), null);
    if (!isObject(v)) return this.wrong(path, 'object');
    if (own(v, 'kind') === undefined) return (this.fail('REQUIRED', at(path, 'kind')), null);
    const kind = this.oneOf(own(v, 'kind'), at(path, 'kind'), NODE_KINDS, 'UNKNOWN_KIND');
    if (kind === null) return null;
    this.only(v, path, KEYS[kind]);
    const base = {
      id: this.text(own(v, 'id'), at(path, 'id'), false) ?? path,
      title: this.langMap(own(v, 'title'), at(path, 'title'), false),
      weight: this.number(own(v, 'weight'), at(path, 'weight'), { min: 0, max: 1e6, exclusiveMin: true }),
      where: this.conditions(own(v, 'where'), at(path, 'where')),
      shareBadges: this.boolean(own(v, 'shareBadges'), at(path, 'shareBadges')) ?? false,
    };
    switch (kind) {
      case 'achievement':
        return { ...base, kind, match: this.matchers(own(v, 'match'), at(path, 'match'), true) };
      case 'allOf':
        return { ...base, kind, of: this.list(own(v, 'of'), at(path, 'of'), depth) };
      case 'atLeast': {
        if (own(v, 'n') === undefined) this.fail('REQUIRED', at(path, 'n'));
        const n = this.number(own(v, 'n'), at(path, 'n'), { min: 1, integer: true }) ?? 1;
        const of = this.list(own(v, 'of'), at(path, 'of'), depth);
        const listed = own(v, 'of');
        if (Array.isArray(listed) && n > listed.length) this.fail('N_TOO_LARGE', at(path, 'n'), { n, listed: listed.length });
        return { ...base, kind, n, of };
      }
      case 'credits':
        return this.credits(v, path, depth, base);
    }
  }

  credits(v: JsonValue, path: string, depth: number, base: Omit<CreditsNode, 'kind' | 'min' | 'unit' | 'cap' | 'basis' | 'match' | 'of'>): CreditsNode | null {
    if (own(v, 'min') === undefined) this.fail('REQUIRED', at(path, 'min'));
    if (own(v, 'unit') === undefined) this.fail('REQUIRED', at(path, 'unit'));
    const min = this.number(own(v, 'min'), at(path, 'min'), { min: 0, max: 1e6 });
    const unit = this.oneOf(own(v, 'unit'), at(path, 'unit'), PATHWAY_UNITS, 'UNKNOWN_UNIT');
    const cap = this.number(own(v, 'cap'), at(path, 'cap'), { min: 0, max: 1e6 });
    const basis = this.oneOf(own(v, 'basis'), at(path, 'basis'), BASES);
    if (min !== null && cap !== null && cap < min) this.fail('CAP_BELOW_MIN', at(path, 'cap'), { min, cap });
    const hasOf = own(v, 'of') !== undefined;
    if (hasOf && own(v, 'match') !== undefined) this.fail('MATCH_AND_OF', path);
    const match = hasOf ? [] : this.matchers(own(v, 'match'), at(path, 'match'), false);
    const of: CreditsNode[] = [];
    if (hasOf) {
      const raw = own(v, 'of');
      if (Array.isArray(raw)) {
        raw.forEach((x, i) => {
          const kind = own(x, 'kind');
          if (typeof kind === 'string' && kind !== 'credits') this.fail('NOT_CREDITS', at(at(path, 'of'), i), { kind: kind.slice(0, 50) });
        });
      }
      for (const child of this.list(raw, at(path, 'of'), depth)) if (child.kind === 'credits') of.push(child);
    }
    if (min === null || unit === null) return null;
    return { ...base, kind: 'credits', min, unit, cap, basis: basis ?? (unit === 'hours' ? 'either' : 'credit'), match, of };
  }

  /** `source`: the format a converted pathway came from and that document's id. */
  source(v: JsonValue | undefined): PathwaySourceFormat | null {
    if (v === undefined) return null;
    if (!isObject(v)) return this.wrong('/source', 'object');
    this.only(v, '/source', ['format', 'id']);
    if (own(v, 'format') === undefined) this.fail('REQUIRED', '/source/format');
    const format = this.oneOf(own(v, 'format'), '/source/format', SOURCE_FORMATS);
    const id = this.text(own(v, 'id'), '/source/id', true);
    return format === null || id === null ? null : { format, id };
  }

  /** `unsupported`: what a conversion could not express, each `{path, construct, reason}`. */
  unsupported(v: JsonValue | undefined): Unsupported[] | null {
    if (v === undefined) return null;
    if (!Array.isArray(v)) return this.wrong('/unsupported', 'array');
    if (v.length > MAX_LIST) return (this.fail('TOO_MANY', '/unsupported', { max: MAX_LIST }), null);
    return v.flatMap((x, i) => {
      const p = at('/unsupported', i);
      if (!isObject(x)) return this.wrong(p, 'object') ?? [];
      this.only(x, p, ['path', 'construct', 'reason']);
      const path = typeof own(x, 'path') === 'string' && own(x, 'path') === '' ? '' : this.text(own(x, 'path'), at(p, 'path'), true);
      const construct = this.text(own(x, 'construct'), at(p, 'construct'), true);
      const reason = this.text(own(x, 'reason'), at(p, 'reason'), true);
      return path === null || construct === null || reason === null ? [] : [{ path, construct, reason }];
    });
  }

  options(v: JsonValue | undefined): PathwayOptions {
    if (v === undefined) return DEFAULT_OPTIONS;
    if (!isObject(v)) return this.wrong('/options', 'object') ?? DEFAULT_OPTIONS;
    this.only(v, '/options', ['allowDoubleCounting', 'acceptExpired', 'conversion']);
    return {
      allowDoubleCounting: this.boolean(own(v, 'allowDoubleCounting'), '/options/allowDoubleCounting') ?? DEFAULT_OPTIONS.allowDoubleCounting,
      acceptExpired: this.boolean(own(v, 'acceptExpired'), '/options/acceptExpired') ?? DEFAULT_OPTIONS.acceptExpired,
      conversion: this.oneOf(own(v, 'conversion'), '/options/conversion', CONVERSIONS) ?? DEFAULT_OPTIONS.conversion,
    };
  }
}

function readDocument(r: PathwayReader, doc: JsonValue): Pathway | null {
  if (!isObject(doc)) return (r.fail('NOT_AN_OBJECT', ''), null);
  r.only(doc, '', ['$schema', '$comment', 'pathwayVersion', 'id', 'title', 'description', 'awardedBy', 'achievementId', 'requirement', 'options', 'source', 'unsupported']);
  const version = own(doc, 'pathwayVersion');
  if (version === undefined) r.fail('REQUIRED', '/pathwayVersion');
  else if (version !== PATHWAY_VERSION) return (r.fail('VERSION_UNSUPPORTED', '/pathwayVersion', { version: String(version).slice(0, 20), supported: PATHWAY_VERSION }), null);
  for (const k of ['$schema', '$comment'] as const) if (own(doc, k) !== undefined && typeof own(doc, k) !== 'string') r.wrong(`/${k}`, 'string');
  const id = r.text(own(doc, 'id'), '/id', true);
  const title = r.langMap(own(doc, 'title'), '/title', true);
  const description = r.langMap(own(doc, 'description'), '/description', false);
  const achievementId = r.text(own(doc, 'achievementId'), '/achievementId', false);
  const by = own(doc, 'awardedBy');
  let awardedBy: Pathway['awardedBy'] | null = null;
  if (by === undefined) r.fail('REQUIRED', '/awardedBy');
  else if (!isObject(by)) r.wrong('/awardedBy', 'object');
  else {
    r.only(by, '/awardedBy', ['id', 'name', 'url']);
    const name = r.langMap(own(by, 'name'), '/awardedBy/name', true);
    if (name !== null) awardedBy = { id: r.text(own(by, 'id'), '/awardedBy/id', false), name, url: r.text(own(by, 'url'), '/awardedBy/url', false) };
  }
  const req = own(doc, 'requirement');
  const requirement = req === undefined ? (r.fail('REQUIRED', '/requirement'), null) : r.node(req, '/requirement', 1);
  const options = r.options(own(doc, 'options'));
  if (requirement !== null) {
    const seen = new Set<string>();
    walkNodes(requirement, (n) => {
      if (seen.has(n.id)) r.fail('DUPLICATE_ID', '/requirement', { id: n.id });
      seen.add(n.id);
    });
  }
  const source = r.source(own(doc, 'source'));
  const unsupported = r.unsupported(own(doc, 'unsupported'));
  if (id === null || title === null || awardedBy === null || requirement === null) return null;
  return { pathwayVersion: 1, id, title, description, awardedBy, achievementId, requirement, options, ...(source === null ? {} : { source }), ...(unsupported === null ? {} : { unsupported }) };
}

/** Check a pathway document. Text and bytes are parsed as JSON first (bounded size and depth). */
export function parsePathway(input: string | Uint8Array | JsonValue): PathwayParse {
  const r = new PathwayReader();
  try {
    let doc: JsonValue;
    if (typeof input === 'string' || input instanceof Uint8Array) {
      const text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
      doc = parseJson(text.replace(/^\uFEFF/, ''), { maxLength: MAX_PATHWAY_TEXT, maxDepth: 64 });
    } else doc = input;
    const pathway = readDocument(r, doc);
    if (pathway !== null && r.errors.length === 0) return { ok: true, pathway };
    return { ok: false, errors: r.errors.length > 0 ? r.errors : [{ code: 'NOT_AN_OBJECT', path: '' }] };
  } catch (e) {
    return { ok: false, errors: [{ code: 'JSON_INVALID', path: '', data: { error: isTsumikiError(e) ? e.code : 'JSON_MALFORMED' } }] };
  }
}
