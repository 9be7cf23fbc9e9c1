// What a test verifier accepts: the posted presentation's own proof made for `authentication`
// with exactly the challenge and domain it asked for, by the holder it names, and every credential
// in it intact (its proof passed, no check failed). Verified with Tsumiki's core, the same code an
// employer's verify screen runs, so the peers check for real (a wrong nonce or audience is refused).
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { verifyBytes } from '../../../src/lib/verify/pipeline.ts';
import { verifyPresentation } from '../../../src/lib/verify/presentation.ts';
import { createRemote } from '../../../src/lib/verify/remote.ts';

export interface PresentationVerdict {
  readonly ok: boolean;
  readonly problem?: string;
  /** The presentation's holder, as proven by its proof. */
  readonly holder?: string | null;
  /** Credential types, one list per credential. */
  readonly credentialTypes: string[][];
}

const env = () => createEnv({ remote: createRemote({ online: false }) });

export async function checkPresentation(vp: unknown, expected: { challenge: string; domain: string }): Promise<PresentationVerdict> {
  if (typeof vp !== 'object' || vp === null || Array.isArray(vp)) return { ok: false, problem: 'not a presentation object', credentialTypes: [] };
  const presentation = vp as JsonObject; // why: checked to be an object
  const own = await verifyPresentation(presentation, env(), expected);
  if (own.verdict !== 'verified') return { ok: false, problem: `presentation: ${own.checks.map((c) => `${c.id} ${c.outcome} ${c.code}`).join(', ')}`, holder: own.holder, credentialTypes: [] };
  const items = presentation.verifiableCredential;
  const count = Array.isArray(items) ? items.length : items === undefined ? 0 : 1;
  if (count === 0) return { ok: true, holder: own.holder, credentialTypes: [] };
  const result = await verifyBytes(new TextEncoder().encode(JSON.stringify(presentation)), env(), expected);
  if (result.error) return { ok: false, problem: `credentials: ${result.error.code}`, credentialTypes: [] };
  const types: string[][] = [];
  for (const c of result.credentials) {
    const failed = c.verification.checks.find((k) => k.outcome === 'failed');
    const proof = c.verification.checks.find((k) => k.id === 'proof');
    if (failed || proof?.outcome !== 'passed') return { ok: false, problem: `credential: ${failed ? `${failed.id} ${failed.code}` : `proof ${proof?.code}`}`, credentialTypes: [] };
    const t = c.reading?.document.type;
    types.push(Array.isArray(t) ? t.map(String) : [String(t)]);
  }
  return { ok: true, holder: own.holder, credentialTypes: types };
}
