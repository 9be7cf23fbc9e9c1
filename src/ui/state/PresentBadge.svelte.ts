/**
 * Presenting one badge beyond QR (issue 14): a PDF certificate that carries the signed badge, and
 * LinkedIn's "Add to profile" link. pdf-lib and the certificate code load only when the PDF is
 * asked for (they stay out of the main bundle); LinkedIn is offered only on a public origin, where
 * the verify link it carries leads somewhere for a profile's readers.
 */
import { isTsumikiError } from '../../lib/errors.ts';
import type { CertificateFacts } from '../../lib/present/facts.ts';
import { isPublicOrigin } from '../../lib/present/linkedin.ts';
import type { StoredBadge } from '../../lib/store/types.ts';
import type { OpenedBadge } from '../../lib/wallet/open.ts';
import type { AppState } from '../context.ts';
import { loadCore } from '../load-core.ts';
import { saveFile } from './BadgePage.svelte.ts';

/** A file name from a title: no path or reserved characters, at most 80 characters. */
const fileStem = (title: string): string => title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim().slice(0, 80) || 'badge';

export class PresentBadge {
  busy = $state(false);
  /** LinkedIn's filled-in form, once worked out (public origins only). */
  linkedin = $state<string | undefined>(undefined);
  readonly #app: AppState;
  /** The app's base URL when others can reach it; links are put into the PDF and profile only then. */
  readonly publicBase: string | undefined;

  constructor(app: AppState) {
    this.#app = app;
    this.publicBase = isPublicOrigin(app.base) ? app.base : undefined;
  }

  async #facts(badge: StoredBadge, opened: OpenedBadge): Promise<CertificateFacts> {
    const { certificateFacts } = await import('../../lib/present/facts.ts');
    return certificateFacts({ inputBytes: opened.bytes, parsed: opened.parsed, reading: opened.reading, checks: badge.report.checks, checkedAt: badge.verifiedAt });
  }

  async #link(opened: OpenedBadge): Promise<string | undefined> {
    if (this.publicBase === undefined) return undefined;
    const { verifyLinkOf } = await import('../../lib/present/link.ts');
    return (await verifyLinkOf(this.publicBase, opened.parsed)).url;
  }

  /** Works out the LinkedIn link for this badge (nothing leaves the device until it is opened). */
  async prepareLinkedIn(badge: StoredBadge, opened: OpenedBadge): Promise<void> {
    if (this.publicBase === undefined) return;
    const [{ linkedInAddUrl, linkedInEntryOf }, facts, link] = await Promise.all([import('../../lib/present/linkedin.ts'), this.#facts(badge, opened), this.#link(opened)]);
    this.linkedin = linkedInAddUrl(linkedInEntryOf(facts, link));
  }

  /**
   * Several badges of the wallet as one PDF (a learning record: a list, then a page each; one badge:
   * its certificate). Each is read again from its stored file, as the badge page reads it.
   */
  async downloadRecord(ids: readonly string[]): Promise<void> {
    if (this.busy || ids.length === 0) return;
    this.busy = true;
    const { i18n, toasts, db } = this.#app;
    try {
      const [{ makeCertificatePdf }, core, { getBadge }, { createEnv }] = await Promise.all([
        import('../../lib/present/pdf.ts'),
        loadCore(),
        import('../../lib/store/badges.ts'),
        import('../../lib/verify/env.ts'),
      ]);
      const facts: CertificateFacts[] = [];
      const links: (string | undefined)[] = [];
      for (const id of ids) {
        const [badge, opened] = await Promise.all([getBadge(db, id), core.openBadge(db, id, i18n.lang, createEnv({ remote: core.remoteFor(db, false) }))]);
        if (!badge || !opened) continue;
        facts.push(await this.#facts(badge, opened));
        links.push(await this.#link(opened));
      }
      if (facts.length === 0) return;
      const pdf = await makeCertificatePdf(facts, { now: new Date(), links });
      const name = facts.length === 1 ? (facts[0]?.title ?? 'badge') : 'Learning record';
      saveFile(new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), `${fileStem(name)}.pdf`);
      toasts.show(i18n.t('present.pdfDone'), 'success');
    } catch (e) {
      toasts.show(i18n.t('present.pdfFailed', { why: isTsumikiError(e) ? e.code : e instanceof Error ? e.message : String(e) }), 'error');
    } finally {
      this.busy = false;
    }
  }

  /** Makes the PDF certificate on this device and saves it. */
  async downloadPdf(badge: StoredBadge, opened: OpenedBadge): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const { i18n, toasts } = this.#app;
    try {
      const [{ makeCertificatePdf }, facts, link] = await Promise.all([import('../../lib/present/pdf.ts'), this.#facts(badge, opened), this.#link(opened)]);
      const pdf = await makeCertificatePdf([facts], { now: new Date(), links: [link] });
      saveFile(new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), `${fileStem(facts.title || badge.summary.title)}.pdf`);
      toasts.show(i18n.t('present.pdfDone'), 'success');
    } catch (e) {
      toasts.show(i18n.t('present.pdfFailed', { why: isTsumikiError(e) ? e.code : e instanceof Error ? e.message : String(e) }), 'error');
    } finally {
      this.busy = false;
    }
  }
}
