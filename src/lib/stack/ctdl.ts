/**
 * A Credential Engine (CTDL) pathway into pathway v1 (`importCtdl`), faithfully: `requiredNumber`
 * stays "at least n", an OR stays "one of", credit constraints stay credit minimums (and maximums,
 * as caps) with their unit, nesting stays nesting. What v1 cannot express (a grade or resit rule,
 * an exclusive OR, an ordering) is listed in `unsupported` — never silently dropped. The mapping
 * table is in README.md. Pure: no network (a registry graph holds its components); never throws.
 */
import { isTsumikiError } from '../errors.ts';
import { parseJson } from '../formats/json.ts';
import type { JsonValue } from '../model/credential.ts';
import { isObject, own } from '../descriptors/json.ts';
import { allTexts, conceptOf, CtdlGraph, irisOf, numberIn, pathOf, refsOf, textIn, values, type CNode, type Ref } from './ctdl-graph.ts';
import { DEFAULT_OPTIONS, type AchievementNode, type CreditsNode, type LangMap, type Matcher, type Pathway, type PathwayUnit, type RequirementNode, type Unsupported } from './pathway.ts';
import { pathwayToJson } from './serialize.ts';
import { parsePathway } from './validate.ts';
import { MAX_DEPTH, MAX_LIST, MAX_NODES } from './validate-parts.ts';

/** The `targetFramework` an Open Badge alignment names when its `targetUrl` is a CTDL resource. */
export const CTDL_FRAMEWORK = 'Credential Transparency Description Language';
/** Largest CTDL document read (characters). */
export const MAX_CTDL_TEXT = 4 * 1024 * 1024;

export const CTDL_ERROR_CODES = [
  'JSON_INVALID', //      not readable JSON (or past the size and shape bounds)
  'NOT_A_PATHWAY', //     no ceterms:Pathway in the document
  'NO_DESTINATION', //    the pathway names no destination component the document holds
  'TOO_LARGE', //         more resources or requirements than the bounds allow
  'NOT_EXPRESSIBLE', //   the result is not a valid pathway (nothing left to require)
] as const;
export type CtdlErrorCode = (typeof CTDL_ERROR_CODES)[number];

export type CtdlImport =
  | { readonly ok: true; readonly pathway: Pathway; readonly unsupported: readonly Unsupported[] }
  | { readonly ok: false; readonly error: { readonly code: CtdlErrorCode; readonly detail: string } };

/** Component properties that describe but do not require anything: read or ignored without a report. */
const COMPONENT_QUIET = new Set([
  '@id', '@type', 'ctid', 'name', 'description', 'subjectWebpage', 'codedNotation', 'componentCategory', 'componentDesignation',
  'hasProgressionLevel', 'hasProgressionModel', 'isPartOf', 'hasPart', 'isChildOf', 'isDestinationComponentOf', 'isDestinationComponentFor',
  'credentialType', 'identifier', 'programTerm', 'sourceData', 'proxyFor', 'proxyForList', 'hasCondition', 'hasChild', 'creditValue',
  'credentialId', 'ownedBy', 'offeredBy', 'inLanguage', 'image', 'alternateName', 'keyword', 'dateCreated', 'dateModified',
  'occupationType', 'industryType', 'instructionalProgramType', 'lifeCycleStatusType', 'sourceItem', 'hasDestinationComponent',
]);
const CONDITION_QUIET = new Set([
  '@id', '@type', 'name', 'description', 'requiredNumber', 'targetComponent', 'hasCondition', 'hasConstraint', 'logicalOperator',
  'logicalOperand', 'leftOperand', 'operand', 'rightOperand', 'reqNum', 'ctid',
]);
const CREDIT_SOURCES = new Set(['value', 'creditvalue', 'credits', 'creditsum']);
const UNIT_SOURCES = new Set(['creditunittype']);

/** A CTDL credit unit as a pathway unit; `credits` (the pathway's own, never converted) when Tsumiki cannot convert it. */
export function unitOfCtdl(iri: string | null): PathwayUnit {
  const c = iri === null ? '' : conceptOf(iri);
  if (/^(semesterhours?|semestercredits?|semestercredithours?)$/.test(c)) return 'US-semester';
  if (/^(clockhours?|contacthours?|hours?)$/.test(c)) return 'hours';
  if (/^(ects|ectscredits?|europeancredittransfersystem\w*)$/.test(c)) return 'ECTS';
  return 'credits';
}

