/**
 * What the pathway screens show, worked out from a `Progress` (pure, unit-tested): labels for
 * requirements, reasons in words with the data made readable (dates, verdicts, badge and
 * requirement names instead of ids), the "what's missing" list with the badges that could help, and
 * what a badge counts toward.
 */
import { pathwayWords, pickText, type BadgeStatus, type NodeProgress, type Outcome, type Pathway, type Progress, type Reason, type ReasonCode, type RequirementNode } from '../lib/stack/index.ts';
import type { Lang } from '../lib/i18n/lang.ts';
import { achievementTypeName } from '../lib/i18n/vocabulary.ts';
import type { PathwayResult } from './state/Pathways.svelte.ts';

/** How to turn ids and codes inside reasons into words. */
export interface Lookup {
  readonly lang: Lang;
  readonly date: (iso: string) => string;
  readonly verdict: (code: string) => string;
  /** A badge's title, by its key in the progress report. */
  readonly badgeTitle: (key: string) => string;
  /** An issuer's name (as its badges claim it), by its id; null when no badge names it. */
  readonly issuerName: (id: string) => string | null;
}

const BADGE_ID = /^[0-9a-f]{64}/;

/** The wallet id of the badge a progress key names (`<id>` or `<id>#<path in a CLR>`). */
export function badgeIdOf(key: string): string {
  return BADGE_ID.exec(key)?.[0] ?? key;
}

export function nodesById(root: NodeProgress): Map<string, NodeProgress> {
  const out = new Map<string, NodeProgress>();
  const walk = (n: NodeProgress): void => {
    out.set(n.id, n);
    n.children.forEach(walk);
  };
  walk(root);
  return out;
}

/** The rule a node states: "all of", "at least 2 of", "at least 10 ECTS credits". */
export function nodeRule(n: NodeProgress, lang: Lang): string {
  return pathwayWords.kindText(n.kind, lang, { ...(n.atLeast ? { n: n.atLeast.n } : {}), ...(n.credits ? { min: n.credits.min, unit: n.credits.unit } : {}) });
}

/** The node's title in the language asked for, else its rule (groups) or its id. */
export function nodeLabel(n: NodeProgress | undefined, lang: Lang, fallbackId = ''): string {
  if (n === undefined) return fallbackId;
  return pathwayWords.titleText(n.title, lang, n.kind === 'achievement' ? n.id : nodeRule(n, lang));
}

const num = (x: number, lang: Lang): string => new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en', { maximumFractionDigits: 2 }).format(x);

/** "6 / 10 ECTS credits (cap 10)" */
export function creditLine(n: NodeProgress, lang: Lang): string {
  const c = n.credits;
  if (c === undefined) return '';
  const cap = c.cap === null ? '' : lang === 'ja' ? `（上限${num(c.cap, lang)}）` : ` (cap ${num(c.cap, lang)})`;
  return `${num(c.counted, lang)} / ${num(c.min, lang)} ${pathwayWords.unitText(c.unit, lang)}${cap}`;
}

/** A reason in words, its data made readable. */
export function reasonLine(r: Reason & { readonly counts?: number }, nodes: ReadonlyMap<string, NodeProgress>, look: Lookup): string {
  const d = r.data ?? {};
  const text = (k: string): string | null => {
    const v = d[k];
    return typeof v === 'string' ? v : null;
  };
  const data: Record<string, string | number | null> = { ...d };
  const verdict = text('verdict');
  if (verdict !== null) data.verdict = look.verdict(verdict);
  for (const k of ['expiresAt', 'issuedAt']) {
    const v = text(k);
    if (v !== null) data[k] = look.date(v);
  }
  const requirement = text('requirement');
  if (requirement !== null) data.requirement = nodeLabel(nodes.get(requirement), look.lang, requirement);
  const badge = text('badge');
  if (badge !== null) data.badge = look.badgeTitle(badge);
  const issuer = text('issuer');
  if (issuer !== null) data.issuer = look.issuerName(issuer) ?? issuer;
  return pathwayWords.reasonText({ code: r.code, data, ...(r.counts === undefined ? {} : { counts: r.counts }) }, look.lang);
}

export interface BadgeLine {
  readonly key: string;
  readonly id: string;
  readonly title: string;
  readonly outcome: Outcome;
  readonly reasons: readonly string[];
}

