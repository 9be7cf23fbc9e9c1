/**
 * Collecting a badge from an issuer (issue 13), for the import screen: a pasted, scanned or
 * deep-linked offer is opened (who is offering — its origin as proven, its name and logo as claims —
 * what, and whether a PIN is needed); on the learner's yes the protocol runs with the device key,
 * each credential received is verified in the worker like an imported file and shown; only on a
 * second yes are the ones that do not fail stored, through the importer (one transaction each).
 * Nothing is stored before that, and a failure names the step and the reason.
 */
import { isTsumikiError } from '../../lib/errors.ts';
import type { ClaimOffer } from '../../lib/exchange/offer.ts';
import type { InputResult } from '../../lib/verify/pipeline.ts';
import type { AppState } from '../context.ts';
import { errorWords } from '../words.ts';
import { verifyInWorker } from './verifier.ts';

export type ClaimStage = 'idle' | 'opening' | 'offer' | 'collecting' | 'review' | 'saving' | 'done';

export interface ClaimProblem {
  readonly code: string;
  readonly step?: string;
  readonly text: string;
}

export interface ClaimedItem {
  readonly key: number;
  readonly item: string;
  readonly bytes: Uint8Array;
  readonly result: InputResult;
  /** Not failed or rejected: offered for keeping. */
  readonly keep: boolean;
}

const claimCore = () => import('../claim-core.ts');

export class Claim {
  readonly #app: AppState;
  stage = $state<ClaimStage>('idle');
  offer = $state.raw<ClaimOffer | null>(null);
  pin = $state('');
  problem = $state.raw<ClaimProblem | null>(null);
  items = $state.raw<readonly ClaimedItem[]>([]);
  /** How many were stored by the last yes. */
  kept = $state(0);
  #run = 0;

  constructor(app: AppState) {
    this.#app = app;
  }

  readonly keepable = $derived(this.items.filter((i) => i.keep));

  #fail(e: unknown, run: number): void {
    if (run !== this.#run) return;
    const code = isTsumikiError(e) ? e.code : 'INTERNAL';
    const step = isTsumikiError(e) && typeof e.data?.step === 'string' ? e.data.step : undefined;
    const words = errorWords(this.#app.i18n.lang, code);
    this.problem = { code, ...(step !== undefined ? { step } : {}), text: words };
    // A wrong PIN can be typed again; anything else starts over.
    this.stage = code === 'CLAIM_WRONG_PIN' || code === 'CLAIM_PIN_REQUIRED' ? 'offer' : 'idle';
    if (this.stage === 'idle') this.offer = null;
  }

  /** Open an offer: reads who is offering and what. Nothing is requested from the issuer's token or credential endpoints yet. */
  async open(text: string): Promise<void> {
    const run = ++this.#run;
    this.stage = 'opening';
    this.problem = null;
    this.offer = null;
    this.items = [];
    this.pin = '';
    this.kept = 0;
    try {
      const core = await claimCore();
      const offer = await core.openClaim(text, { langs: [this.#app.i18n.lang, 'en'] });
      if (run !== this.#run) return;
      this.offer = offer;
      this.stage = 'offer';
    } catch (e) {
      this.#fail(e, run);
    }
  }

  /** The learner said yes: run the protocol, then verify what arrived (nothing is stored yet). */
  async accept(): Promise<void> {
    const offer = this.offer;
    if (!offer || this.stage !== 'offer') return;
    const run = ++this.#run;
    this.stage = 'collecting';
    this.problem = null;
    try {
      const core = await claimCore();
      const key = await core.deviceKey(this.#app.db);
      const received = await core.collectClaim(offer, key, offer.pin ? { pin: this.pin } : {});
      const now = new Date();
      const items: ClaimedItem[] = [];
      for (const [i, r] of received.entries()) {
        const result = await verifyInWorker(r.bytes, { now, online: false, lang: this.#app.i18n.lang });
        const verdicts = result.error ? ['rejected'] : result.credentials.map((c) => c.verification.verdict);
        items.push({ key: i, item: r.item, bytes: r.bytes, result, keep: verdicts.length > 0 && verdicts.every((v) => v !== 'failed' && v !== 'rejected') });
      }
      if (run !== this.#run) return;
      this.items = items;
      this.stage = 'review';
    } catch (e) {
      this.#fail(e, run);
    }
  }

  /** The second yes: store the badges that did not fail, like imported files. */
  async keep(): Promise<void> {
    const offer = this.offer;
    if (!offer || this.stage !== 'review') return;
    this.stage = 'saving';
    const keep = this.keepable;
    const rows = await this.#app.importer.run(keep.map((k) => ({ name: `${offer.offering.origin} · ${k.item}`, read: async () => k.bytes })));
    this.kept = rows.filter((r) => r.outcome.ok).length;
    this.stage = 'done';
  }

  cancel(): void {
    this.#run++;
    this.stage = 'idle';
    this.offer = null;
    this.items = [];
    this.problem = null;
    this.pin = '';
  }
}
