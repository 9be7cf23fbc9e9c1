/**
 * The share screen (issue 7): the badges chosen, what each discloses, holder binding with this
 * device's key and the verifier's challenge, and the presentation built from them: its QR frames,
 * its verify link (whenever it fits a link), and the downloads (.json, a baked PNG of one badge).
 */
import { isTsumikiError } from '../../lib/errors.ts';
import type { JsonObject, ParsedCredential } from '../../lib/model/credential.ts';
import type { Disclosure } from '../../lib/share/disclosure.ts';
import { bakedBadgePng, presentationJson, presentationOf, sharePresentation, verifyLink } from '../../lib/share/share.ts';
import type { OpenedBadge } from '../../lib/wallet/open.ts';
import { getImage } from '../../lib/store/media.ts';
import type { AppState } from '../context.ts';
import { pngOf } from '../scan/raster.ts';
import { errorWords } from '../words.ts';
import { saveFile } from './BadgePage.svelte.ts';
import { disclosed } from './share-fields.ts';

const shareCore = () => import('../share-core.ts');

export interface ShareItem {
  readonly id: string;
  readonly opened: OpenedBadge;
  readonly disclosure: Disclosure;
}

export interface Built {
  readonly presentation: JsonObject;
  /** What each badge became in the presentation (a derived credential when fields were left out). */
  readonly presented: readonly Pick<ParsedCredential, 'format' | 'bytes' | 'jws' | 'credential'>[];
  readonly frames: readonly string[];
  readonly payloadBytes: number;
  /** Milliseconds from the badges to the frame texts (disclosure, signing, packing). */
  readonly ms: number;
  /** The verify link, whenever the presentation fits a link (`verifyLink`: far more than one QR code holds). */
  readonly link?: string;
  /** The challenge the holder proof carries. */
  readonly challenge?: string;
}

export interface ShareProblem {
  readonly code: string;
  readonly text: string;
}

/** Waits this long after the last change before building again (typing a challenge). */
const SETTLE_MS = 250;