export interface MissingView {
  readonly requirement: string;
  readonly label: string;
  readonly need: string;
  /** For "at least n of": the options still open. */
  readonly options: readonly string[];
  /** Badges recognised under this requirement that do not count (yet), with why. */
  readonly near: readonly BadgeLine[];
}

function leafIds(n: NodeProgress): Set<string> {
  const out = new Set<string>();
  const walk = (x: NodeProgress): void => {
    if (x.children.length === 0) out.add(x.id);
    x.children.forEach(walk);
  };
  walk(n);
  return out;
}

/**
 * Reasons a learner can do something about (verify, renew, choose where a badge counts). A credits
 * pool recognises every badge, so there only badges held back by these are listed as "could help";
 * an achievement requirement names its badge, so every badge it recognises is.
 */
const ACTIONABLE: ReadonlySet<ReasonCode> = new Set(['NOT_VERIFIED', 'EXPIRED', 'USED_ELSEWHERE', 'SAME_ACHIEVEMENT', 'DATE_UNKNOWN']);

export function missingView(p: Progress, look: Lookup): MissingView[] {
  const nodes = nodesById(p.root);
  return p.missing.map((m) => {
    const node = nodes.get(m.requirement);
    const leaves = node === undefined ? new Set([m.requirement]) : leafIds(node);
    const near: BadgeLine[] = [];
    for (const b of p.badges) {
      const reqs = b.requirements.filter(
        (r) => leaves.has(r.requirement) && r.outcome !== 'counted' && (nodes.get(r.requirement)?.kind !== 'credits' || r.reasons.every((x) => ACTIONABLE.has(x.code))),
      );
      if (reqs.length === 0 || b.requirements.some((r) => r.outcome === 'counted' && leaves.has(r.requirement))) continue;
      const outcome: Outcome = reqs.some((r) => r.outcome === 'would-count-if-verified') ? 'would-count-if-verified' : 'not-counted';
      near.push({ key: b.badge, id: badgeIdOf(b.badge), title: look.badgeTitle(b.badge), outcome, reasons: [...new Set(reqs.flatMap((r) => r.reasons.map((x) => reasonLine(x, nodes, look))))] });
    }
    return {
      requirement: m.requirement,
      label: pathwayWords.titleText(m.title, look.lang, nodeLabel(node, look.lang, m.requirement)),
      need: pathwayWords.needText(m.need, look.lang),
      options: m.need.kind === 'atLeast' ? m.need.options.map((id) => nodeLabel(nodes.get(id), look.lang, id)) : [],
      near: near.sort((a, b) => (a.outcome === b.outcome ? 0 : a.outcome === 'would-count-if-verified' ? -1 : 1)),
    };
  });
}

export interface TowardLine {
  readonly label: string;
  readonly outcome: Outcome;
  readonly reasons: readonly string[];
  /** For credits: the badge's amount and its arithmetic. */
  readonly amount: string | null;
}

export interface Toward {
  readonly pathwayId: string;
  readonly title: string;
  readonly status: BadgeStatus;
  readonly lines: readonly TowardLine[];
}

const OUTCOME_RANK: Readonly<Record<Outcome, number>> = { counted: 0, 'would-count-if-verified': 1, 'not-counted': 2 };

/** What one badge (by wallet id) counts toward, would count toward if verified, or is recognised by. */
export function towardOf(results: readonly PathwayResult[], badgeId: string, look: Lookup): Toward[] {
  const out: Toward[] = [];
  for (const r of results) {
    const nodes = nodesById(r.progress.root);
    for (const b of r.progress.badges) {
      if (badgeIdOf(b.badge) !== badgeId || b.status === 'not-relevant') continue;
      out.push({
        pathwayId: r.pathway.id,
        title: pathwayWords.titleText(r.pathway.title, look.lang, r.pathway.id),
        status: b.status,
        lines: [...b.requirements].sort((x, y) => OUTCOME_RANK[x.outcome] - OUTCOME_RANK[y.outcome]).map((q) => ({
          label: nodeLabel(nodes.get(q.requirement), look.lang, q.requirement),
          outcome: q.outcome,
          reasons: q.outcome === 'counted' && q.reasons.every((x) => x.code === 'COUNTED') ? [] : q.reasons.map((x) => reasonLine({ ...x, ...(q.counts === undefined ? {} : { counts: q.counts }) }, nodes, look)),
          amount: q.amount ? pathwayWords.amountText(q.amount, look.lang) : null,
        })),
      });
    }
  }
  const rank: Record<BadgeStatus, number> = { counted: 0, 'would-count-if-verified': 1, 'not-counted': 2, 'not-relevant': 3 };
  return out.sort((a, b) => rank[a.status] - rank[b.status]);
}

