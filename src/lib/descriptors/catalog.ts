/**
 * The 17 JV-Campus/JMOOC micro-credential descriptors (11 mandatory + 6 optional), as data.
 *
 * Source: STANDARDS.md §4 (Micro-credential framework 1.0, "Guidelines for Issuing Micro-credentials
 * Digitally 1.1"). `name` is what the wallet shows; `labels` are the words issuers write in front of
 * a descriptor in `criteria` and common variants, matched case-insensitively with flexible spaces,
 * `/` or `／`, and `:` or `：` after them (see labelled-text.ts). The first English label of each entry
 * is the one Guideline 1.1 prints; only those (and Japanese labels) are recognised in the middle of a
 * line, as in the Guideline's run-on form `Learning outcomes : … Language : …`.
 *
 * The ids are stable: the CLI's `inspect --json` and stored summaries key on them.
 */

export const DESCRIPTOR_IDS = [
  // mandatory (11)
  'learner',
  'dateOfIssuing',
  'title',
  'awardingBody',
  'description',
  'learningOutcomes',
  'formOfParticipation',
  'learnerEffort',
  'assessment',
  'qualityAssurance',
  'credit',
  // optional (6)
  'country',
  'language',
  'level',
  'certification',
  'prerequisites',
  'stackability',
] as const;
export type DescriptorId = (typeof DESCRIPTOR_IDS)[number];

export const MANDATORY_IDS = [
  'learner',
  'dateOfIssuing',
  'title',
  'awardingBody',
  'description',
  'learningOutcomes',
  'formOfParticipation',
  'learnerEffort',
  'assessment',
  'qualityAssurance',
  'credit',
] as const satisfies readonly DescriptorId[];

export const OPTIONAL_IDS = [
  'country',
  'language',
  'level',
  'certification',
  'prerequisites',
  'stackability',
] as const satisfies readonly DescriptorId[];

export interface Bilingual {
  readonly en: string;
  readonly ja: string;
}

export interface DescriptorDef {
  readonly id: DescriptorId;
  readonly required: boolean;
  /** Position in the framework's list (1–17). */
  readonly number: number;
  /** The name shown to people. */
  readonly name: Bilingual;
  /** Labels issuers write before the value, English and Japanese; the Guideline 1.1 label first. */
  readonly labels: { readonly en: readonly string[]; readonly ja: readonly string[] };
}

