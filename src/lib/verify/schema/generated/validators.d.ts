// GENERATED FILE — do not edit. Written by src/cli/build-schemas.ts (`npm run schemas`): the types of validators.js.
/** One ajv error (only the fields Tsumiki reads; ajv is run with `messages: false`). */
export interface GeneratedSchemaError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}
export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: GeneratedSchemaError[] | null;
}
export declare const ob3Achievement: GeneratedValidator;
export declare const ob3Endorsement: GeneratedValidator;
export declare const clr2Clr: GeneratedValidator;