interface CreditValue {
  readonly value: number;
  readonly unit: PathwayUnit | null;
}

class Converter {
  readonly unsupported: Unsupported[] = [];
  private nodes = 0;
  /** Resources read: the rest of the document's components, conditions and constraints are reported. */
  readonly seen = new Set<CNode>();
  private readonly ids = new Map<string, number>();
  overflow = false;

  constructor(
    readonly g: CtdlGraph,
    readonly publisherNames: readonly string[],
  ) {}

  report(path: string, construct: string, reason: string): void {
    if (this.unsupported.length >= MAX_LIST) return;
    const u = { path: path.slice(0, 1000), construct: construct.slice(0, 300), reason };
    if (!this.unsupported.some((x) => x.path === u.path && x.construct === u.construct)) this.unsupported.push(u);
  }

  private id(base: string): string {
    const n = (this.ids.get(base) ?? 0) + 1;
    this.ids.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  }

  private count(): boolean {
    if (++this.nodes > MAX_NODES - 10) this.overflow = true;
    return !this.overflow;
  }

  private label(n: CNode): string {
    const ctid = irisOf(n, 'ctid')[0];
    if (ctid !== undefined) return ctid.slice(0, 200);
    if (n.id !== null && !n.id.startsWith('_:')) return n.id.slice(0, 200);
    return n.pointer === '' ? 'component' : n.pointer.slice(0, 200);
  }

  /** Report every property of a node that is not in `quiet`, once per node. */
  private reportRest(n: CNode, quiet: ReadonlySet<string>, what: string): void {
    for (const [term, { key }] of n.props) {
      if (quiet.has(term)) continue;
      const reason =
        term === 'prerequisite' || term === 'precedes' || term === 'precededBy'
          ? 'an order or prerequisite between components: Tsumiki counts what is held, not in which order it was earned'
          : term === 'pointValue'
            ? 'points are not credits: not counted'
            : term === 'hasConstraint'
              ? 'a constraint on a component (not on a condition) has nothing to apply to'
              : `not part of what Tsumiki reads from a ${what}: not checked`;
      this.report(pathOf(n, term), key, reason);
    }
  }