export const DESCRIPTORS: readonly DescriptorDef[] = [
  {
    id: 'learner',
    required: true,
    number: 1,
    name: { en: 'Identification of the learner', ja: '学習者の識別情報' },
    labels: {
      en: ['Identification of the learner', 'Learner identification', 'Learner', 'Name of the learner', 'Learner name'],
      ja: ['学習者の識別', '学習者の識別情報', '学習者', '学習者名', '受講者', '受講者名', '氏名'],
    },
  },
  {
    id: 'dateOfIssuing',
    required: true,
    number: 2,
    name: { en: 'Date of issuing', ja: '発行日' },
    labels: {
      en: ['Date of issuing', 'Date of issue', 'Issue date', 'Date issued', 'Issued on'],
      ja: ['発行日', '授与日', '発行年月日', '授与年月日'],
    },
  },
  {
    id: 'title',
    required: true,
    number: 3,
    name: { en: 'Title of the micro-credential', ja: 'マイクロクレデンシャル名称' },
    labels: {
      en: ['Title of the micro-credential', 'Title of the microcredential', 'Micro-credential title', 'Title'],
      ja: ['マイクロクレデンシャル名称', 'マイクロクレデンシャル名', '名称', 'タイトル'],
    },
  },
  {
    id: 'awardingBody',
    required: true,
    number: 4,
    name: { en: 'Awarding body', ja: '授与機関' },
    labels: {
      en: ['Awarding body', 'Awarding bodies', 'Awarding institution', 'Issuing institution', 'Issuer', 'Provider'],
      ja: ['授与機関', '発行機関', '発行者', '授与者', '提供機関'],
    },
  },
  {
    id: 'description',
    required: true,
    number: 5,
    name: { en: 'Content / Description', ja: '内容' },
    labels: {
      en: ['Content/Description', 'Content', 'Description'],
      ja: ['内容', '概要', '説明', '内容/説明'],
    },
  },
  {
    id: 'learningOutcomes',
    required: true,
    number: 6,
    name: { en: 'Learning outcomes', ja: '学修成果' },
    labels: {
      en: ['Learning outcomes', 'Learning outcome', 'Intended learning outcomes', 'Outcomes'],
      ja: ['学修成果', '学習成果', '到達目標', '学修目標'],
    },
  },
  {
    id: 'formOfParticipation',
    required: true,
    number: 7,
    name: { en: 'Form of participation', ja: '授業の方法' },
    labels: {
      en: [
        'Form of participation',
        'Form of participation in the learning activity',
        'Mode of delivery',
        'Delivery mode',
        'Mode of participation',
        'Mode of study',
      ],
      ja: ['授業の方法', '授業方法', '授業形態', '受講形態', '実施形態', '参加形態'],
    },
  },
  {
    id: 'learnerEffort',
    required: true,
    number: 8,
    name: { en: 'Learner effort', ja: '学習量（総学習時間）' },
    labels: {
      en: [
        'Learner effort',
        'Notional workload',
        'Workload',
        'Volume of learning',
        'Student learning time',
        'Total study hours',
        'Study hours',
        'Learning hours',
      ],
      ja: ['学習量', '総学習時間', '学習時間', '学習量/総学習時間', '学習量（総学習時間）'],
    },
  },
  {
    id: 'assessment',
    required: true,
    number: 9,
    name: { en: 'Type of assessment', ja: '評価の方法' },
    labels: {
      en: ['Type of assessment', 'Assessment type', 'Assessment method', 'Method of assessment', 'Assessment'],
      ja: ['評価の方法', '評価方法', '成績評価の方法', '成績評価'],
    },
  },
  {
    id: 'qualityAssurance',
    required: true,
    number: 10,
    name: { en: 'Type of quality assurance', ja: '質保証' },
    labels: {
      en: ['Type of quality assurance', 'Quality assurance', 'Quality assurance type'],
      ja: ['質保証', '質保証の種類', '質保証の方法', '品質保証'],
    },
  },
  {
    id: 'credit',
    required: true,
    number: 11,
    name: { en: 'Credit / Other recognition', ja: '単位/その他の認定' },
    labels: {
      en: ['Credit/Other Recognition', 'Credits/Other Recognition', 'Credit', 'Credits', 'Other recognition', 'Credit recognition'],
      ja: ['単位/その他の認定', '単位・その他の認定', '単位', '単位数', '取得単位', 'その他の認定'],
    },
  },
  {
    id: 'country',
    required: false,
    number: 12,
    name: { en: 'Country/Region of the issuer', ja: '発行者の国・地域' },
    labels: {
      en: ['Country/Region of the issuer', 'Country/Region', 'Country of the issuer', 'Country'],
      ja: ['発行者の国/地域', '発行者の国・地域', '国/地域', '国・地域', '国'],
    },
  },
  {
    id: 'language',
    required: false,
    number: 13,
    name: { en: 'Language', ja: '言語' },
    labels: {
      en: ['Language', 'Languages', 'Language of instruction', 'Language of teaching and assessment', 'Language(s)'],
      ja: ['言語', '使用言語', '授業言語', '使用する言語'],
    },
  },
  {
    id: 'level',
    required: false,
    number: 14,
    name: { en: 'Level', ja: 'レベル' },
    labels: {
      en: ['Level', 'Level of the learning experience', 'Qualification level', 'EQF level'],
      ja: ['レベル', '水準', '難易度'],
    },
  },
  {
    id: 'certification',
    required: false,
    number: 15,
    name: { en: 'Certification', ja: '証明書の発行' },
    labels: {
      en: ['Certification', 'Certificate'],
      ja: ['認証', '修了認定', '修了証'],
    },
  },
  {
    id: 'prerequisites',
    required: false,
    number: 16,
    name: { en: 'Prerequisites needed to enroll', ja: '履修条件' },
    labels: {
      en: [
        'Prerequisites needed to enroll',
        'Prerequisites needed to enrol',
        'Prerequisites',
        'Prerequisite',
        'Entry requirements',
        'Enrolment requirements',
        'Enrollment requirements',
      ],
      ja: ['履修条件', '受講条件', '前提条件', '受講資格', '履修要件'],
    },
  },
  {
    id: 'stackability',
    required: false,
    number: 17,
    name: { en: 'Stackability', ja: '積み上げ' },
    labels: {
      en: ['Stackability', 'Integration/stackability options', 'Integration/stackability', 'Stackable'],
      ja: ['積み上げ', '積み上げ可能性', '積み上げの可否', 'スタッカビリティ'],
    },
  },
];

const BY_ID = new Map<DescriptorId, DescriptorDef>(DESCRIPTORS.map((d) => [d.id, d]));

export function descriptorDef(id: DescriptorId): DescriptorDef {
  const d = BY_ID.get(id);
  // Every id in DESCRIPTOR_IDS has an entry (a unit test asserts it), so this is unreachable.
  if (d === undefined) throw new Error(`unknown descriptor id ${id}`);
  return d;
}

export function isDescriptorId(s: string): s is DescriptorId {
  return BY_ID.has(s as DescriptorId); // why: Map.has accepts any key; the guard narrows the result
}

/**
 * The EU set (Council Recommendation 2022/C 243/02, Annex I; STANDARDS.md §5.1) in terms of our ids.
 * `learnerEffort` stands for "notional workload (ECTS wherever possible)", met by effort or ECTS credit;
 * `level` is mandatory "if applicable". Supervision/identity check and grade are EU-only optional
 * elements, read separately (extract.ts `eu`).
 */
export const EU_MANDATORY = [
  'learner',
  'title',
  'country',
  'awardingBody',
  'dateOfIssuing',
  'learningOutcomes',
  'learnerEffort',
  'level',
  'assessment',
  'formOfParticipation',
  'qualityAssurance',
] as const satisfies readonly DescriptorId[];
export type EuMandatoryId = (typeof EU_MANDATORY)[number];
