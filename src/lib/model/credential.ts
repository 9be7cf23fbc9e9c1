/** What the format layer hands to everything else. */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonObject | JsonValue[];
export interface JsonObject {
  [key: string]: JsonValue;
}

/**
 * The kind of credential, as DESIGN.md names it:
 * - `ob3-di`: OB 3.0 (or any VC) JSON with embedded proof(s), or none;
 * - `ob3-jwt`: OB 3.0 as a VC-JWT (VC 2.0 payload, or VC 1.1 `vc` claim);
 * - `clr2-di` / `clr2-jwt`: the same for a CLR 2.0 ClrCredential;
 * - `ob2-hosted`: an OB 2.0 Assertion verified by fetching its id;
 * - `ob2-signed`: an OB 2.0 Assertion inside a JWS.
 */
export const CREDENTIAL_FORMATS = ['ob3-di', 'ob3-jwt', 'clr2-di', 'clr2-jwt', 'ob2-hosted', 'ob2-signed'] as const;
export type CredentialFormat = (typeof CREDENTIAL_FORMATS)[number];

/** How the credential reached us. */
export const CONTAINERS = ['json', 'jws', 'png', 'svg', 'presentation', 'url'] as const;
export type Container = (typeof CONTAINERS)[number];

export interface BakedInfo {
  readonly image: 'png' | 'svg';
  /** PNG chunk type (`iTXt`, `tEXt`, `zTXt`) or SVG element name (`openbadges:credential`, `openbadges:assertion`). */
  readonly carrier: string;
  /** PNG keyword (`openbadgecredential`, `openbadges`) or SVG namespace URI. */
  readonly keyword: string;
  readonly compressed: boolean;
  /** For SVG: whether the payload came from the `verify` attribute or the element body. */
  readonly via?: 'verify' | 'body' | 'text';
}

export interface ParsedCredential {
  readonly format: CredentialFormat;
  readonly container: Container;
  /** The credential as JSON: for a JWT the decoded VC (the `vc` claim for VC 1.1), for OB 2.0 the Assertion. */
  readonly credential: JsonObject;
  /** The compact JWS, for `*-jwt` and `ob2-signed`. */
  readonly jws?: string;
  /** The exact bytes of the credential itself (the JSON text or the JWS), as issued. */
  readonly bytes: Uint8Array;
  readonly baked?: BakedInfo;
  /** Position inside a presentation, when it came from one. */
  readonly index?: number;
  /**
   * The file this credential came in, when that is not the input itself: a file attached to a PDF
   * certificate (the wallet keeps this file, not the PDF).
   */
  readonly attachment?: { readonly name: string; readonly mime: string; readonly bytes: Uint8Array };
}

/** Result of parsing one input: the credentials it holds (a presentation may hold several). */
export interface ParsedInput {
  readonly credentials: readonly ParsedCredential[];
  /** The presentation object, when the input was one. */
  readonly presentation?: JsonObject;
  /** The compact JWS of a VP-JWT: the presentation's proof is this signature, not a `proof` member. */
  readonly presentationJws?: string;
}