  /** How a held badge is recognised as this component (see README: proxyFor, credentialId, alignments, name last). */
  matchersOf(n: CNode, credit: number | null): Matcher[] {
    const out: Matcher[] = [];
    const withCredit = (m: Matcher): Matcher => (credit === null ? m : { ...m, credit });
    const add = (m: Matcher) => {
      const key = JSON.stringify(m);
      if (!out.some((x) => JSON.stringify(x) === key) && out.length < 40) out.push(withCredit(m));
    };
    const byId = (id: string) => add({ by: 'achievementId', achievementId: id });
    const byAlignment = (url: string) => add({ by: 'alignment', targetCode: null, targetUrl: url, targetFramework: CTDL_FRAMEWORK });
    for (const id of irisOf(n, 'credentialId')) byId(id);
    const proxies = [...refsOf(this.g, n, 'proxyFor'), ...refsOf(this.g, n, 'proxyForList')];
    for (const r of proxies) {
      const iri = 'node' in r ? r.node.id : r.missing;
      if ('node' in r) for (const id of irisOf(r.node, 'credentialId')) byId(id);
      if (iri !== null && !iri.startsWith('_:')) (byId(iri), byAlignment(iri));
    }
    for (const s of irisOf(n, 'sourceData')) if (/^https?:\/\//.test(s)) byId(s);
    if (n.id !== null && !n.id.startsWith('_:')) byAlignment(n.id);
    // Last resort, and said so: by name and issuer, when nothing else links the component to a credential.
    if (proxies.length === 0 && irisOf(n, 'sourceData').length === 0 && irisOf(n, 'credentialId').length === 0) {
      const names = allTexts(textIn(n, 'name'));
      const issuers = [...this.orgNames(n), ...this.publisherNames];
      if (names.length > 0 && issuers.length > 0) {
        add({ by: 'title', title: names, issuer: { id: [], idStartsWith: [], name: [...new Set(issuers)] } });
        this.report(pathOf(n, 'name'), 'ceterms:name', `no proxyFor names the credential: also matched by its name and the issuer's name (${issuers[0] ?? ''}) — a last resort, weaker than an id`);
      }
    }
    return out;
  }

  private orgNames(n: CNode): string[] {
    return [...refsOf(this.g, n, 'ownedBy'), ...refsOf(this.g, n, 'offeredBy')].flatMap((r) => ('node' in r ? allTexts(textIn(r.node, 'name')) : []));
  }

  creditOf(n: CNode): CreditValue | null {
    for (const v of values(n, 'creditValue')) {
      const direct = numberIn(v);
      if (direct !== null) return direct >= 0 ? { value: direct, unit: null } : null;
      if (!isObject(v)) continue;
      const profile = this.g.byObject.get(v);
      if (profile === undefined) continue;
      const amount = numberIn(values(profile, 'value')[0]) ?? numberIn(values(profile, 'minValue')[0]);
      const unitIri = irisOf(profile, 'creditUnitType')[0] ?? null;
      if (amount !== null && amount >= 0 && amount <= 1e6) return { value: amount, unit: unitIri === null ? null : unitOfCtdl(unitIri) };
    }
    return null;
  }

  /** A component as a requirement: held as a badge (its matchers) or its own conditions met. */
  component(ref: Ref, trail: readonly string[], level: number, path: string): RequirementNode | null {
    if (!this.count()) return null;
    if ('missing' in ref) {
      // A resource the document does not hold (a credential in the registry, or a component left out): recognised by its IRI only.
      this.report(path, ref.missing, 'not in this document (the registry’s /graph/ce-… document holds a pathway’s components): recognised only by a badge whose achievement id or CTDL alignment names this IRI');
      const leaf: AchievementNode = {
        kind: 'achievement', id: this.id(ref.missing.slice(0, 200)), title: { und: ref.missing.slice(0, 200) }, weight: null, where: {}, shareBadges: false,
        match: [{ by: 'achievementId', achievementId: ref.missing.slice(0, 2000) }, { by: 'alignment', targetCode: null, targetUrl: ref.missing.slice(0, 2000), targetFramework: CTDL_FRAMEWORK }],
      };
      return leaf;
    }
    const n = ref.node;
    const key = n.id ?? n.pointer;
    const title = textIn(n, 'name');
    const id = this.id(this.label(n));
    if (trail.includes(key)) {
      this.report(n.pointer, 'cycle', 'the component requires itself through its conditions or children: the inner reference is left out');
      return null;
    }
    this.seen.add(n);
    this.reportRest(n, COMPONENT_QUIET, 'pathway component');
    const matchers = this.matchersOf(n, null);
    const held: AchievementNode | null = matchers.length === 0 ? null : { kind: 'achievement', id: `${id}/held`, title, weight: null, where: {}, shareBadges: false, match: matchers };
    // Conditions (all must hold), else children (all required: settled for components with children and no conditions).
    let own: RequirementNode | null = null;
    if (level + 3 >= MAX_DEPTH) {
      if (values(n, 'hasCondition').length + values(n, 'hasChild').length > 0) this.report(n.pointer, 'nesting', `nested deeper than ${MAX_DEPTH} levels: only a badge for the component itself counts`);
    } else {
      const next = [...trail, key];
      const conds = refsOf(this.g, n, 'hasCondition').flatMap((r, i) => ('node' in r ? (this.condition(r.node, n, [], next, level + 2, `${id}/condition-${i + 1}`) ?? []) : []));
      if (conds.length > 0) own = conds.length === 1 ? conds[0] ?? null : this.group('allOf', `${id}/conditions`, null, conds);
      else {
        const kids = refsOf(this.g, n, 'hasChild').flatMap((r, i) => this.component(r, next, level + 2, pathOf(n, 'hasChild', i)) ?? []);
        if (kids.length > 0) own = this.group('allOf', `${id}/children`, null, kids);
      }
    }
    if (held !== null && own !== null) return this.group('atLeast', id, title, [held, own], 1, true);
    if (own !== null) return { ...own, id, title: own.title ?? title };
    return held === null ? null : { ...held, id };
  }

  /** allOf, or atLeast n (an allOf when n is all of them). `unique`: the id is already unique. */
  group(kind: 'allOf' | 'atLeast', base: string, title: LangMap | null, of: RequirementNode[], n = 1, unique = false): RequirementNode {
    this.count();
    const list = of.slice(0, MAX_LIST);
    const only = list[0];
    if (list.length === 1 && only !== undefined && title === null && !unique) return only;
    const id = unique ? base : this.id(base);
    const k = Math.max(1, Math.min(n, list.length));
    return kind === 'allOf' || k === list.length
      ? { kind: 'allOf', id, title, weight: null, where: {}, shareBadges: false, of: list }
      : { kind, id, title, weight: null, where: {}, shareBadges: false, of: list, n: k };
  }

  /** Every component a credit total reads: the targets and what they hold (their conditions' targets, their children). */
  private poolOf(roots: readonly Ref[]): CNode[] {
    const out: CNode[] = [];
    const seen = new Set<CNode>();
    const queue = roots.flatMap((r) => ('node' in r ? [r.node] : []));
    while (queue.length > 0 && out.length < 400) {
      const c = queue.shift();
      if (c === undefined || seen.has(c)) continue;
      seen.add(c);
      out.push(c);
      for (const r of refsOf(this.g, c, 'hasChild')) if ('node' in r) queue.push(r.node);
      for (const cr of refsOf(this.g, c, 'hasCondition')) if ('node' in cr) for (const r of refsOf(this.g, cr.node, 'targetComponent')) if ('node' in r) queue.push(r.node);
    }
    return out;
  }

  /** A ComponentCondition: `requiredNumber` of its targets, and its nested conditions and constraints joined by its logical operator. */
  condition(c: CNode, owner: CNode, inherited: readonly Ref[], trail: readonly string[], level: number, id: string): RequirementNode | null {
    if (!this.count()) return null;
    this.seen.add(c);
    this.reportRest(c, CONDITION_QUIET, 'component condition');
    const title = textIn(c, 'name') ?? textIn(c, 'description');
    let n = numberIn(values(c, 'requiredNumber')[0]);
    // Early draft: leftOperand "reqNum", operand "=" (or ">="), rightOperand N; logicalOperand AND / OR.
    const left = irisOf(c, 'leftOperand')[0];
    if (n === null && left !== undefined && conceptOf(left) === 'reqnum') {
      const op = irisOf(c, 'operand')[0] ?? '=';
      if (op === '=' || op === '>=' || op === '≥') n = numberIn(values(c, 'rightOperand')[0]);
      else this.report(pathOf(c, 'operand'), `reqNum ${op}`, 'only “=” and “>=” are read for the number required');
    } else if (n === null && values(c, 'reqNum').length > 0) n = numberIn(values(c, 'reqNum')[0]);
    const opIri = irisOf(c, 'logicalOperator')[0] ?? irisOf(c, 'logicalOperand')[0] ?? null;
    const op = opIri === null ? null : conceptOf(opIri);
    const targetRefs = refsOf(this.g, c, 'targetComponent');
    const poolRoots = targetRefs.length > 0 ? targetRefs : inherited.length > 0 ? inherited : refsOf(this.g, owner, 'hasChild');
    const targets = level + 2 >= MAX_DEPTH ? [] : targetRefs.flatMap((r, i) => this.component(r, trail, level + 1, pathOf(c, 'targetComponent', i)) ?? []);
    if (level + 2 >= MAX_DEPTH && targetRefs.length > 0) this.report(c.pointer, 'nesting', `nested deeper than ${MAX_DEPTH} levels: left out`);
    const subs = refsOf(this.g, c, 'hasCondition').flatMap((r, i) => ('node' in r && level + 2 < MAX_DEPTH ? (this.condition(r.node, owner, poolRoots, trail, level + 1, `${id}.${i + 1}`) ?? []) : []));
    const credits = this.constraints(c, poolRoots, `${id}/credits`);
    const items = [...subs, ...credits];
    const whole = (k: number | null, list: RequirementNode[], what: string): number => {
      if (k === null) return list.length;
      if (!Number.isInteger(k) || k < 1) {
        this.report(pathOf(c, 'requiredNumber'), `requiredNumber ${k}`, `not a whole number of at least 1: all ${list.length} ${what} are required`);
        return list.length;
      }
      if (k > list.length) {
        this.report(pathOf(c, 'requiredNumber'), `requiredNumber ${k}`, `more than the ${list.length} ${what} this document holds: all of them are required`);
        return list.length;
      }
      return k;
    };
    const parts: RequirementNode[] = [];
    // Targets with a credit total and no number required are the pool the total reads, not requirements of their own.
    if (targets.length > 0 && !(n === null && credits.length > 0)) {
      const k = whole(n, targets, 'target components');
      parts.push(k === targets.length ? this.group('allOf', `${id}/targets`, null, targets) : this.group('atLeast', `${id}/targets`, null, targets, k));
    }
    if (items.length > 0) {
      if (op === 'or' || op === 'onlyone' || op === 'xone') {
        if (op !== 'or') this.report(pathOf(c, values(c, 'logicalOperator').length > 0 ? 'logicalOperator' : 'logicalOperand'), opIri ?? op, 'exactly one: read as at least one (holding more is not held against the learner)');
        parts.push(this.group('atLeast', `${id}/any`, null, items, 1));
      } else if (op !== null && op !== 'and') {
        this.report(pathOf(c, values(c, 'logicalOperator').length > 0 ? 'logicalOperator' : 'logicalOperand'), opIri ?? op, 'this logical operator cannot be expressed: its conditions are left out');
      } else if (targets.length === 0 && n !== null) {
        parts.push(this.group('atLeast', `${id}/conditions`, null, items, whole(n, items, 'conditions')));
      } else parts.push(items.length === 1 && items[0] !== undefined ? items[0] : this.group('allOf', `${id}/all`, null, items));
    }
    if (parts.length === 0) {
      if (values(c, 'hasConstraint').length === 0) this.report(c.pointer, 'ceterms:ComponentCondition', 'names no target component, condition or constraint: nothing to check');
      return null;
    }
    const one = parts.length === 1 ? parts[0] : undefined;
    if (one !== undefined) return { ...one, title: one.title ?? title };
    return this.group('allOf', id, title, parts);
  }

  /** A condition's constraints: credit sums become one credits requirement (minimum, cap, unit); the rest is reported. */
  constraints(c: CNode, poolRoots: readonly Ref[], id: string): RequirementNode[] {
    let min: number | null = null;
    let cap: number | null = null;
    let unitIri: string | null = null;
    const refs = refsOf(this.g, c, 'hasConstraint');
    refs.forEach((r, i) => {
      const path = pathOf(c, 'hasConstraint', i);
      if ('missing' in r) return this.report(path, r.missing, 'a constraint the document does not hold: not checked');
      const k = r.node;
      this.seen.add(k);
      const leftAction = irisOf(k, 'leftAction').map(conceptOf)[0] ?? null;
      const leftSource = irisOf(k, 'leftSource').map(conceptOf);
      const comparator = irisOf(k, 'comparator').map(conceptOf)[0] ?? '';
      const right = values(k, 'rightSource');
      const describe = `ceterms:Constraint ${[leftAction, ...leftSource].filter((x) => x !== null).join(' ')} ${comparator} ${right.map((v) => (isObject(v) ? String(own(v, '@id') ?? own(v, '@value') ?? '') : String(v))).join(', ')}`.trim();
      if (leftSource.length === 1 && UNIT_SOURCES.has(leftSource[0] ?? '') && comparator === 'eq' && right.length === 1) {
        unitIri = irisOf(k, 'rightSource')[0] ?? null;
        return;
      }
      const amount = right.length === 1 ? numberIn(right[0]) : null;
      const isCredit = leftSource.length === 1 && CREDIT_SOURCES.has(leftSource[0] ?? '') && (leftAction === null || leftAction === 'sum') && amount !== null && amount >= 0 && amount <= 1e6;
      if (!isCredit || amount === null) return this.report(path, describe, 'a rule about the learner’s record (a grade, a resit, an average, …) or not a credit total: badges do not state it, so it is not checked');
      if (comparator === 'gteq' || comparator === 'gt' || comparator === 'eq') {
        min = min === null ? amount : Math.max(min, amount);
        if (comparator === 'gt') this.report(path, describe, `“more than ${amount}” is read as “at least ${amount}”`);
        if (comparator === 'eq') {
          cap = cap === null ? amount : Math.min(cap, amount);
          this.report(path, describe, `“exactly ${amount}” is read as at least ${amount}, counting at most ${amount}`);
        }
      } else if (comparator === 'lteq' || comparator === 'lt') {
        cap = cap === null ? amount : Math.min(cap, amount);
        if (comparator === 'lt') this.report(path, describe, `“less than ${amount}” is read as a cap of ${amount}`);
      } else this.report(path, describe, `the comparator “${comparator}” cannot be expressed: not checked`);
    });
    if (min === null && cap === null) return [];
    if (min === null) this.report(c.pointer, 'ceterms:Constraint (maximum only)', `a maximum alone is read as a cap: at most ${cap ?? 0} counts here, and it is always met`);
    if (min !== null && cap !== null && cap < min) {
      this.report(c.pointer, 'ceterms:Constraint', `the maximum (${cap}) is below the minimum (${min}): the maximum is left out`);
      cap = null;
    }
    const pool = this.poolOf(poolRoots);
    const credits = pool.map((p) => this.creditOf(p));
    const stated = [...new Set(credits.flatMap((v) => (v?.unit ? [v.unit] : [])))];
    const unit = unitIri !== null ? unitOfCtdl(unitIri) : stated.length === 1 && stated[0] !== undefined ? stated[0] : 'credits';
    const match = pool.flatMap((p, i) => {
      const v = credits[i] ?? null;
      const given = v !== null && (v.unit === null || v.unit === unit) ? v.value : null;
      return this.matchersOf(p, given);
    }).slice(0, MAX_LIST);
    if (pool.length === 0) this.report(c.pointer, 'ceterms:Constraint', 'the credit total names no components: the credits of every counted badge are added');
    this.count();
    const node: CreditsNode = {
      kind: 'credits', id: this.id(id), title: null, weight: null, where: {}, shareBadges: true,
      min: min ?? 0, cap, unit, basis: unit === 'hours' ? 'either' : 'credit', match, of: [],
    };
    return [node];
  }
}

function pathwayNode(g: CtdlGraph): CNode | null {
  const typed = g.nodes.filter((n) => n.types.includes('Pathway'));
  return typed[0] ?? null;
}

/** Whether a parsed document is a CTDL pathway graph (a ceterms:Pathway in it). */
export function isCtdlPathway(doc: JsonValue): boolean {
  try {
    if (!isObject(doc) && !Array.isArray(doc)) return false;
    const g = new CtdlGraph(doc);
    return g.nodes.some((n) => n.types.includes('Pathway') && (n.props.get('@type')?.values ?? []).some((t) => typeof t === 'string' && (t !== 'Pathway' || g.credregContext)));
  } catch {
    return false;
  }
}

/** Text, bytes or parsed JSON → the document, or null with the reason. */
function docOf(input: string | Uint8Array | JsonValue): { doc: JsonValue } | { error: string } {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) return { doc: input };
  try {
    const text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
    return { doc: parseJson(text.replace(/^\uFEFF/, ''), { maxLength: MAX_CTDL_TEXT, maxDepth: 64 }) };
  } catch (e) {
    return { error: isTsumikiError(e) ? e.code : 'JSON_MALFORMED' };
  }
}

