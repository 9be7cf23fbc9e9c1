// Tests written for StrykerJS (`npm run mutate`): reading the files attached to a PDF (formats/pdf-read.ts).
// Every PDF is built byte for byte with pdf-lib's low-level API and saved; what is read back is asserted
// whole (names, media types, bytes), and every refusal whole (code, words, data, and whether a cause is kept).
import { zlibSync } from 'fflate';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFObject, PDFRawStream, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { isTsumikiError } from '../../../src/lib/errors.ts';
import { MAX_PDF_ATTACHMENT_BYTES, MAX_PDF_ATTACHMENTS, readPdfAttachments } from '../../../src/lib/formats/pdf-read.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

/** A saved PDF (one page, no object streams) after `build` has changed its document. */
async function pdfWith(build: (doc: PDFDocument) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  build(doc);
  return doc.save({ useObjectStreams: false });
}
/** A PDF whose EmbeddedFiles name tree is the one `make` builds. */
const withTree = (make: (doc: PDFDocument) => PDFObject) =>
  pdfWith((doc) => {
    doc.catalog.set(PDFName.of('Names'), doc.context.obj({ EmbeddedFiles: make(doc) }));
  });
/** A file specification named `name` (as /UF and /F) whose /EF /F is `stream`. */
const spec = (doc: PDFDocument, name: string, stream: PDFRawStream) =>
  doc.context.obj({ Type: 'Filespec', F: PDFString.of(name), UF: PDFHexString.fromText(name), EF: { F: doc.context.register(stream) } });
const raw = (doc: PDFDocument, bytes: Uint8Array, dict: Record<string, unknown> = {}) =>
  doc.context.stream(bytes, { Type: 'EmbeddedFile', ...dict } as never);
/** A name tree leaf listing `files` ([name, bytes], stored flate-compressed). */
const leaf = (doc: PDFDocument, files: [string, Uint8Array][]) =>
  doc.context.obj({ Names: files.flatMap(([name, bytes]) => [PDFString.of(name), spec(doc, name, doc.context.flateStream(bytes, { Type: 'EmbeddedFile' }))]) });
const summary = (files: { name: string; mime: string; bytes: Uint8Array }[]) => files.map((f) => ({ name: f.name, mime: f.mime, text: text(f.bytes) }));

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string; data: unknown; cause: string }> {
  try {
    await p;
  } catch (e) {
    if (!isTsumikiError(e)) throw e;
    return { code: e.code, message: e.message, data: e.data, cause: e.cause === undefined ? 'none' : e.cause instanceof Error ? 'an Error' : typeof e.cause };
  }
  throw new Error('no error');
}
const malformed = (message: string, cause: 'none' | 'an Error') => ({ code: 'PDF_MALFORMED', message, data: undefined, cause });

