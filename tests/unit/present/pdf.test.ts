/**
 * Issue 14: a PDF certificate that verifies. Made from credentials our own test issuer signs (OB 3.0
 * Data Integrity, VC-JWT, OB 2.0 signed; as text and baked in a PNG), the PDF carries each file byte
 * for byte; read back, it gives the same checks as the original. A credential edited inside the PDF
 * fails; hostile PDFs give coded errors and never crash.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { zlibSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, isTsumikiError } from '../../../src/lib/errors.ts';
import { parseInput, parseInputAsync } from '../../../src/lib/formats/parse.ts';
import { isPdf } from '../../../src/lib/formats/pdf.ts';
import { certificateFacts, type CertificateFacts } from '../../../src/lib/present/facts.ts';
import { makeCertificatePdf, readPdfCredentials, wrapText } from '../../../src/lib/present/pdf.ts';
import { headlineOf } from '../../../src/lib/model/headline.ts';
import { getOriginal } from '../../../src/lib/store/badges.ts';
import { openWallet } from '../../../src/lib/store/db.ts';
import type { VerifyEnv } from '../../../src/lib/verify/env.ts';
import { verifyBytes, type InputResult } from '../../../src/lib/verify/pipeline.ts';
import { importBytes } from '../../../src/lib/wallet/import.ts';
import { presentationOf } from '../../../src/lib/share/share.ts';
import { containerBytes, createTestIssuers, NOW, tamperValue, textOf, trusting, type Container, type ProofFormat, type TestIssuers } from '../../support/issuer.ts';

const BASE_PNG = new Uint8Array(readFileSync(fileURLToPath(new URL('../../fixtures/ob2/1edtech-validator/assets/robotics-badge.png', import.meta.url))));
const enc = (s: string) => new TextEncoder().encode(s);

let issuers: TestIssuers;
let env: VerifyEnv;
beforeAll(async () => {
  issuers = await createTestIssuers();
  const trusted = Object.values(issuers.formats).map((f) => f.issuerId);
  env = issuers.world.env({ trust: trusting(trusted) });
});

/** The checks without their clock: what must be equal between the original and the PDF. */
const checksOf = (r: InputResult) => r.credentials.map((c) => ({ format: c.format, verdict: c.verification.verdict, checks: c.verification.checks }));

async function pdfOf(inputs: readonly Uint8Array[], links?: readonly (string | undefined)[]): Promise<{ pdf: Uint8Array; facts: CertificateFacts[] }> {
  const facts: CertificateFacts[] = [];
  for (const bytes of inputs) {
    const r = await verifyBytes(bytes, env);
    for (const c of r.credentials) facts.push(certificateFacts({ inputBytes: bytes, parsed: c.parsed, reading: c.reading, checks: c.verification.checks, checkedAt: c.verification.checkedAt }));
  }
  return { pdf: await makeCertificatePdf(facts, { now: NOW, ...(links ? { links } : {}) }), facts };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'none';
  } catch (e) {
    return isTsumikiError(e) ? e.code : `not coded: ${String(e)}`;
  }
}

const CASES: [ProofFormat, Container][] = [
  ['eddsa-rdfc-2022', 'text'],
  ['eddsa-rdfc-2022', 'png'],
  ['ecdsa-rdfc-2019', 'svg'],
  ['vc-jwt-EdDSA', 'text'],
  ['vc-jwt-RS256-jwk', 'text'],
  ['ob2-RS256', 'text'],
  ['ob2-RS256', 'png'],
];

