/**
 * The verify link of one badge, for a certificate or a profile: the app's verify page with the
 * credential inside the link (`#/verify?data=<one share frame>`) when it fits one frame, else the
 * verify page itself, where the PDF (which carries the credential) can be dropped. No server is
 * involved either way: the data travels in the URL fragment, which browsers never send.
 *
 * Why not the share screen's `verifyLink` (share/share.ts), which carries several frames: this link is
 * printed as ONE QR code on the certificate and given to LinkedIn as a profile URL, so it must stay
 * within one frame; a multi-frame link (up to 32,768 characters) fits neither.
 */
import type { ParsedCredential } from '../model/credential.ts';
import { encodeFrames } from '../share/frames.ts';
import { packPresentation } from '../share/pack.ts';
import { deepLink, presentationOf } from '../share/share.ts';

/** The app's base URL (no fragment) → its verify page. */
export function verifyPage(base: string): string {
  return `${base.replace(/#.*$/, '')}#/verify`;
}

export interface VerifyLink {
  readonly url: string;
  /** True when the credential travels inside the link; false for the bare verify page. */
  readonly carriesCredential: boolean;
}

/** The verify link of one badge under `base` (an https URL of the app, or any URL the caller chose). */
export async function verifyLinkOf(base: string, badge: Pick<ParsedCredential, 'credential' | 'jws' | 'format'>): Promise<VerifyLink> {
  try {
    const payload = packPresentation(presentationOf([badge]));
    const { texts } = await encodeFrames(payload, { singleMaxVersion: 40, frameMaxVersion: 40 });
    if (texts.length === 1) return { url: deepLink(base, texts[0] as string), carriesCredential: true }; // why: length checked
  } catch {
    // too large to share at all: the bare verify page below
  }
  return { url: verifyPage(base), carriesCredential: false };
}
