// Tests written for StrykerJS (`npm run mutate`): the bundled contexts (contexts/registry.ts), the
// verification environment's defaults (env.ts), the lazy schema door (schema/lazy.ts) and the warm-up
// (prepare.ts). The warm-up's contents change only how fast the first verification is; what can be
// observed is that it settles, once, and never fails.
import { describe, expect, it, vi } from 'vitest';
import { bundledContext, bundledContextUrls, VC_V1, VC_V2 } from '../../../src/lib/verify/contexts/registry.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { prepareVerifier } from '../../../src/lib/verify/prepare.ts';
import { createRemote } from '../../../src/lib/verify/remote.ts';
import { validateSchemaLazy } from '../../../src/lib/verify/schema/lazy.ts';

describe('bundled contexts', () => {
  it('exactly these URLs, each a JSON-LD context document', () => {
    expect(VC_V1).toBe('https://www.w3.org/2018/credentials/v1');
    expect(VC_V2).toBe('https://www.w3.org/ns/credentials/v2');
    const urls = [
      'https://www.w3.org/2018/credentials/v1',
      'https://www.w3.org/ns/credentials/v2',
      'https://www.w3.org/ns/credentials/undefined-terms/v2',
      'https://www.w3.org/ns/credentials/examples/v2',
      'https://w3id.org/security/data-integrity/v1',
      'https://w3id.org/security/data-integrity/v2',
      'https://w3id.org/security/suites/ed25519-2020/v1',
      'https://w3id.org/security/multikey/v1',
      'https://www.w3.org/ns/did/v1',
      'https://www.w3.org/ns/credentials/status/v1',
      'https://w3id.org/vc/status-list/2021/v1',
      'https://purl.imsglobal.org/spec/ob/v3p0/context.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
      'https://imsglobal.github.io/openbadges-specification/ob_v3p0.html',
      'https://w3c-ccg.github.io/vc-ed/plugfest-1-2022/jff-vc-edu-plugfest-1-context.json',
      'https://purl.imsglobal.org/spec/clr/v2p0/context.json',
      'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
    ];
    expect(bundledContextUrls()).toEqual(urls);
    for (const url of urls) expect(bundledContext(url), url).toHaveProperty('@context');
    // Each URL its own file, but for the pre-final OB 3.0 context's two URLs.
    expect(new Set(urls.map((u) => bundledContext(u))).size).toBe(urls.length - 1);
    expect(bundledContext(urls[16] as string)).toBe(bundledContext(urls[17] as string));
    expect(bundledContext('https://www.w3.org/ns/credentials/v3')).toBeUndefined();
  });
});

describe('createEnv', () => {
  it('defaults: now, 300 s of skew, offline, no recipient, no trust', () => {
    const before = Date.now();
    const env = createEnv();
    expect(env.now.getTime()).toBeGreaterThanOrEqual(before);
    expect(env.clockSkewSeconds).toBe(300);
    expect(env.remote.online).toBe(false);
    expect(env).not.toHaveProperty('recipient');
    expect(env).not.toHaveProperty('trust');
  });

  it('what is given is kept', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const remote = createRemote({ online: true });
    const trust = { lists: [] } as never;
    expect(createEnv({ now, clockSkewSeconds: 0, remote, recipient: { identity: 'x' }, trust })).toEqual({ now, clockSkewSeconds: 0, remote, recipient: { identity: 'x' }, trust });
  });
});

describe('the lazy schema door and the warm-up', () => {
  it('validateSchemaLazy answers as the schema module does', async () => {
    expect(await validateSchemaLazy({ '@context': [VC_V2], type: ['VerifiableCredential'] })).toBeUndefined();
    expect(await validateSchemaLazy({ '@context': [VC_V2], type: ['VerifiableCredential', 'OpenBadgeCredential'] })).toMatchObject({ ok: false });
  });

  it('validateSchemaLazy loads the validators only when a schema applies', async () => {
    // A fresh copy of the door, over a stand-in for the ~37 kB validator module that records being loaded.
    vi.resetModules();
    let loads = 0;
    vi.doMock('../../../src/lib/verify/schema/index.ts', () => {
      loads += 1;
      return { validateSchema: () => ({ ok: true, schema: 'stand-in' }) };
    });
    try {
      const { validateSchemaLazy: fresh } = await import('../../../src/lib/verify/schema/lazy.ts');
      expect(await fresh({ '@context': [VC_V2], type: ['VerifiableCredential'] })).toBeUndefined();
      expect(loads).toBe(0);
      expect(await fresh({ '@context': [VC_V2], type: ['VerifiableCredential', 'OpenBadgeCredential'] })).toEqual({ ok: true, schema: 'stand-in' });
      expect(await fresh({ '@context': [VC_V2], type: ['VerifiableCredential', 'OpenBadgeCredential'] })).toEqual({ ok: true, schema: 'stand-in' });
      expect(loads).toBe(1);
    } finally {
      vi.doUnmock('../../../src/lib/verify/schema/index.ts');
      vi.resetModules();
    }
  });

  it('prepareVerifier settles (to undefined), once', async () => {
    const first = prepareVerifier();
    expect(prepareVerifier()).toBe(first);
    await expect(first).resolves.toBeUndefined();
  });
});
