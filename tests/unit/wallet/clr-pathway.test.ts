/**
 * A CLR 2.0 record in the wallet (issue 16): its credentials are each verified on their own and the
 * report keeps them (`nested`), so a pathway — also one made from the record's own associations —
 * counts only those that verify, after import and after a re-check alike.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import { progress } from '../../../src/lib/stack/index.ts';
import { getBadge } from '../../../src/lib/store/badges.ts';
import { openWallet } from '../../../src/lib/store/db.ts';
import { listPathways } from '../../../src/lib/store/pathways.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { verifyBytes } from '../../../src/lib/verify/pipeline.ts';
import { createRemote } from '../../../src/lib/verify/remote.ts';
import { BadgeFactsCache } from '../../../src/lib/wallet/badge-facts.ts';
import { importBytes } from '../../../src/lib/wallet/import.ts';
import { importPathwayText } from '../../../src/lib/wallet/pathway-import.ts';
import { reverifyBadge } from '../../../src/lib/wallet/reverify.ts';
import { parsePathway } from '../../../src/lib/stack/validate.ts';
import { generateDidKey, hashedEmail, NOW, OB_V3, ob3Credential, RECIPIENT_EMAIL, SUBJECT_ID, signDi, trusting, VALID_FROM, VC_V2, type DidKey } from '../../support/issuer.ts';

const CLR_V2 = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
const KNOTS = 'https://issuer.tsumiki.test/achievements/knots';
const SPLICES = 'https://issuer.tsumiki.test/achievements/splices';
const WHOLE = 'https://college.tsumiki.test/achievements/ropework';
const remote = createRemote({ online: false });
let school: DidKey;
let college: DidKey;
let clrBytes: Uint8Array;

beforeAll(async () => {
  [school, college] = await Promise.all([generateDidKey('Ed25519'), generateDidKey('Ed25519')]);
  const identityHash = await hashedEmail(RECIPIENT_EMAIL, 'kombu');
  const badge = (n: number, name: string, id: string) => {
    const c = ob3Credential({ id: `urn:uuid:00000000-0000-4000-8000-00000000010${n}`, issuerId: school.did, identityHash });
    Object.assign((c.credentialSubject as JsonObject).achievement as JsonObject, { name, id });
    return c;
  };
  const good = await signDi(badge(1, 'Knots', KNOTS), 'eddsa-rdfc-2022', school.pair);
  const bad = await signDi(badge(2, 'Splices', SPLICES), 'eddsa-rdfc-2022', school.pair);
  ((bad.credentialSubject as JsonObject).achievement as JsonObject).name = 'Something grander';
  const clr = {
    '@context': [VC_V2, CLR_V2, OB_V3],
    id: 'urn:uuid:00000000-0000-4000-a000-000000000100',
    type: ['VerifiableCredential', 'ClrCredential'],
    issuer: { id: college.did, type: ['Profile'], name: 'Tsumiki Test College' },
    validFrom: VALID_FROM,
    name: 'Transcript',
    credentialSubject: {
      id: SUBJECT_ID,
      type: ['ClrSubject'],
      achievement: [{ id: WHOLE, type: ['Achievement'], name: 'Ropework certificate', description: 'Knots and splices.', criteria: { narrative: 'Both.' } }],
      verifiableCredential: [good, bad],
      association: [
        { type: 'Association', associationType: 'isParentOf', sourceId: WHOLE, targetId: KNOTS },
        { type: 'Association', associationType: 'isParentOf', sourceId: WHOLE, targetId: SPLICES },
      ],
    },
  };
  clrBytes = new TextEncoder().encode(JSON.stringify(await signDi(clr, 'eddsa-rdfc-2022', college.pair)));
});

describe('a CLR record in the wallet', () => {
  it('keeps each inner verification; a pathway from its associations counts only the credential that verifies', async () => {
    const db = await openWallet({ indexedDB: new IDBFactory(), IDBKeyRange, now: () => NOW });
    const verify = (b: Uint8Array) => verifyBytes(b, createEnv({ now: NOW, remote, trust: trusting([school.did, college.did]) }));
    const imported = await importBytes(db, clrBytes, { now: NOW, remote, verify });
    expect(imported.ok).toBe(true);
    const rows = await db.badges.toArray();
    expect(rows).toHaveLength(1);
    const row = rows[0];
    if (row === undefined) throw new Error('no row');
    expect(row.report.verdict).toBe('verified');
    expect(Object.entries(row.report.nested ?? {}).map(([path, v]) => [path, v.verdict])).toEqual([
      ['credentialSubject.verifiableCredential[0]', 'verified'],
      ['credentialSubject.verifiableCredential[1]', 'failed'],
    ]);

    // The same record as a pathway source.
    const added = await importPathwayText(db, clrBytes, { kind: 'file', name: 'clr.json' });
    expect(added).toMatchObject({ ok: true, from: 'clr', more: 0, unsupported: 0 });
    const [stored] = await listPathways(db);
    const checked = parsePathway(stored?.doc ?? {});
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    expect(checked.pathway.source).toEqual({ format: 'clr', id: 'urn:uuid:00000000-0000-4000-a000-000000000100' });

    const facts = await new BadgeFactsCache(db).of(rows);
    const p = progress(checked.pathway, facts, { now: NOW });
    expect(p.counted.map((c) => c.requirement)).toEqual(['part-1']);
    expect(p.complete).toBe(false);
    expect(progress(checked.pathway, facts, { now: NOW, countUnverified: true }).complete).toBe(false); // a forgery never counts

    // A re-check keeps the inner verifications.
    await reverifyBadge(db, row.id, { now: NOW, remote, verify });
    expect(Object.keys((await getBadge(db, row.id))?.report.nested ?? {})).toHaveLength(2);
  }, 60_000);

  it('a CLR without parts gives no pathway (a coded answer), and a CTDL graph is converted', async () => {
    const db = await openWallet({ indexedDB: new IDBFactory(), IDBKeyRange, now: () => NOW });
    const noParts = JSON.parse(new TextDecoder().decode(clrBytes));
    delete noParts.credentialSubject.association;
    expect(await importPathwayText(db, JSON.stringify(noParts), { kind: 'file', name: 'x.json' })).toEqual({ ok: false, clr: 'NO_PATHWAY' });
    const ctdl = await importPathwayText(db, new Uint8Array(await (await import('node:fs/promises')).readFile('tests/fixtures/ctdl/heriot-watt-bsc-cs.expanded.json')), { kind: 'file', name: 'hw.json' });
    expect(ctdl).toMatchObject({ ok: true, from: 'ctdl' });
    expect(ctdl.ok && ctdl.unsupported).toBeGreaterThan(10);
    expect(await importPathwayText(db, '{"@context":"https://credreg.net/ctdl/schema/context/json","@graph":[{"@type":"ceterms:Pathway"}]}', { kind: 'file', name: 'y.json' })).toEqual({ ok: false, ctdl: 'NO_DESTINATION' });
  });
});