export class SharePage {
  readonly #app: AppState;
  selected = $state.raw<readonly string[]>([]);
  items = $state.raw<readonly ShareItem[]>([]);
  /** Optional fields left out, by badge id (ecdsa-sd-2023 badges only). */
  omitted = $state.raw<Readonly<Record<string, readonly string[]>>>({});
  bind = $state(false);
  challenge = $state('');
  holderDid = $state<string | null>(null);
  building = $state(false);
  problem = $state.raw<ShareProblem | null>(null);
  built = $state.raw<Built | null>(null);
  #generation = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(app: AppState) {
    this.#app = app;
  }

  #problem(e: unknown): ShareProblem {
    const code = isTsumikiError(e) ? e.code : 'INTERNAL';
    return { code, text: errorWords(this.#app.i18n.lang, code) };
  }

  /** Chooses the badges to share (in this order) and builds. */
  async select(ids: readonly string[]): Promise<void> {
    const chosen = [...new Set(ids)];
    this.selected = chosen;
    const core = await shareCore();
    const known = new Map(this.items.map((i) => [i.id, i]));
    const items: ShareItem[] = [];
    for (const id of chosen) {
      const had = known.get(id);
      if (had) {
        items.push(had);
        continue;
      }
      const opened = await core.openBadge(this.#app.db, id, this.#app.i18n.lang).catch(() => null);
      if (opened) items.push({ id, opened, disclosure: core.disclosureOf(opened.parsed) });
    }
    if (this.selected !== chosen) return; // chosen again meanwhile
    this.items = items;
    this.schedule(0);
  }

  toggle(id: string, on: boolean): Promise<void> {
    return this.select(on ? [...this.selected, id] : this.selected.filter((s) => s !== id));
  }

  /** Leaves an optional field out (or puts it back). */
  setOmitted(id: string, pointer: string, omit: boolean): void {
    const now = this.omitted[id] ?? [];
    this.omitted = { ...this.omitted, [id]: omit ? [...now, pointer] : now.filter((p) => p !== pointer) };
    this.schedule();
  }

  async setBinding(on: boolean): Promise<void> {
    this.bind = on;
    if (on && this.holderDid === null) {
      try {
        this.holderDid = (await (await shareCore()).deviceKey(this.#app.db)).did;
      } catch (e) {
        this.bind = false;
        this.problem = { code: isTsumikiError(e) ? e.code : 'DEVICE_KEY', text: this.#app.i18n.t('share.noDeviceKey') };
        return;
      }
    }
    this.schedule(0);
  }

  setChallenge(text: string): void {
    this.challenge = text.trim().slice(0, 200);
    if (this.bind) this.schedule();
  }

  /** Builds again once changes settle; an older build still running is dropped when it ends. */
  schedule(ms = SETTLE_MS): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.build(), ms);
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#generation++;
  }

  async build(): Promise<void> {
    clearTimeout(this.#timer);
    const generation = ++this.#generation;
    const items = this.items;
    if (items.length === 0) {
      this.built = null;
      this.problem = null;
      this.building = false;
      return;
    }
    this.building = true;
    const start = performance.now();
    try {
      const core = await shareCore();
      const presented: Built['presented'][number][] = [];
      for (const { id, opened, disclosure } of items) {
        if (disclosure.mode !== 'selective') {
          presented.push(opened.parsed);
          continue;
        }
        const credential = await core.deriveDisclosure(opened.parsed.credential, disclosed(disclosure.optional, this.omitted[id] ?? []));
        presented.push({ format: opened.parsed.format, credential, bytes: new TextEncoder().encode(JSON.stringify(credential)) });
      }
      let vp = presentationOf(presented);
      const challenge = this.bind && this.challenge ? this.challenge : undefined;
      if (this.bind) vp = await core.signPresentation(vp, await core.deviceKey(this.#app.db), challenge === undefined ? {} : { challenge });
      // Too much for QR codes: the presentation is still offered as a file, with the reason.
      const pkg = await sharePresentation(vp).catch((e: unknown) => {
        if (isTsumikiError(e) && e.code === 'SHARE_TOO_LARGE') return e;
        throw e;
      });
      if (generation !== this.#generation) return;
      const frames = pkg instanceof Error ? [] : pkg.frames;
      const link = pkg instanceof Error ? undefined : await verifyLink(this.#app.base, pkg.payload);
      if (generation !== this.#generation) return;
      this.built = {
        presentation: vp,
        presented,
        frames,
        payloadBytes: pkg instanceof Error ? 0 : pkg.payload.length,
        ms: performance.now() - start,
        ...(link === undefined ? {} : { link }),
        ...(challenge === undefined ? {} : { challenge }),
      };
      this.problem = pkg instanceof Error ? this.#problem(pkg) : null;
    } catch (e) {
      if (generation !== this.#generation) return;
      this.built = null;
      this.problem = this.#problem(e);
    } finally {
      if (generation === this.#generation) this.building = false;
    }
  }

  downloadJson(): void {
    if (!this.built) return;
    saveFile(new Blob([presentationJson(this.built.presentation)], { type: 'application/json' }), `tsumiki-presentation-${new Date().toISOString().slice(0, 10)}.json`);
  }

  /** The one badge baked into its own image (a PNG as it is; another image drawn into a PNG first). */
  async downloadBaked(): Promise<void> {
    const item = this.items[0];
    const presented = this.built?.presented[0];
    if (this.items.length !== 1 || !item || !presented) return;
    try {
      const image = await getImage(this.#app.db, item.id);
      if (!image) throw new Error('no image');
      const png = image.mime === 'image/png' ? image.bytes : await pngOf(new Blob([image.bytes as Uint8Array<ArrayBuffer>], { type: image.mime })); // why: stored bytes are ArrayBuffer-backed
      const baked = bakedBadgePng(png, presented);
      const name = (item.opened.details.title || 'badge').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim().slice(0, 80) || 'badge';
      saveFile(new Blob([baked as Uint8Array<ArrayBuffer>], { type: 'image/png' }), `${name}.png`); // why: bakePng returns a fresh array
    } catch (e) {
      this.problem = isTsumikiError(e) ? this.#problem(e) : { code: 'NO_IMAGE', text: this.#app.i18n.t('share.bakeFailed') };
    }
  }

  /** Whether the one selected badge has an image to bake into. */
  get canBake(): boolean {
    return this.items.length === 1 && this.#app.wallet.rows?.find((b) => b.id === this.items[0]?.id)?.hasImage === true;
  }
}