describe('PDF round trip', () => {
  it.each(CASES)('%s as %s: the attachment is the file byte for byte, and the PDF verifies exactly as the file', async (format, container) => {
    const issuer = issuers.formats[format];
    const original = containerBytes(await issuer.issue(), container, BASE_PNG, issuer.version);
    const direct = await verifyBytes(original, env);
    expect(direct.credentials).toHaveLength(1);
    const { pdf, facts } = await pdfOf([original]);
    expect(isPdf(pdf)).toBe(true);

    const files = await readPdfCredentials(pdf);
    expect(files).toHaveLength(1);
    expect(Buffer.from(files[0]!.bytes).equals(Buffer.from(original))).toBe(true);
    expect(files[0]!.mime).toBe(facts[0]!.file.mime);

    const viaPdf = await verifyBytes(pdf, env);
    expect(viaPdf.error).toBeUndefined();
    expect(checksOf(viaPdf)).toEqual(checksOf(direct));
    expect(viaPdf.credentials[0]!.parsed.attachment?.name).toBe(facts[0]!.file.name);
    // The certificate printed what the checks found.
    expect(facts[0]!.headline).toEqual(headlineOf(direct.credentials[0]!.verification.checks));
  });

  it('media types and names by content: JSON VC, VC-JWT, OB 2.0 JWS, baked PNG and SVG', async () => {
    const kinds: [ProofFormat, Container, string, string][] = [
      ['eddsa-rdfc-2022', 'text', 'credential.json', 'application/vc'],
      ['vc-jwt-EdDSA', 'text', 'credential.jwt', 'application/vc+jwt'],
      ['ob2-RS256', 'text', 'credential.jws', 'application/jose'],
      ['eddsa-rdfc-2022', 'png', 'credential.png', 'image/png'],
      ['eddsa-rdfc-2022', 'svg', 'credential.svg', 'image/svg+xml'],
    ];
    for (const [format, container, name, mime] of kinds) {
      const issuer = issuers.formats[format];
      const { facts } = await pdfOf([containerBytes(await issuer.issue(), container, BASE_PNG, issuer.version)]);
      expect(facts[0]!.file).toMatchObject({ name, mime });
    }
  });

  it('several badges: one PDF (a list, then a page each) carries every file in order, each verified as on its own', async () => {
    const inputs: Uint8Array[] = [];
    for (const format of ['eddsa-rdfc-2022', 'vc-jwt-ES256', 'ob2-RS256'] as const) {
      const issuer = issuers.formats[format];
      inputs.push(containerBytes(await issuer.issue(), 'text', BASE_PNG, issuer.version));
    }
    const { pdf } = await pdfOf(inputs);
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(4);
    const files = await readPdfCredentials(pdf);
    expect(files.map((f) => f.name)).toEqual(['01-credential.json', '02-credential.jwt', '03-credential.jws']);
    files.forEach((f, i) => expect(Buffer.from(f.bytes).equals(Buffer.from(inputs[i]!))).toBe(true));
    const viaPdf = await verifyBytes(pdf, env);
    const each = await Promise.all(inputs.map((b) => verifyBytes(b, env)));
    expect(checksOf(viaPdf)).toEqual(each.flatMap(checksOf));
  });

  it('a badge from a presentation is carried alone; a PDF made from a PDF carries the same file', async () => {
    const issuer = issuers.formats['eddsa-rdfc-2022'];
    const original = enc(textOf(await issuer.issue()));
    const [parsed] = (await verifyBytes(original, env)).credentials.map((c) => c.parsed);
    const vp = enc(JSON.stringify(presentationOf([parsed!])));
    const { pdf } = await pdfOf([vp]);
    const [carried] = await readPdfCredentials(pdf);
    expect(JSON.parse(new TextDecoder().decode(carried!.bytes))).toEqual(JSON.parse(new TextDecoder().decode(original)));
    expect(checksOf(await verifyBytes(pdf, env))).toEqual(checksOf(await verifyBytes(original, env)));

    const { pdf: first } = await pdfOf([original]);
    const { pdf: again } = await pdfOf([first]);
    expect(Buffer.from((await readPdfCredentials(again))[0]!.bytes).equals(Buffer.from(original))).toBe(true);
  });

  it('a tampered credential inside the PDF fails: forgery detected', async () => {
    const issuer = issuers.formats['eddsa-rdfc-2022'];
    const signed = await issuer.issue();
    const { pdf } = await pdfOf([enc(textOf(signed))]);
    // Edit the attached credential in place (the achievement's name), as someone with the PDF could.
    const tampered = enc(textOf(tamperValue(signed, issuer.name)));
    const doc = await PDFDocument.load(pdf);
    const tree = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict);
    const spec = tree.lookup(PDFName.of('Names'), PDFArray).lookup(1, PDFDict);
    const ref = spec.lookup(PDFName.of('EF'), PDFDict).get(PDFName.of('F')) as PDFRef;
    const old = doc.context.lookup(ref);
    expect(old).toBeInstanceOf(PDFRawStream);
    doc.context.assign(ref, doc.context.flateStream(tampered, { Type: 'EmbeddedFile', Subtype: (old as PDFRawStream).dict.get(PDFName.of('Subtype')) as PDFName }));
    const edited = await doc.save();

    const r = await verifyBytes(edited, env);
    expect(r.credentials).toHaveLength(1);
    expect(r.credentials[0]!.verification.verdict).toBe('failed');
    expect(r.credentials[0]!.verification.checks).toContainEqual(expect.objectContaining({ id: 'proof', outcome: 'failed', code: 'SIGNATURE_MISMATCH' }));
  });

  it('the wallet keeps the attached file, not the PDF: importing the PDF is importing the credential', async () => {
    const issuer = issuers.formats['vc-jwt-EdDSA'];
    const original = enc(textOf(await issuer.issue()));
    const { pdf } = await pdfOf([original]);
    const db = await openWallet({ indexedDB: new IDBFactory(), IDBKeyRange, now: () => NOW });
    const verify = (b: Uint8Array) => verifyBytes(b, env);
    const viaPdf = await importBytes(db, pdf, { now: NOW, remote: env.remote, verify });
    expect(viaPdf.ok).toBe(true);
    if (!viaPdf.ok) return;
    const [added] = viaPdf.credentials;
    expect(added).toMatchObject({ status: 'added', verdict: 'verified', headline: 'GENUINE' });
    const stored = await getOriginal(db, added!.id);
    expect(Buffer.from(stored!.bytes).equals(Buffer.from(original))).toBe(true);
    const direct = await importBytes(db, original, { now: NOW, remote: env.remote, verify });
    expect(direct.ok && direct.credentials[0]).toMatchObject({ status: 'duplicate', id: added!.id });
  });

  it('a verify link is printed as a QR code and a link annotation', async () => {
    const issuer = issuers.formats['eddsa-rdfc-2022'];
    const link = 'https://wallet.tsumiki.test/#/verify';
    const { pdf } = await pdfOf([enc(textOf(await issuer.issue()))], [link]);
    const doc = await PDFDocument.load(pdf);
    const annots = doc.getPage(0).node.Annots();
    const uris = (annots?.asArray() ?? []).map((a) => doc.context.lookup(a, PDFDict).lookup(PDFName.of('A'), PDFDict).get(PDFName.of('URI'))?.toString());
    expect(uris).toContain(`(${link})`);
  });
});

