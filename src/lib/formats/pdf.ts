/**
 * PDF detection, kept apart from the reader (pdf-read.ts) so that recognising a PDF costs nothing:
 * pdf-lib is loaded only when one is met.
 */

const HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/**
 * The file starts with `%PDF-`. Readers tolerate junk before the header; Tsumiki does not, so no
 * JSON or JWT that merely mentions "%PDF-" is ever taken for a PDF.
 */
export function isPdf(bytes: Uint8Array): boolean {
  return HEADER.every((b, i) => bytes[i] === b);
}
