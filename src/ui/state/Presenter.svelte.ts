/**
 * The "answer a verifier" screen (issue 13): a request read from a scan, a paste or a link (only
 * when the user asks), who asks (as proven, and what it calls itself), what it asks for and which
 * of the wallet's badges answer it, the learner's choice, and the verifier's answer once sent.
 * Badges that do not verify are shown but cannot be chosen; nothing is sent without "Send".
 */
import { isTsumikiError } from '../../lib/errors.ts';
import type { AnswerPlan, AnswerResult, Ask, Holding } from '../present-core.ts';
import type { AppState } from '../context.ts';
import { errorWords } from '../words.ts';

const presentCore = () => import('../present-core.ts');

export type PresentPhase = 'idle' | 'reading' | 'ready' | 'sending' | 'done';

export interface PresentProblem {
  readonly code: string;
  readonly text: string;
  /** The technical detail (the verifier's words, the step), shown under the words. */
  readonly detail: string;
}

/** One badge that answers an ask, as the screen lists it. */
export interface Candidate {
  readonly index: number;
  readonly id: string;
  readonly title: string;
  readonly issuer: string | null;
  /** Why it cannot be sent (it does not verify), or null. */
  readonly refusal: string | null;
  /** An ecdsa-sd-2023 badge: only the fields asked for are disclosed. */
  readonly selective: boolean;
}

export class Presenter {
  readonly #app: AppState;
  phase = $state<PresentPhase>('idle');
  problem = $state.raw<PresentProblem | null>(null);
  plan = $state.raw<AnswerPlan | null>(null);
  holdings = $state.raw<readonly Holding[]>([]);
  /** Ask id → chosen holding indices. */
  choice = $state.raw<Readonly<Record<string, readonly number[]>>>({});
  result = $state.raw<AnswerResult | null>(null);
  #selective = new Set<number>();
  #generation = 0;

  constructor(app: AppState) {
    this.#app = app;
  }

  #fail(e: unknown): void {
    const code = isTsumikiError(e) ? e.code : 'INTERNAL';
    this.problem = { code, text: errorWords(this.#app.i18n.lang, code), detail: e instanceof Error ? e.message.slice(0, 500) : String(e) };
  }

  /** Read a request: fetch it from the verifier (the user asked), verify the wallet's badges, match them. */
  async read(text: string): Promise<void> {
    const generation = ++this.#generation;
    this.phase = 'reading';
    this.problem = null;
    this.plan = null;
    this.result = null;
    try {
      const core = await presentCore();
      const request = await core.readVerifierRequest(text);
      const holdings = await core.holdingsOf(this.#app.db);
      if (generation !== this.#generation) return;
      const plan = core.planAnswer(request, holdings);
      this.#selective = new Set(holdings.map((h, i) => [h, i] as const).filter(([h]) => core.disclosureOf(h.parsed).mode === 'selective').map(([, i]) => i));
      this.holdings = holdings;
      this.plan = plan;
      this.choice = Object.fromEntries(plan.asks.filter((a) => a.required).map((a) => [a.id, a.candidates.filter((i) => core.refusalOf((holdings[i] as Holding).verification) === undefined).slice(0, 1)])); // why: candidates index holdings
      this.phase = 'ready';
    } catch (e) {
      if (generation !== this.#generation) return;
      this.#fail(e);
      this.phase = 'idle';
    }
  }

  candidates(ask: Ask): Candidate[] {
    return ask.candidates.map((index) => {
      const h = this.holdings[index] as Holding; // why: candidates index holdings
      const failed = h.verification.checks.find((c) => c.outcome === 'failed');
      const proof = h.verification.checks.find((c) => c.id === 'proof');
      const refusal = failed ? failed.code : proof?.outcome !== 'passed' ? (proof?.code ?? 'NOT_CHECKED') : null;
      return { index, id: h.key, title: h.reading?.badge.title ?? h.key, issuer: h.reading?.badge.issuer.name ?? h.reading?.badge.issuer.id ?? null, refusal, selective: this.#selective.has(index) };
    });
  }

  /** Choose (or un-choose) a badge for an ask; an ask that takes one badge keeps only the last chosen. */
  choose(ask: Ask, index: number, on: boolean): void {
    const now = this.choice[ask.id] ?? [];
    const next = on ? (ask.multiple ? [...new Set([...now, index])] : [index]) : now.filter((i) => i !== index);
    this.choice = { ...this.choice, [ask.id]: next };
  }

  /** Every required ask has a badge chosen (or nothing but DID authentication is asked). */
  get complete(): boolean {
    const plan = this.plan;
    if (!plan) return false;
    const asks = plan.asks.filter((a) => a.required);
    if (asks.length === 0) return plan.didAuthentication || Object.values(this.choice).some((c) => c.length > 0);
    return asks.every((a) => (this.choice[a.id]?.length ?? 0) > 0);
  }

  get sentCount(): number {
    return new Set(Object.values(this.choice).flat()).size;
  }

  /** Sign the answer with this device's key and post it to the verifier. */
  async send(): Promise<void> {
    const plan = this.plan;
    if (!plan || this.phase !== 'ready') return;
    this.phase = 'sending';
    this.problem = null;
    try {
      const core = await presentCore();
      const key = await core.deviceKey(this.#app.db);
      this.result = await core.sendAnswer(plan, this.choice, this.holdings, key, undefined);
      this.phase = 'done';
    } catch (e) {
      this.#fail(e);
      this.phase = 'ready';
    }
  }

  reset(): void {
    this.#generation++;
    this.phase = 'idle';
    this.problem = null;
    this.plan = null;
    this.result = null;
    this.choice = {};
  }
}
