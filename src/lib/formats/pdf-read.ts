/**
 * The files attached to a PDF (its `EmbeddedFiles` name tree): how a Tsumiki certificate carries
 * the signed credential, byte for byte, next to the printed page. The PDF is parsed by pdf-lib (a
 * real parser, loaded only when a PDF is met); everything read from it is bounded, because a PDF
 * may come from anyone: at most MAX_PDF_ATTACHMENTS files, each at most MAX_INPUT_BYTES once
 * decompressed (inflated as a bounded stream), a name tree at most 16 levels deep and visited once
 * per node. Anything wrong is a coded TsumikiError, never a crash.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { TsumikiError } from '../errors.ts';
import { InflateLimitError, unzlibBounded } from '../util/inflate.ts';



/** Most files read from one PDF: a CV-style certificate carries one per badge. */
export const MAX_PDF_ATTACHMENTS = 100;
/** Largest attached file, and all of them together, once decompressed (the limit of any input). */
export const MAX_PDF_ATTACHMENT_BYTES = 16 * 1024 * 1024;
const MAX_TREE_DEPTH = 16;
const MAX_TREE_NODES = 1000;

export interface PdfAttachment {
  /** The file name the PDF gives it (`UF`, else `F`); '' when it gives none. */
  readonly name: string;
  /** The media type the PDF gives it (`Subtype`), or ''. Informative only: the bytes are detected by content. */
  readonly mime: string;
  /** The attached file, exactly as embedded. */
  readonly bytes: Uint8Array;
}

// TsumikiError keeps a cause only when there is one.
const malformed = (message: string, cause?: unknown) => new TsumikiError('PDF_MALFORMED', message, { cause });

function textOf(obj: PDFObject | undefined): string {
  if (obj instanceof PDFString || obj instanceof PDFHexString) return obj.decodeText();
  return '';
}

/** The decoded bytes of an embedded file stream: unfiltered or FlateDecode (what every writer uses), bounded. */
function streamBytes(stream: PDFRawStream, budget: number): Uint8Array {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const filters = filter === undefined ? [] : filter instanceof PDFArray ? filter.asArray() : [filter];
  if (filters.length === 0) {
    if (stream.contents.length > budget) throw tooLarge(budget);
    return stream.contents;
  }
  if (filters.length !== 1 || filters[0] !== PDFName.of('FlateDecode') || stream.dict.has(PDFName.of('DecodeParms'))) {
    throw new TsumikiError('PDF_MALFORMED', `an attached file uses a compression Tsumiki does not read (${filters.map(String).join(' ')})`);
  }
  try {
    return unzlibBounded(stream.contents, budget);
  } catch (e) {
    if (e instanceof InflateLimitError) throw tooLarge(budget);
    throw malformed('an attached file does not decompress', e);
  }
}

function tooLarge(limit: number): TsumikiError {
  return new TsumikiError('INPUT_TOO_LARGE', `the files attached to the PDF exceed ${MAX_PDF_ATTACHMENT_BYTES} bytes`, { data: { limit } });
}

/** The file specifications of an EmbeddedFiles name tree, in order; bounded in depth and size. */
function fileSpecs(root: PDFDict): PDFDict[] {
  const specs: PDFDict[] = [];
  const seen = new Set<PDFDict>();
  const walk = (node: PDFDict, depth: number): void => {
    if (depth > MAX_TREE_DEPTH || seen.size >= MAX_TREE_NODES) throw malformed('the PDF attachment list is too deep or too large');
    if (seen.has(node)) throw malformed('the PDF attachment list loops');
    seen.add(node);
    const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    if (names) {
      for (let i = 1; i < names.size(); i += 2) {
        const spec = names.lookup(i);
        if (spec instanceof PDFDict) specs.push(spec);
        if (specs.length > MAX_PDF_ATTACHMENTS) {
          throw new TsumikiError('PDF_MALFORMED', `the PDF has more than ${MAX_PDF_ATTACHMENTS} attached files`, { data: { limit: MAX_PDF_ATTACHMENTS } });
        }
      }
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (kids) {
      for (let i = 0; i < kids.size(); i++) {
        const kid = kids.lookup(i);
        if (kid instanceof PDFDict) walk(kid, depth + 1);
      }
    }
  };
  walk(root, 0);
  return specs;
}

/**
 * Every file attached to the PDF (its document-level EmbeddedFiles), in the order the PDF lists
 * them. Throws TsumikiError: PDF_MALFORMED (not a PDF pdf-lib can read, a looping or oversized
 * attachment tree, an unknown compression), PDF_NO_CREDENTIAL (nothing attached), INPUT_TOO_LARGE.
 */
export async function readPdfAttachments(bytes: Uint8Array): Promise<PdfAttachment[]> {
  let doc: PDFDocument;
  try {
    // Encrypted PDFs are read as far as their unencrypted parts go (attachments would not decode). Numbers are
    // not capped: capped, a reference to an object beyond 2^53 would read object 2^53 - 1 instead.
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
  } catch (e) {
    throw malformed('not a PDF Tsumiki can read', e);
  }
  let specs: PDFDict[];
  try {
    const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
    const tree = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
    specs = tree ? fileSpecs(tree) : [];
  } catch (e) {
    if (e instanceof TsumikiError) throw e;
    throw malformed('the PDF attachment list cannot be read', e);
  }
  if (specs.length === 0) throw new TsumikiError('PDF_NO_CREDENTIAL', 'the PDF has no attached credential');
  const files: PdfAttachment[] = [];
  let budget = MAX_PDF_ATTACHMENT_BYTES;
  for (const spec of specs) {
    let ef: PDFDict | undefined;
    let stream: PDFObject | undefined;
    try {
      ef = spec.lookupMaybe(PDFName.of('EF'), PDFDict);
      const ref = ef?.get(PDFName.of('UF')) ?? ef?.get(PDFName.of('F'));
      stream = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
    } catch (e) {
      throw malformed('an attached file cannot be read', e);
    }
    if (!(stream instanceof PDFRawStream)) throw malformed('an attached file has no contents');
    const data = streamBytes(stream, budget);
    budget -= data.length;
    const subtype = stream.dict.get(PDFName.of('Subtype'));
    files.push({
      name: textOf(spec.get(PDFName.of('UF'))) || textOf(spec.get(PDFName.of('F'))),
      mime: subtype instanceof PDFName ? subtype.decodeText() : '',
      bytes: data,
    });
  }
  return files;
}
