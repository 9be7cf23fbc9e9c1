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

/**
 * Text inside a JSON string, as the body carries it: quotes, backslashes and newlines escaped (an
 * SVG's `x="1"` is `x=\"1\"` there, a line break `\n`).
 */
const inString = (text: string): string => JSON.stringify(text).slice(1, -1);

/**
 * Codec 2's additions, least common first (deflate reaches the end of the window most cheaply):
 * the vocabulary of an SVG badge image (the body carries an SVG data: URL as its text); the words
 * the micro-credential descriptors are written with (EU Council Recommendation elements and the
 * JV-Campus/JMOOC guideline, as labels `Label: ` / `ラベル：` on their own lines, and common values);
 * then all of codec 1's dictionary, which stays the most common text.
 *
 * FROZEN like DICTIONARY_V1: codec 2 QR codes read only with exactly these bytes.
 */
const SVG_PARTS: readonly string[] = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" viewBox="0 0 120 120" width="120" height="120">',
  '<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#"/><stop offset="1" stop-color="#"/></linearGradient></defs>',
  '<g transform="translate(" fill="none" stroke="#" stroke-width="" stroke-linecap="round" stroke-linejoin="round" opacity="0.',
  '<polygon points="" fill="#"/><polyline points="" fill="none"/><ellipse cx="" cy="" rx="" ry="" fill="#"/><line x1="" y1="" x2="" y2="" stroke="#"/>',
  '<path d="M" fill="#" stroke="#" stroke-width="',
  '<circle cx="60" cy="60" r="" fill="#" stroke="#" stroke-width="',
  '<text x="60" y="" fill="#fff" font-family="Arial,Helvetica,sans-serif" font-size="" font-weight="700" text-anchor="middle" textLength="" lengthAdjust="spacingAndGlyphs">',
  'MICRO-CREDENTIAL</text></g></svg>',
  '<rect width="120" height="120" rx="" fill="#"/><rect x="" y="" width="" height="" rx="" fill="#"/>',
];

const DESCRIPTOR_VALUES: readonly string[] = [
  'Online, self-paced (asynchronous)', 'Online, live (synchronous)', 'Blended (online and in person)', 'In person', 'オンライン（オンデマンド型）', 'オンライン（同時双方向型）', '対面', 'ハイブリッド',
  'Certificate of completion (no academic credit)', '修了証（単位なし）', ' ECTS credits', ' credits', ' credit', '単位', ' hours', ' 時間', 'Beginner', 'Intermediate', 'Advanced', '初級', '中級', '上級',
  'Japanese', 'English', '日本語', '英語', 'Japan', '日本', 'None', 'なし', 'Assessment', 'Examination', 'Project', 'Report', 'Quiz', 'pass mark', '試験', 'レポート', '課題', '合格',
  'Course review', 'quality assurance', 'guidelines', '講座', '審査', '基準', 'stackable', '積み上げ可能',
];

/** Words badge descriptions, criteria and issuer profiles are written with, in English and Japanese. */
const COMMON_WORDS: readonly string[] = [
  'This badge recognizes ', 'This credential certifies that ', 'The holder of this badge ', 'has successfully completed ', 'has demonstrated ', 'the ability to ', 'an understanding of ',
  'Awarded to learners who ', 'Learners who ', 'complete ', 'completed the ', 'course', 'program', 'programme', 'module', 'workshop', 'training', 'certificate', 'achievement',
  'skills', 'knowledge', 'competency', 'competencies', 'project', 'management',
  'students', 'learners', 'participants', 'university', 'University', 'college', 'school', 'Institute', 'Department of ', 'Faculty of ', 'Center for ', 'Foundation',
  'assessment', 'assessed', 'evaluation', 'exam', 'score', 'grade', 'passed', 'passing', 'minimum', 'required', 'requirements', 'criteria', 'evidence', 'portfolio',
  'recognized', 'reviewed', 'approved', 'issued by ', ' and ', ' the ', ' of ', ' for ', ' to ', ' in ', ' with ', ' by ', ' their ', ' this ', ' that ', ' on ', ' at ',
  'introduction to ', 'fundamentals of ', 'basics', 'advanced', 'data', 'science', 'digital', 'literacy', 'communication', 'leadership', 'safety', 'sustainability', 'design', 'research', 'writing',
  '修了', '修了証', '認定', '取得', '受講', '講義', '演習', '課題', '試験', '評価', '合格', '学生', '受講者', '学習者', '大学', '学部', '研究科', 'センター', '機構', 'プログラム', 'コース', '科目',
  'できる', 'を理解し', 'について', 'を学ぶ', '基礎', '応用', '実践', 'データ', 'デジタル', '能力', 'スキル', '知識', 'です。', 'ます。', 'した。', '、', '。',
];

const DESCRIPTOR_LABELS_EN: readonly string[] = [
  'Identification of the learner', 'Learner identification', 'Date of issuing', 'Date of issue', 'Title of the micro-credential', 'Awarding body', 'Content/Description',
  'Learning outcomes', 'Form of participation', 'Form of participation in the learning activity', 'Learner effort', 'Notional workload', 'Type of assessment',
  'Type of quality assurance', 'Credit/Other Recognition', 'Country/Region of the issuer', 'Language', 'Level', 'Level of the learning experience', 'Certification',
  'Prerequisites needed to enroll', 'Stackability', 'Integration/stackability options',
];

const DESCRIPTOR_LABELS_JA: readonly string[] = [
  '学習者の識別', '発行日', 'マイクロクレデンシャル名称', '授与機関', '発行機関', '内容', '概要', '学修成果', '学習成果', '授業の方法', '学習量（総学習時間）', '学習量', '総学習時間',
  '評価の方法', '質保証', '単位/その他の認定', '発行者の国/地域', '言語', 'レベル', '認証', '履修条件', '積み上げ',
];

const PARTS_V2: readonly string[] = [
  ...SVG_PARTS.map(inString),
  ...COMMON_WORDS.map(inString),
  ...DESCRIPTOR_VALUES.map(inString),
  DESCRIPTOR_LABELS_EN.map((l) => inString(`\n${l}: `)).join(''),
  DESCRIPTOR_LABELS_JA.map((l) => inString(`\n${l}：`)).join(''),
  '"inLanguage":"ja","inLanguage":"en","addressCountry":"日本 Japan","addressCountryCode":"JP","identityType":"emailAddress","hashed":true,"identityHash":"sha256$',
  ...PARTS,
];

export const DICTIONARY_V2: Uint8Array = new TextEncoder().encode(PARTS_V2.join(''));
