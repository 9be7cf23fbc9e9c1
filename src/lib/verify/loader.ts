/**
 * A strict JSON-LD document loader for one verification: bundled contexts, plus the verification
 * methods the proofs name (through `keys.ts`) and their controller documents. Anything else is an
 * unknown context: it is never fetched. What it resolved, and what it could not, is recorded so
 * the pipeline can report it.
 */
import { bundledContext } from './contexts/registry.ts';
import { KeyResolutionError, resolveVerificationMethod, type ResolvedMethod } from './keys.ts';
import type { Remote } from './remote.ts';

export class UnknownContextError extends Error {
  constructor(readonly url: string) {
    super(`JSON-LD context ${url} is not bundled with Tsumiki`);
    this.name = 'UnknownContextError';
  }
}

/** jsonld.js wraps a loader's error (as `details.cause` or `cause`); find ours in the chain. */
export function unknownContextIn(e: unknown, depth = 0): UnknownContextError | undefined {
  if (e instanceof UnknownContextError) return e;
  if (depth > 5 || typeof e !== 'object' || e === null) return undefined;
  const o = e as { cause?: unknown; details?: { cause?: unknown } }; // why: JsonLdError keeps its cause in details
  return unknownContextIn(o.details?.cause, depth + 1) ?? unknownContextIn(o.cause, depth + 1);
}

export interface LoaderRecord {
  readonly methods: Map<string, ResolvedMethod>;
  unknownContext?: string;
  keyError?: KeyResolutionError;
}

export type DocumentLoader = (url: string) => Promise<{ contextUrl: null; documentUrl: string; document: object; tag?: 'static' }>;

/**
 * A bundled context, marked `static`: jsonld.js then keeps the resolved context, and the
 * processed active contexts hanging off it, in its shared cache across operations instead of
 * resolving and processing every context again for each credential.
 */
function staticContext(url: string, document: object) {
  return { contextUrl: null, documentUrl: url, document, tag: 'static' as const };
}

export interface RecordingLoader {
  readonly load: DocumentLoader;
  readonly record: LoaderRecord;
}

/** The document served for a method: a bare did:key is both the method and its controller document. */
function methodDocument(m: ResolvedMethod): object {
  return m.ref === m.controller ? { ...m.controllerDocument, ...m.method, '@context': m.controllerDocument['@context'] } : m.method;
}

export function createLoader(remote: Remote, methodRefs: ReadonlySet<string>): RecordingLoader {
  const record: LoaderRecord = { methods: new Map() };
  const controllers = new Map<string, object>();
  const load: DocumentLoader = async (url) => {
    const context = bundledContext(url);
    if (context) return staticContext(url, context);
    const known = record.methods.get(url);
    if (known) return { contextUrl: null, documentUrl: url, document: methodDocument(known) };
    const controller = controllers.get(url);
    if (controller) return { contextUrl: null, documentUrl: url, document: controller };
    if (!methodRefs.has(url)) {
      record.unknownContext ??= url;
      throw new UnknownContextError(url);
    }
    try {
      const resolved = await resolveVerificationMethod(url, remote);
      record.methods.set(url, resolved);
      controllers.set(resolved.controller, resolved.controllerDocument);
      return { contextUrl: null, documentUrl: url, document: methodDocument(resolved) };
    } catch (e) {
      if (e instanceof KeyResolutionError) record.keyError ??= e;
      throw e;
    }
  };
  return { load, record };
}

/** A loader for bundled contexts only (signing in tests and tools, canonicalisation benchmarks). */
export const contextLoader: DocumentLoader = async (url) => {
  const context = bundledContext(url);
  if (!context) throw new UnknownContextError(url);
  return staticContext(url, context);
};