/** A CTDL pathway graph (JSON-LD text, bytes or parsed JSON) as a pathway v1. Never throws. */
export function importCtdl(input: string | Uint8Array | JsonValue): CtdlImport {
  const fail = (code: CtdlErrorCode, detail: string): CtdlImport => ({ ok: false, error: { code, detail } });
  try {
    const got = docOf(input);
    if ('error' in got) return fail('JSON_INVALID', got.error);
    const g = new CtdlGraph(got.doc);
    if (g.tooLarge) return fail('TOO_LARGE', `more than ${g.nodes.length} resources`);
    const p = pathwayNode(g);
    if (p === null) return fail('NOT_A_PATHWAY', 'no ceterms:Pathway in the document');
    const others = g.nodes.filter((n) => n.types.includes('Pathway') && n !== p);
    const publisher = [...refsOf(g, p, 'ownedBy'), ...refsOf(g, p, 'offeredBy')];
    const publisherNames = publisher.flatMap((r) => ('node' in r ? allTexts(textIn(r.node, 'name')) : []));
    const conv = new Converter(g, publisherNames);
    for (const o of others) conv.report(o.pointer, 'ceterms:Pathway', 'another pathway in the same document: only the first is read');
    let dest: Ref[] = refsOf(g, p, 'hasDestinationComponent');
    if (dest.length === 0 && p.id !== null) {
      const found = g.nodes.filter((n) => [...refsOf(g, n, 'isDestinationComponentOf'), ...refsOf(g, n, 'isDestinationComponentFor')].some((r) => 'node' in r && r.node === p));
      dest = found.map((node) => ({ node }));
    }
    const first = dest.find((r) => 'node' in r) ?? dest[0];
    if (first === undefined) return fail('NO_DESTINATION', 'the pathway names no ceterms:hasDestinationComponent');
    if (dest.length > 1) conv.report(pathOf(p, 'hasDestinationComponent'), 'ceterms:hasDestinationComponent', `${dest.length} destinations: the first the document holds is the goal`);
    const requirement = conv.component(first, [], 1, pathOf(p, 'hasDestinationComponent', 0));
    for (const n of g.nodes) {
      const kind = n.types.find((t) => t.endsWith('Component') || t === 'ComponentCondition' || t === 'Constraint');
      if (kind !== undefined && !conv.seen.has(n)) conv.report(n.id !== null && !n.id.startsWith('_:') ? n.id : n.pointer, `ceterms:${kind}`, 'not reached from the destination component (through its conditions or children): not part of the requirements');
    }
    if (conv.overflow) return fail('TOO_LARGE', `more than ${MAX_NODES} requirements`);
    if (requirement === null) return fail('NOT_EXPRESSIBLE', 'the destination gives nothing to require');
    const id = p.id ?? irisOf(p, 'ctid')[0] ?? 'urn:ctdl:pathway';
    const publisherNode = publisher.find((r) => 'node' in r);
    const publisherIri = publisher[0] === undefined ? null : 'node' in publisher[0] ? publisher[0].node.id : publisher[0].missing;
    const destNode = 'node' in first ? first.node : null;
    const proxy = destNode === null ? undefined : refsOf(g, destNode, 'proxyFor').find((r) => 'node' in r);
    const achievementId = (proxy !== undefined && 'node' in proxy ? irisOf(proxy.node, 'credentialId')[0] : undefined) ?? (destNode === null ? undefined : irisOf(destNode, 'credentialId')[0]) ?? null;
    const pathway: Pathway = {
      pathwayVersion: 1,
      id: id.slice(0, 2000),
      title: textIn(p, 'name') ?? { und: id.slice(0, 2000) },
      description: textIn(p, 'description'),
      awardedBy: {
        id: null,
        name: (publisherNode !== undefined && 'node' in publisherNode ? textIn(publisherNode.node, 'name') : null) ?? (publisherIri === null ? { en: 'Publisher not named', ja: '公開者の記載なし' } : { und: publisherIri.slice(0, 2000) }),
        url: publisherIri === null || publisherIri.startsWith('_:') ? null : publisherIri.slice(0, 2000),
      },
      achievementId: achievementId === null ? null : achievementId.slice(0, 2000),
      requirement,
      options: DEFAULT_OPTIONS,
      source: { format: 'ctdl', id: id.slice(0, 2000) },
      unsupported: conv.unsupported,
    };
    // The result must be a valid v1 document: checked by the one validator, and returned as it reads it.
    const checked = parsePathway(pathwayToJson(pathway));
    if (!checked.ok) return fail('NOT_EXPRESSIBLE', checked.errors.map((e) => `${e.path} ${e.code}`).slice(0, 5).join('; '));
    return { ok: true, pathway: checked.pathway, unsupported: checked.pathway.unsupported ?? [] };
  } catch (e) {
    return fail('JSON_INVALID', e instanceof Error ? e.message.slice(0, 200) : 'unreadable');
  }
}
