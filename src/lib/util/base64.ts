/**
 * Kept only for files another change is editing (verify/proofs/rdfc.ts, tests/unit/verify/proof-set.test.ts):
 * the byte helpers live in `./bytes.ts`. Point those imports there and delete this file.
 */
export { base58btcDecode, base64urlEncode } from './bytes.ts';