describe('mutants: formats/pdf-read.ts', () => {
  it('a name tree with Kids: nodes without Names, kids and values that are not dictionaries skipped, files in tree order; /UF before /F; a file named only by /F; no Subtype', async () => {
    const pdf = await withTree((doc) => {
      const both = doc.context.obj({
        Type: 'Filespec',
        F: PDFString.of('f-name.json'),
        UF: PDFHexString.fromText('uf-name.json'),
        EF: {
          UF: doc.context.register(doc.context.flateStream(enc('{"from":"UF"}'), { Type: 'EmbeddedFile', Subtype: 'application/json' })),
          F: doc.context.register(raw(doc, enc('{"from":"F"}'))),
        },
      });
      const onlyF = doc.context.obj({ Type: 'Filespec', F: PDFString.of('only-f.txt'), EF: { F: doc.context.register(raw(doc, enc('plain bytes'))) } });
      const kidA = doc.context.obj({ Names: [PDFString.of('a'), both, PDFString.of('b'), PDFNumber.of(7)] });
      const kidC = doc.context.obj({ Names: [PDFString.of('c'), onlyF] });
      const kidB = doc.context.obj({ Kids: [doc.context.register(kidC)] });
      return doc.context.obj({ Kids: [PDFNumber.of(5), doc.context.register(kidA), kidB] });
    });
    expect(summary(await readPdfAttachments(pdf))).toEqual([
      { name: 'uf-name.json', mime: 'application/json', text: '{"from":"UF"}' },
      { name: 'only-f.txt', mime: '', text: 'plain bytes' },
    ]);
  });

  it('the decompressed bytes of all files together may reach the bound exactly, not one byte more (INPUT_TOO_LARGE with what was left)', async () => {
    expect(MAX_PDF_ATTACHMENT_BYTES).toBe(16 * 1024 * 1024);
    const big = new Uint8Array(MAX_PDF_ATTACHMENT_BYTES - 10).fill(0x20);
    const twoFiles = (rest: number) =>
      withTree((doc) =>
        doc.context.obj({
          Names: [
            PDFString.of('a'),
            spec(doc, 'big.json', raw(doc, zlibSync(big, { level: 9 }), { Filter: 'FlateDecode' })),
            PDFString.of('b'),
            spec(doc, 'rest.txt', raw(doc, enc('x'.repeat(rest)))),
          ],
        }),
      );
    const files = await readPdfAttachments(await twoFiles(10));
    expect(files.map((f) => [f.name, f.bytes.length])).toEqual([
      ['big.json', MAX_PDF_ATTACHMENT_BYTES - 10],
      ['rest.txt', 10],
    ]);
    expect(await refusal(readPdfAttachments(await twoFiles(11)))).toEqual({
      code: 'INPUT_TOO_LARGE',
      message: `the files attached to the PDF exceed ${16 * 1024 * 1024} bytes`,
      data: { limit: 10 },
      cause: 'none',
    });
  });

  it('filters: only one FlateDecode without DecodeParms is read; anything else is named in the refusal; bad deflate data keeps its cause', async () => {
    const one = (dict: Record<string, unknown>, bytes: Uint8Array) => withTree((doc) => doc.context.obj({ Names: [PDFString.of('a'), spec(doc, 'a.json', raw(doc, bytes, dict))] }));
    const zipped = zlibSync(enc('{"a":1}'));
    expect(summary(await readPdfAttachments(await one({ Filter: 'FlateDecode', Subtype: 'application/json' }, zipped)))).toEqual([{ name: 'a.json', mime: 'application/json', text: '{"a":1}' }]);
    expect(summary(await readPdfAttachments(await one({ Filter: ['FlateDecode'] }, zipped)))).toEqual([{ name: 'a.json', mime: '', text: '{"a":1}' }]);
    const unread = (names: string) => malformed(`an attached file uses a compression Tsumiki does not read (${names})`, 'none');
    expect(await refusal(readPdfAttachments(await one({ Filter: ['FlateDecode', 'FlateDecode'] }, zlibSync(zipped))))).toEqual(unread('/FlateDecode /FlateDecode'));
    expect(await refusal(readPdfAttachments(await one({ Filter: 'LZWDecode' }, zipped)))).toEqual(unread('/LZWDecode'));
    expect(await refusal(readPdfAttachments(await one({ Filter: 'FlateDecode', DecodeParms: { Predictor: 12, Columns: 4 } }, zipped)))).toEqual(unread('/FlateDecode'));
    expect(await refusal(readPdfAttachments(await one({ Filter: 'FlateDecode' }, enc('not deflate data'))))).toEqual(malformed('an attached file does not decompress', 'an Error'));
  });

  it('the tree may be 16 levels deep below its root, not 17', async () => {
    const chain = (depth: number) =>
      withTree((doc) => {
        let node: PDFDict = leaf(doc, [['deep.json', enc('{"deep":true}')]]);
        for (let i = 0; i < depth; i++) node = doc.context.obj({ Kids: [doc.context.register(node)] });
        return node;
      });
    expect(summary(await readPdfAttachments(await chain(16)))).toEqual([{ name: 'deep.json', mime: '', text: '{"deep":true}' }]);
    expect(await refusal(readPdfAttachments(await chain(17)))).toEqual(malformed('the PDF attachment list is too deep or too large', 'none'));
  });

  it('the tree may have 1000 nodes, not 1001', async () => {
    const wide = (kids: number) =>
      withTree((doc) => {
        const root = leaf(doc, [['wide.json', enc('{}')]]);
        root.set(PDFName.of('Kids'), doc.context.obj(Array.from({ length: kids }, () => doc.context.obj({}))));
        return root;
      });
    expect(summary(await readPdfAttachments(await wide(999)))).toEqual([{ name: 'wide.json', mime: '', text: '{}' }]);
    expect(await refusal(readPdfAttachments(await wide(1000)))).toEqual(malformed('the PDF attachment list is too deep or too large', 'none'));
  });

  it('a tree that loops says so', async () => {
    const pdf = await withTree((doc) => {
      const node = doc.context.obj({}) as PDFDict;
      node.set(PDFName.of('Kids'), doc.context.obj([doc.context.register(node)]));
      return node;
    });
    expect(await refusal(readPdfAttachments(pdf))).toEqual(malformed('the PDF attachment list loops', 'none'));
  });

  it(`${MAX_PDF_ATTACHMENTS} files are read, ${MAX_PDF_ATTACHMENTS + 1} refused with the limit`, async () => {
    const many = (n: number) =>
      withTree((doc) => {
        const ref = doc.context.register(doc.context.flateStream(enc('{}'), { Type: 'EmbeddedFile' }));
        return doc.context.obj({ Names: Array.from({ length: n }, (_, i) => [PDFString.of(`f${i}`), doc.context.obj({ F: PDFString.of(`f${i}.json`), EF: { F: ref } })]).flat() });
      });
    const files = await readPdfAttachments(await many(MAX_PDF_ATTACHMENTS));
    expect(files.map((f) => f.name)).toEqual(Array.from({ length: 100 }, (_, i) => `f${i}.json`));
    expect(await refusal(readPdfAttachments(await many(MAX_PDF_ATTACHMENTS + 1)))).toEqual({
      code: 'PDF_MALFORMED',
      message: 'the PDF has more than 100 attached files',
      data: { limit: 100 },
      cause: 'none',
    });
  });

  it('not a PDF; an invalid object anywhere; no attachment list; an attachment list that is not one', async () => {
    expect(await refusal(readPdfAttachments(enc('no PDF header at all')))).toEqual(malformed('not a PDF Tsumiki can read', 'an Error'));
    // A header and nothing readable after it: pdf-lib loads it, but it has no catalog.
    expect(await refusal(readPdfAttachments(enc('%PDF-1.7\n garbage garbage')))).toEqual(malformed('the PDF attachment list cannot be read', 'an Error'));
    // A readable PDF with an attached file, and one broken object inserted after its header: refused whole.
    const good = await withTree((doc) => leaf(doc, [['a.json', enc('{}')]]));
    expect(summary(await readPdfAttachments(good))).toEqual([{ name: 'a.json', mime: '', text: '{}' }]);
    const at = text(good).indexOf('\n', text(good).indexOf('%PDF')) + 1;
    const broken = new Uint8Array([...good.subarray(0, at), ...enc('90 0 obj\n) not an object\nendobj\n'), ...good.subarray(at)]);
    expect(await refusal(readPdfAttachments(broken))).toEqual(malformed('not a PDF Tsumiki can read', 'an Error'));

    const none = await pdfWith(() => undefined);
    expect(await refusal(readPdfAttachments(none))).toEqual({ code: 'PDF_NO_CREDENTIAL', message: 'the PDF has no attached credential', data: undefined, cause: 'none' });
    const notADict = await pdfWith((doc) => {
      doc.catalog.set(PDFName.of('Names'), PDFNumber.of(5));
    });
    expect(await refusal(readPdfAttachments(notADict))).toEqual(malformed('the PDF attachment list cannot be read', 'an Error'));
  });

  it('an encrypted PDF is read as far as its unencrypted parts go (here: an attached file stored in clear)', async () => {
    const pdf = await pdfWith((doc) => {
      doc.catalog.set(PDFName.of('Names'), doc.context.obj({ EmbeddedFiles: leaf(doc, [['clear.json', enc('{"clear":1}')]]) }));
      doc.context.trailerInfo.Encrypt = doc.context.register(doc.context.obj({ Filter: 'Standard', V: 4, R: 4, EFF: 'Identity' }));
    });
    expect((await PDFDocument.load(pdf, { ignoreEncryption: true })).isEncrypted).toBe(true);
    expect(summary(await readPdfAttachments(pdf))).toEqual([{ name: 'clear.json', mime: '', text: '{"clear":1}' }]);
  });

  it('a file specification without /EF, with an /EF that is not a dictionary, or whose file is not a stream', async () => {
    const withSpec = (make: (doc: PDFDocument) => PDFDict) => withTree((doc) => doc.context.obj({ Names: [PDFString.of('a'), make(doc)] }));
    const noEf = await withSpec((doc) => doc.context.obj({ F: PDFString.of('a.json') }));
    expect(await refusal(readPdfAttachments(noEf))).toEqual(malformed('an attached file has no contents', 'none'));
    const efNumber = await withSpec((doc) => doc.context.obj({ F: PDFString.of('a.json'), EF: PDFNumber.of(5) }));
    expect(await refusal(readPdfAttachments(efNumber))).toEqual(malformed('an attached file cannot be read', 'an Error'));
    const dictFile = await withSpec((doc) => doc.context.obj({ F: PDFString.of('a.json'), EF: { F: doc.context.register(doc.context.obj({ Type: 'EmbeddedFile' })) } }));
    expect(await refusal(readPdfAttachments(dictFile))).toEqual(malformed('an attached file has no contents', 'none'));
  });

  it('a reference to an object number beyond 2^53 names no other object (numbers are not capped to 2^53 - 1)', async () => {
    // Object 9007199254740993 does not exist; capped, the reference would read object 2^53 - 1 and its file instead.
    const raw = [
      '%PDF-1.7',
      '1 0 obj << /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(a.json) 9007199254740993 0 R] >> >> >>',
      'endobj',
      '2 0 obj << /Type /Pages /Kids [] /Count 0 >>',
      'endobj',
      '9007199254740991 0 obj << /Type /Filespec /F (a.json) /EF << /F 4 0 R >> >>',
      'endobj',
      '4 0 obj << /Type /EmbeddedFile /Length 2 >>',
      'stream',
      '{}',
      'endstream',
      'endobj',
      'trailer << /Root 1 0 R >>',
      '%%EOF',
      '',
    ].join('\n');
    expect((await refusal(readPdfAttachments(new TextEncoder().encode(raw)))).code).toBe('PDF_NO_CREDENTIAL');
    // The same file naming the object it holds is read.
    const named = raw.replace('9007199254740993 0 R', '3 0 R').replace('9007199254740991 0 obj', '3 0 obj');
    expect((await readPdfAttachments(new TextEncoder().encode(named))).map((a) => [a.name, new TextDecoder().decode(a.bytes)])).toEqual([['a.json', '{}']]);
  });
});