/** What a requirement asks of a badge, as data for words: what to earn (matchers) and the conditions (own and inherited). */
export type HintKey = 'match.id' | 'match.alignment' | 'match.title' | 'where.issuer' | 'where.years' | 'where.type' | 'where.micro' | 'where.level';
export interface Hint {
  readonly key: HintKey;
  readonly value: string;
  /** A web address that goes with the words (an achievement ID): shown as a link, never as the words. */
  readonly url?: string;
}

/** A name for an achievement ID: the requirement's own title, else the host that defines it (issue 14: never a raw URL as the words). */
function achievementName(id: string, title: string | null): string {
  if (title !== null && title.trim() !== '') return title;
  try {
    return new URL(id).host || id;
  } catch {
    return id;
  }
}

function pathTo(root: RequirementNode, id: string): RequirementNode[] | null {
  if (root.id === id) return [root];
  if (root.kind === 'achievement') return null;
  for (const child of root.of) {
    const below = pathTo(child, id);
    if (below !== null) return [root, ...below];
  }
  return null;
}

/** Hints for one requirement; `issuerName` turns an issuer id into a name when one is known. */
export function requirementHints(pathway: Pathway, requirement: string, lang: Lang, issuerName: (id: string) => string | null): Hint[] {
  const chain = pathTo(pathway.requirement, requirement);
  if (chain === null) return [];
  const node = chain[chain.length - 1];
  const sep = lang === 'ja' ? '、' : ', ';
  const named = (id: string): string => {
    const name = id === pathway.awardedBy.id ? pickText(pathway.awardedBy.name, lang) : issuerName(id);
    return name === null ? id : lang === 'ja' ? `${name}（${id}）` : `${name} (${id})`;
  };
  const out: Hint[] = [];
  for (const m of node?.kind === 'achievement' || node?.kind === 'credits' ? node.match : []) {
    if (m.by === 'achievementId') {
      const title = node === undefined ? null : pickText(node.title ?? null, lang);
      out.push({ key: 'match.id', value: achievementName(m.achievementId, title), ...(/^https?:\/\//i.test(m.achievementId) ? { url: m.achievementId } : {}) });
    }
    else if (m.by === 'alignment') out.push({ key: 'match.alignment', value: [m.targetCode, m.targetUrl, m.targetFramework].filter((x) => x !== null).join(' · ') });
    else out.push({ key: 'match.title', value: `${m.title.map((x) => (lang === 'ja' ? `「${x}」` : `“${x}”`)).join(' / ')}${lang === 'ja' ? '、発行者：' : ' — '}${[...m.issuer.id.map(named), ...m.issuer.idStartsWith.map(named), ...m.issuer.name].join(sep)}` });
  }
  for (const n of chain) {
    const w = n.where;
    if (w.issuer) out.push({ key: 'where.issuer', value: [...w.issuer.id.map(named), ...w.issuer.idStartsWith.map(named), ...w.issuer.name].join(sep) });
    if (w.earnedWithinYears !== undefined) out.push({ key: 'where.years', value: String(w.earnedWithinYears) });
    if (w.achievementType) out.push({ key: 'where.type', value: w.achievementType.map((x) => achievementTypeName(x, lang)).join(sep) });
    if (w.microCredential === true) out.push({ key: 'where.micro', value: '' });
    if (w.level) {
      const range = w.level.min === null && w.level.max === null ? '' : `${w.level.framework ?? ''} ${w.level.min ?? '…'}${lang === 'ja' ? '〜' : '–'}${w.level.max ?? '…'}`.trim();
      out.push({ key: 'where.level', value: [...w.level.anyOf, ...(range ? [range] : [])].join(sep) });
    }
  }
  return out.filter((h, i) => out.findIndex((x) => x.key === h.key && x.value === h.value) === i);
}
