/** The part of pako 2 (zlib's deflate, ported) that Tsumiki uses: raw deflate with a preset dictionary. Its deflate half only (`lib/deflate.js`): the share chunk needs no second inflater. */
declare module 'pako/lib/deflate.js' {
  export interface DeflateOptions {
    level?: -1 | 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
    memLevel?: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
    windowBits?: number;
    strategy?: 0 | 1 | 2 | 3 | 4;
    dictionary?: Uint8Array;
  }
  export function deflateRaw(data: Uint8Array, options?: DeflateOptions): Uint8Array;
}
