/**
 * Every JSON-LD context the verifier accepts, bundled with the app. The loader never fetches a
 * context: a URL not listed here makes the credential `unsupported`, with the URL named.
 * Provenance of each file: ./data/SOURCES.md.
 */
import credentialsV1 from './data/credentials-v1.json';
import credentialsV2 from './data/credentials-v2.json';
import credentialsUndefinedTermsV2 from './data/credentials-undefined-terms-v2.json';
import credentialsExamplesV2 from './data/credentials-examples-v2.json';
import dataIntegrityV1 from './data/data-integrity-v1.json';
import dataIntegrityV2 from './data/data-integrity-v2.json';
import ed25519V1 from './data/ed25519-2020-v1.json';
import multikeyV1 from './data/multikey-v1.json';
import didV1 from './data/did-v1.json';
import bitstringV1 from './data/bitstring-status-list-v1.json';
import statusList2021V1 from './data/status-list-2021-v1.json';
import ob300 from './data/ob-v3p0-context.json';
import ob301 from './data/ob-v3p0-context-3.0.1.json';
import ob302 from './data/ob-v3p0-context-3.0.2.json';
import ob303 from './data/ob-v3p0-context-3.0.3.json';
import obBeta from './data/ob-v3p0-beta.json';
import obExtensions from './data/ob-v3p0-extensions.json';
import clr200 from './data/clr-v2p0-context.json';
import clr201 from './data/clr-v2p0-context-2.0.1.json';

import { VC_V1, VC_V2 } from './names.ts';

export { VC_V1, VC_V2 };

/** In this order the reading names an IRI two contexts name differently (reading/terms.ts): keep OB 3.0 before its beta. */
const entries: ReadonlyArray<readonly [string, object]> = [
  [VC_V1, credentialsV1],
  [VC_V2, credentialsV2],
  ['https://www.w3.org/ns/credentials/undefined-terms/v2', credentialsUndefinedTermsV2],
  ['https://www.w3.org/ns/credentials/examples/v2', credentialsExamplesV2],
  ['https://w3id.org/security/data-integrity/v1', dataIntegrityV1],
  ['https://w3id.org/security/data-integrity/v2', dataIntegrityV2],
  ['https://w3id.org/security/suites/ed25519-2020/v1', ed25519V1],
  ['https://w3id.org/security/multikey/v1', multikeyV1],
  ['https://www.w3.org/ns/did/v1', didV1],
  ['https://www.w3.org/ns/credentials/status/v1', bitstringV1],
  ['https://w3id.org/vc/status-list/2021/v1', statusList2021V1],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context.json', ob300],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json', ob301],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json', ob302],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', ob303],
  ['https://purl.imsglobal.org/spec/ob/v3p0/extensions.json', obExtensions],
  // The pre-final OB 3.0 context, used by JFF plugfests and early pilots (same file, two URLs).
  ['https://imsglobal.github.io/openbadges-specification/ob_v3p0.html', obBeta],
  ['https://w3c-ccg.github.io/vc-ed/plugfest-1-2022/jff-vc-edu-plugfest-1-context.json', obBeta],
  ['https://purl.imsglobal.org/spec/clr/v2p0/context.json', clr200],
  ['https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json', clr201],
];

const contexts: ReadonlyMap<string, object> = new Map(entries);

export function bundledContext(url: string): object | undefined {
  return contexts.get(url);
}

export function bundledContextUrls(): string[] {
  return [...contexts.keys()];
}
