/**
 * The preset deflate dictionary of share codec 1 (RFC 1951 with a preset window, as zlib's
 * `deflateSetDictionary`). It is text a typical presentation repeats: JSON-LD context URLs, the
 * OB 2.0 / OB 3.0 / CLR 2.0 / VC term names, type names, proof boilerplate and the presentation
 * wrapper this module writes. It was written from the specifications' vocabulary, not copied from
 * any test fixture. The most common text comes last, where deflate's back-references are shortest.
 *
 * FROZEN: a QR code made with codec 1 can only be read with exactly these bytes. A better
 * dictionary is a new codec number, never an edit here.
 */
const PARTS: readonly string[] = [
  // OB 2.0 assertions, badge classes and profiles; JWS headers
  '{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"https://","recipient":{"type":"email","hashed":true,"salt":"","identity":"sha256$"},"badge":{"type":"BadgeClass","id":"https://","name":"","description":"","image":"https://","criteria":{"narrative":""},"issuer":{"type":"Profile","id":"https://","name":"","url":"https://","email":""},"tags":[]},"verification":{"type":"SignedBadge","creator":"https://"},"issuedOn":"","expires":"","evidence":"","image":"https://","narrative":""}',
  '{"alg":"RS256","typ":"JWT"}{"alg":"ES256","typ":"JWT","kid":"did:key:zDna"}{"alg":"EdDSA","typ":"JWT","kid":"did:key:z6Mk"}',
  // VC 1.1 with Ed25519Signature2020
  '{"@context":["https://www.w3.org/2018/credentials/v1","https://purl.imsglobal.org/spec/ob/v3p0/context.json","https://w3id.org/security/suites/ed25519-2020/v1"],"issuanceDate":"","expirationDate":"","proof":{"type":"Ed25519Signature2020","created":"","verificationMethod":"did:key:z6Mk","proofPurpose":"assertionMethod","proofValue":"z"}}',
  // CLR 2.0
  '{"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],"type":["VerifiableCredential","ClrCredential"],"credentialSubject":{"type":["ClrSubject"],"verifiableCredential":[],"achievement":[],"association":[{"type":"Association","associationType":"isParentOf","sourceId":"","targetId":""}]},"credentialSchema":[{"id":"https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json","type":"1EdTechJsonSchemaValidator2019"}]}',
  // OB 3.0 optional properties
  '"alignment":[{"type":["Alignment"],"targetName":"","targetUrl":"https://","targetDescription":"","targetFramework":"","targetCode":"","targetType":"ext:"}],"resultDescription":[{"id":"urn:uuid:","type":["ResultDescription"],"name":"","resultType":"","allowedValue":[],"requiredValue":""}],"result":[{"type":["Result"],"resultDescription":"urn:uuid:","value":"","status":"Completed","achievedLevel":""}],"evidence":[{"id":"https://","type":["Evidence"],"name":"","description":"","narrative":"","genre":"","audience":""}],"creditsEarned":,"creditsAvailable":,"activityStartDate":"","activityEndDate":"","term":"","licenseNumber":"","role":"","source":{"id":"https://","type":["Profile"],"name":""},"identifier":[{"type":"IdentityObject","identityHash":"","identityType":"emailAddress","hashed":false,"salt":""}],"fieldOfStudy":"","humanCode":"","inLanguage":"","version":"","tag":[],"otherIdentifier":[{"type":"IdentifierEntry","identifier":"","identifierType":"sourcedId"}],"address":{"type":["Address"],"addressCountry":"","addressCountryCode":"","addressRegion":"","addressLocality":"","streetAddress":"","postalCode":""},"phone":"","parentOrg":{"id":"https://","type":["Profile"],"name":""},"official":"","creator":{"id":"https://","type":["Profile"],"name":""}',
  '"endorsement":[{"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],"type":["VerifiableCredential","EndorsementCredential"],"credentialSubject":{"id":"https://","type":["EndorsementSubject"],"endorsementComment":""}}]',
  '"credentialSchema":[{"id":"https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json","type":"1EdTechJsonSchemaValidator2019"}],"refreshService":{"id":"https://","type":"1EdTechCredentialRefresh"},"credentialStatus":{"id":"https://","type":"1EdTechRevocationList"}',
  '"https://purl.imsglobal.org/spec/ob/v3p0/extensions.json","https://w3id.org/security/data-integrity/v2","achievementType":"Certificate","achievementType":"Course","achievementType":"Competency","achievementType":"MicroCredential","achievementType":"Badge"',
  '"credentialStatus":{"id":"https://#","type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"","statusListCredential":"https://"}',
  '"proof":{"type":"DataIntegrityProof","created":"","verificationMethod":"did:key:zDna#zDna","cryptosuite":"ecdsa-rdfc-2019","proofPurpose":"assertionMethod","proofValue":"z"}',
  // OB 3.0 (VC 2.0) achievement credential, DataIntegrityProof eddsa-rdfc-2022
  '{"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],"id":"urn:uuid:","type":["VerifiableCredential","OpenBadgeCredential"],"issuer":{"id":"did:key:z6Mk","type":["Profile"],"name":"","url":"https://","email":"","description":"","image":{"id":"https://","type":"Image"}},"validFrom":"T00:00:00Z","validUntil":"T00:00:00Z","name":"","description":"","image":{"id":"data:image/png;base64,","type":"Image"},"credentialSubject":{"id":"did:","type":["AchievementSubject"],"achievement":{"id":"https://","type":["Achievement"],"achievementType":"Badge","name":"","description":"","criteria":{"id":"https://","narrative":""},"image":{"id":"https://","type":"Image","caption":""}}},"proof":[{"type":"DataIntegrityProof","created":"","verificationMethod":"did:key:z6Mk#z6Mk","cryptosuite":"eddsa-rdfc-2022","proofPurpose":"assertionMethod","proofValue":"z"}]}',
  // The presentation this module writes, holder-bound and not; JWTs travel enveloped
  '{"@context":"https://www.w3.org/ns/credentials/v2","id":0,"type":"EnvelopedVerifiableCredential"}data:application/jwt,data:application/vc+jwt,',
  '{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation"],"holder":"did:key:z6Mk","proof":{"type":"DataIntegrityProof","created":"","verificationMethod":"did:key:z6Mk#z6Mk","cryptosuite":"eddsa-rdfc-2022","proofPurpose":"authentication","challenge":"","domain":"","proofValue":"z"}}',
  '[{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiablePresentation"],"verifiableCredential":[{"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],',
];

export const DICTIONARY_V1: Uint8Array = new TextEncoder().encode(PARTS.join(''));