describe('hostile PDFs: a coded error, never a crash', () => {
  async function pdfWith(build: (doc: PDFDocument) => void | Promise<void>): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    doc.addPage();
    await build(doc);
    return doc.save({ useObjectStreams: false });
  }
  /** A PDF whose EmbeddedFiles tree is `tree` (built in the document's context). */
  const withTree = (make: (doc: PDFDocument) => PDFDict) =>
    pdfWith((doc) => {
      doc.catalog.set(PDFName.of('Names'), doc.context.obj({ EmbeddedFiles: make(doc) }));
    });
  const fileSpec = (doc: PDFDocument, stream: PDFRawStream) => doc.context.obj({ Type: 'Filespec', F: 'x.json', EF: { F: doc.context.register(stream) } });

  it('not a PDF after its header; truncated; no attachment', async () => {
    expect(await codeOf(parseInputAsync(enc('%PDF-1.7\n garbage garbage')))).toBe('PDF_MALFORMED');
    const issuer = issuers.formats['eddsa-rdfc-2022'];
    const { pdf } = await pdfOf([enc(textOf(await issuer.issue()))]);
    expect(ERROR_CODES).toContain(await codeOf(parseInputAsync(pdf.subarray(0, Math.floor(pdf.length / 2)))));
    expect(await codeOf(parseInputAsync(await pdfWith(() => undefined)))).toBe('PDF_NO_CREDENTIAL');
  });

  it('the sync parser never takes a PDF for text, and nothing that merely mentions %PDF- is a PDF', async () => {
    expect(() => parseInput(enc('%PDF-1.7\n'))).toThrow(expect.objectContaining({ code: 'FORMAT_UNRECOGNIZED' }));
    expect(isPdf(enc('{"name":"%PDF-1.7"}'))).toBe(false);
    expect(isPdf(enc(' %PDF-1.7'))).toBe(false);
  });

  it('a decompression bomb is stopped at the input bound', async () => {
    const bomb = zlibSync(new Uint8Array(17 * 1024 * 1024), { level: 9 });
    const pdf = await withTree((doc) => {
      const stream = doc.context.stream(bomb, { Type: 'EmbeddedFile', Filter: 'FlateDecode' });
      return doc.context.obj({ Names: [PDFName.of('x'), fileSpec(doc, stream as unknown as PDFRawStream)] }) as PDFDict;
    });
    expect(pdf.length).toBeLessThan(100_000);
    expect(await codeOf(parseInputAsync(pdf))).toBe('INPUT_TOO_LARGE');
  });

  it('a looping attachment tree, an unknown compression, a PDF inside a PDF, a file that is not a credential', async () => {
    const loop = await withTree((doc) => {
      const node = doc.context.obj({}) as PDFDict;
      const ref = doc.context.register(node);
      node.set(PDFName.of('Kids'), doc.context.obj([ref]));
      return node;
    });
    expect(await codeOf(parseInputAsync(loop))).toBe('PDF_MALFORMED');

    const lzw = await withTree((doc) => {
      const stream = doc.context.stream(enc('{}'), { Type: 'EmbeddedFile', Filter: 'LZWDecode' });
      return doc.context.obj({ Names: [PDFName.of('x'), fileSpec(doc, stream as unknown as PDFRawStream)] }) as PDFDict;
    });
    expect(await codeOf(parseInputAsync(lzw))).toBe('PDF_MALFORMED');

    const inner = await pdfWith(async (doc) => {
      await doc.attach(enc('{}'), 'x.json', { mimeType: 'application/json' });
    });
    const nested = await pdfWith(async (doc) => {
      await doc.attach(inner, 'inner.pdf', { mimeType: 'application/pdf' });
    });
    expect(await codeOf(parseInputAsync(nested))).toBe('PDF_MALFORMED');
    expect(await codeOf(parseInputAsync(inner))).toBe('NOT_A_CREDENTIAL');
    const notJson = await pdfWith(async (doc) => {
      await doc.attach(enc('hello'), 'notes.txt', { mimeType: 'text/plain' });
    });
    expect(await codeOf(parseInputAsync(notJson))).toBe('FORMAT_UNRECOGNIZED');
  });

  it('more attached files than the bound are refused before any is read', async () => {
    const many = await pdfWith(async (doc) => {
      for (let i = 0; i < 101; i++) await doc.attach(enc('{}'), `f${i}.json`, { mimeType: 'application/json' });
    });
    expect(await codeOf(parseInputAsync(many))).toBe('PDF_MALFORMED');
  });

  it('random damage to a real certificate: verifyBytes answers with a coded error or a report, never throws', async () => {
    const issuer = issuers.formats['vc-jwt-EdDSA'];
    const { pdf } = await pdfOf([enc(textOf(await issuer.issue()))]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(pdf.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), async (edits) => {
        const damaged = pdf.slice();
        for (const [at, value] of edits) damaged[at] = value;
        const r = await verifyBytes(damaged, env);
        if (r.error) expect(ERROR_CODES).toContain(r.error.code);
        else expect(r.credentials.length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });
});

describe('layout helpers', () => {
  it('wrapText keeps every character, breaking long tokens (a DID, a URL) anywhere', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont('Helvetica');
    const text = `Issued by did:key:${'z6Mk'.repeat(40)} for a course on knots`;
    const lines = wrapText(text, font, 10, 200);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(font.widthOfTextAtSize(l, 10)).toBeLessThanOrEqual(200);
    expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
  });
});

describe('what the page says', () => {
  /** The text a page draws: the standard fonts' WinAnsi hex strings of its content streams, decoded. */
  async function pageText(pdf: Uint8Array, index = 0): Promise<string> {
    const doc = await PDFDocument.load(pdf);
    const contents = doc.getPage(index).node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    let text = '';
    for (const s of streams) {
      if (!(s instanceof PDFRawStream)) continue;
      const ops = new TextDecoder('latin1').decode(decodePDFRawStream(s).decode());
      for (const m of ops.matchAll(/<([0-9A-Fa-f]*)> Tj/g)) text += Buffer.from(m[1] as string, 'hex').toString('latin1') + '\n';
    }
    return text;
  }
  /** Lines joined; letter-spaced words (drawn a glyph at a time) joined back. */
  const flat = (s: string) => s.replace(/\n(?=.\n)/g, '').replace(/\s+/g, ' ');

  it('the headline and the issuer as proven, in the words every screen uses; the checker’s date; the attached file', async () => {
    const issuer = issuers.formats['eddsa-rdfc-2022'];
    const { pdf, facts } = await pdfOf([enc(textOf(await issuer.issue()))]);
    const text = flat(await pageText(pdf));
    expect(facts[0]!.headline.headline).toBe('GENUINE');
    expect(text).toContain('GENUINE');
    expect(text).toContain('Issued by Tsumiki Test Issuer (on the trust list');
    expect(text).toContain('Knot Tying');
    expect(text).toContain('Attached file: credential.json (application/vc');
    expect(text).toContain('Checked by Tsumiki on 1 June 2026');
  });

  it('Japanese script is left out (no font for it), English kept; a name only in Japanese says where to read it', async () => {
    const issuer = issuers.formats['eddsa-rdfc-2022'];
    const { facts } = await pdfOf([enc(textOf(await issuer.issue()))]);
    const base = facts[0]!;
    const pdf = await makeCertificatePdf(
      [
        { ...base, title: '日本語アカデミック・ライティング / Academic Writing in Japanese', description: '学術的文章を学ぶ。\nStructuring academic texts.', issuerName: '積み木大学（デモ） Tsumiki Demo University' },
        { ...base, title: 'データサイエンス応用', description: '', issuerName: '東京積み木大学' },
      ],
      { now: NOW },
    );
    const list = flat(await pageText(pdf, 0));
    expect(list).toContain('Academic Writing in Japanese');
    expect(list).not.toContain('/ Academic');
    const first = flat(await pageText(pdf, 1));
    expect(first).toContain('Structuring academic texts.');
    expect(first).toContain('Issued by Tsumiki Demo University');
    expect(first).toContain('Text in Japanese script is not printed here');
    const second = flat(await pageText(pdf, 2));
    expect(second).toContain('(in Japanese script: see the attached credential)');
  });
});
