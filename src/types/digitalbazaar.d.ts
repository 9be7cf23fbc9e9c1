// Minimal types for the Digital Bazaar packages, none of which ship TypeScript types.
// Only what Tsumiki calls is declared; results are `unknown`-typed and narrowed where used.

declare module 'jsonld-signatures' {
  export interface VerifyResult {
    verified: boolean;
    results?: Array<{ verified: boolean; error?: unknown; verificationMethod?: Record<string, unknown>; proof?: Record<string, unknown> }>;
    error?: unknown;
  }
  export type DocumentLoader = (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>;
  export function verify(document: object, options: { suite: unknown | unknown[]; purpose: unknown; documentLoader: DocumentLoader }): Promise<VerifyResult>;
  export function sign(document: object, options: { suite: unknown; purpose: unknown; documentLoader: DocumentLoader }): Promise<Record<string, unknown>>;
  export const purposes: {
    AssertionProofPurpose: new (options?: { controller?: object; date?: Date | string; maxTimestampDelta?: number }) => unknown;
    AuthenticationProofPurpose: new (options: { challenge: string; domain?: string; controller?: object; date?: Date | string }) => unknown;
  };
  const jsigs: { verify: typeof verify; sign: typeof sign; purposes: typeof purposes };
  export default jsigs;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { cryptosuite: unknown; signer?: unknown; date?: Date | string; legacyContext?: boolean });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: { name: string; canonize: unknown; createVerifier: unknown; requiredAlgorithm: string };
}
declare module '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite' {
  export const cryptosuite: { name: string; canonize: unknown; createVerifier: unknown; requiredAlgorithm: string | string[] };
}
declare module '@digitalbazaar/ecdsa-sd-2023-cryptosuite' {
  export function createVerifyCryptosuite(options?: object): unknown;
  export function createSignCryptosuite(options?: { mandatoryPointers?: string[] }): unknown;
  export function createDiscloseCryptosuite(options?: { selectivePointers?: string[] }): unknown;
}

declare module '@digitalbazaar/ed25519-signature-2020' {
  export class Ed25519Signature2020 {
    constructor(options?: { key?: unknown; signer?: unknown; verificationMethod?: string; date?: Date | string });
  }
}

interface DbMultikeyPair {
  id?: string;
  controller?: string;
  publicKeyMultibase?: string;
  secretKeyMultibase?: string;
  export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<Record<string, unknown>>;
  signer(): { algorithm: string; id: string; sign(input: { data: Uint8Array }): Promise<Uint8Array> };
  verifier(): { algorithm: string; id: string; verify(input: { data: Uint8Array; signature: Uint8Array }): Promise<boolean> };
}

declare module '@digitalbazaar/ed25519-multikey' {
  export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<DbMultikeyPair>;
  export function from(key: object): Promise<DbMultikeyPair>;
  export function fromJwk(options: { jwk: object; secretKey?: boolean; id?: string; controller?: string }): Promise<DbMultikeyPair>;
  export function toJwk(options: { keyPair: DbMultikeyPair; secretKey?: boolean }): Promise<Record<string, string>>;
}

declare module '@digitalbazaar/ecdsa-multikey' {
  export function generate(options: { curve: 'P-256' | 'P-384'; id?: string; controller?: string }): Promise<DbMultikeyPair>;
  export function from(key: object, options?: object): Promise<DbMultikeyPair>;
  export function fromJwk(options: { jwk: object; secretKey?: boolean; id?: string; controller?: string }): Promise<DbMultikeyPair>;
  export function toJwk(options: { keyPair: DbMultikeyPair; secretKey?: boolean }): Promise<Record<string, string>>;
}

declare module 'jsonld' {
  const jsonld: {
    canonize(input: object, options: Record<string, unknown>): Promise<string>;
    toRDF(input: object, options: Record<string, unknown>): Promise<unknown>;
    expand(input: object, options: Record<string, unknown>): Promise<unknown>;
  };
  export default jsonld;
}

declare module 'rdf-canonize' {
  const canonize: {
    canonize(dataset: unknown, options: Record<string, unknown>): Promise<string>;
    /** N-Quads as written, in the order given (no canonicalisation). */
    NQuads: { serialize(dataset: unknown): string };
  };
  export default canonize;
}

declare module 'jsonld/lib/util.js' {
  const util: { clone(value: unknown): unknown };
  export default util;
}
