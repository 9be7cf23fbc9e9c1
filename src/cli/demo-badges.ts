/**
 * The demo wallet's content (a data table): eight Japanese micro-credentials from two invented
 * issuers, written the way JV-Campus/JMOOC "Guidelines for Issuing Micro-credentials Digitally 1.1"
 * put the descriptors into `criteria.narrative` (English label, then the Japanese one). Every name,
 * person and institution here is fictitious; the issuers say DEMO in their own profile.
 */
export type Bi = readonly [en: string, ja: string];

export interface Descriptors {
  readonly outcomes: readonly Bi[];
  readonly participation: Bi;
  readonly hours: number;
  readonly assessment: Bi;
  readonly quality: Bi;
  /** e.g. ['1 credit (45 hours)', '1 単位 (45 時間)'], or a certificate-only recognition. */
  readonly credit: Bi;
  readonly level: Bi;
  readonly prerequisites: Bi;
  readonly stackability: Bi;
  readonly language?: Bi;
}

export interface DemoBadge {
  readonly file: string;
  readonly issuer: 'university' | 'mooc';
  /** How the file is delivered: plain JSON-LD, baked into a PNG or SVG, or a VC-JWT. */
  readonly container: 'json' | 'png' | 'svg' | 'jwt';
  readonly uuid: string;
  readonly name: Bi;
  readonly description: Bi;
  readonly achievementType: string;
  readonly descriptors: Descriptors;
  readonly creditsAvailable?: number;
  readonly validFrom: string;
  readonly validUntil?: string;
  readonly tags: readonly string[];
  readonly alignment?: readonly { readonly name: string; readonly url: string; readonly framework: string; readonly code?: string }[];
  readonly result?: { readonly name: string; readonly value: string };
  readonly evidence?: { readonly name: string; readonly narrative: string };
  readonly endorsedBy?: 'mooc';
  /** Which artwork (motif and colours, src/cli/demo-images.ts): one of its own per badge. */
  readonly variant: number;
}

export const ISSUERS = {
  university: {
    name: '積み木大学（デモ） Tsumiki Demo University',
    url: 'https://university.example.jp',
    email: 'mc-office@university.example.jp',
    description:
      'DEMO ISSUER — a fictitious university used to show the Tsumiki wallet. Never trust its badges.\nデモ用の架空の大学です。このバッジを信頼しないでください。',
  },
  mooc: {
    name: 'デモ・オープンラーニング Demo Open Learning (MOOC)',
    url: 'https://mooc.example.jp',
    email: 'support@mooc.example.jp',
    description:
      'DEMO ISSUER — a fictitious MOOC platform used to show the Tsumiki wallet. Never trust its badges.\nデモ用の架空の MOOC です。このバッジを信頼しないでください。',
  },
} as const;

const UNIV_QA: Bi = [
  'Internal quality assurance by the university’s Centre for Micro-credentials; the programme is reviewed each year against the university’s degree policy.',
  '本学マイクロクレデンシャル推進センターによる内部質保証（毎年度、学位授与方針に照らして点検）',
];
const MOOC_QA: Bi = [
  'Course review by the platform’s academic committee following the JMOOC course quality guidelines.',
  'JMOOC 講座品質ガイドラインに基づく学術委員会の講座審査',
];
const JA: Bi = ['Japanese', '日本語'];
const JA_EN: Bi = ['Japanese and English', '日本語・英語'];

export const DEMO_BADGES: readonly DemoBadge[] = [
  {
    file: '01-data-literacy',
    issuer: 'university',
    container: 'png',
    uuid: '6f1c3c8e-8f0a-4c59-9d55-0b6a1f0d0a01',
    name: ['Introduction to Data Literacy', 'データリテラシー入門'],
    description: [
      'Reading, summarising and questioning data in everyday and professional settings.',
      '日常や職場でデータを読み、要約し、批判的に問う力を身につける入門プログラム。',
    ],
    achievementType: 'MicroCredential',
    creditsAvailable: 1,
    descriptors: {
      outcomes: [
        ['Explain basic descriptive statistics and choose a suitable chart', '基本的な記述統計を説明し、適切なグラフを選べる'],
        ['Spot misleading uses of data in the news', 'ニュースにおける誤解を招くデータの使い方を指摘できる'],
      ],
      participation: ['Blended: online lectures with two on-campus workshops', 'ブレンド型（オンライン講義＋対面ワークショップ2回）'],
      hours: 45,
      assessment: ['Weekly quizzes (40%) and a final data report (60%); pass mark 60%', '毎週の小テスト（40%）と最終データレポート（60%）、60%以上で合格'],
      quality: UNIV_QA,
      credit: ['1 credit (45 hours)', '1 単位 (45 時間)'],
      level: ['Introductory (undergraduate year 1)', '入門（学部1年次相当）'],
      prerequisites: ['None', 'なし'],
      stackability: ['Counts towards the Data Science Certificate (4 credits)', 'データサイエンス修了証（4単位）に積み上げ可能'],
      language: JA,
    },
    validFrom: '2024-08-05T03:00:00Z',
    tags: ['data', 'statistics', 'データ'],
    alignment: [
      {
        name: 'Mathematics, Data Science and AI Literacy Level',
        url: 'https://www.mext.go.jp/a_menu/koutou/suuri_datascience_ai/00002.htm',
        framework: 'MEXT Approved Program for Mathematics, Data Science and AI Smart Higher Education',
        code: 'MDASH-Literacy',
      },
    ],
    variant: 0,
  },
  {
    file: '02-python-basics',
    issuer: 'mooc',
    container: 'json',
    uuid: '6f1c3c8e-8f0a-4c59-9d55-0b6a1f0d0a02',
    name: ['Python Programming Fundamentals', 'Python プログラミング基礎'],
    description: ['Variables, control flow, functions and files in Python 3, with weekly exercises.', 'Python 3 の変数・制御構文・関数・ファイル操作を毎週の演習で学ぶ。'],
    achievementType: 'Course',
    descriptors: {
      outcomes: [
        ['Write small Python programs with functions and loops', '関数と繰り返しを使った小さな Python プログラムを書ける'],
        ['Read and write CSV files', 'CSV ファイルを読み書きできる'],
      ],
      participation: ['Online, self-paced (asynchronous)', 'オンライン（オンデマンド型）'],
      hours: 20,
      assessment: ['Auto-graded programming exercises; pass mark 70%', '自動採点のプログラミング課題、70%以上で合格'],
      quality: MOOC_QA,
      credit: ['Certificate of completion (no academic credit)', '修了証（単位なし）'],
      level: ['Beginner', '初級'],
      prerequisites: ['None', 'なし'],
      stackability: ['Stackable into the MOOC’s “Data Analysis with Python” series', '「Python によるデータ分析」シリーズへ積み上げ可能'],
      language: JA,
    },
    validFrom: '2024-11-20T06:00:00Z',
    tags: ['programming', 'python'],
    result: { name: 'Final score', value: '86 / 100' },
    variant: 1,
  },
  {
    file: '03-academic-writing',
    issuer: 'university',
    container: 'json',
    uuid: '6f1c3c8e-8f0a-4c59-9d55-0b6a1f0d0a03',
    name: ['Academic Writing in Japanese', '日本語アカデミック・ライティング'],
    description: ['Structuring, citing and revising academic texts in Japanese.', '日本語による学術的文章の構成・引用・推敲を学ぶ。'],
    achievementType: 'MicroCredential',
    creditsAvailable: 2,
    descriptors: {
      outcomes: [
        ['Structure an argument with a clear thesis and evidence', '明確な主張と根拠をもつ論証を構成できる'],
        ['Cite sources correctly and avoid plagiarism', '出典を正しく引用し、剽窃を避けられる'],
      ],
      participation: ['On campus, face-to-face seminars', '対面（ゼミ形式）'],
      hours: 90,
      assessment: ['Portfolio of three essays, graded with a published rubric', '3本のレポートのポートフォリオ（公開ルーブリックで評価）'],
      quality: UNIV_QA,
      credit: ['2 credits (90 hours)', '2 単位 (90 時間)'],
      level: ['Intermediate', '中級'],
      prerequisites: ['Japanese at JLPT N2 or above', '日本語能力試験 N2 以上'],
      stackability: ['Counts towards the Liberal Arts Certificate', '教養教育修了証に積み上げ可能'],
      language: JA,
    },
    validFrom: '2025-02-14T03:00:00Z',
    tags: ['writing', '日本語'],
    evidence: { name: 'Final essay (abstract)', narrative: 'Essay: “Local dialects and identity in Tohoku”.\n論題：「東北地方における方言とアイデンティティ」' },
    endorsedBy: 'mooc',
    variant: 2,
  },
  {
    file: '04-sdgs',
    issuer: 'mooc',
    container: 'json',
    uuid: '6f1c3c8e-8f0a-4c59-9d55-0b6a1f0d0a04',
    name: ['Sustainability and the SDGs', 'サステナビリティと SDGs'],
    description: ['The 17 Sustainable Development Goals through case studies from Japanese regions.', '日本の地域の事例を通して持続可能な開発目標（SDGs）を学ぶ。'],
    achievementType: 'Course',
    descriptors: {
      outcomes: [['Relate a local project to the SDG targets it serves', '地域のプロジェクトを関連する SDGs のターゲットと結び付けられる']],
      participation: ['Online with live discussion sessions (synchronous and asynchronous)', 'オンライン（同期・非同期の併用）'],
      hours: 12,
      assessment: ['Peer-reviewed case report', '相互評価によるケースレポート'],
      quality: MOOC_QA,
      credit: ['Certificate of completion (12 hours)', '修了証（12 時間）'],
      level: ['Introductory', '入門'],
      prerequisites: ['None', 'なし'],
      stackability: ['Not stackable', '不可'],
      language: JA_EN,
    },
    validFrom: '2025-05-09T06:00:00Z',
    tags: ['sustainability', 'SDGs'],
    evidence: { name: 'Case report', narrative: 'Case report on a community solar project in Nagano.\n長野県の市民共同発電所に関するケースレポート' },
    variant: 3,
  },
  {
    file: '05-patient-safety',
    issuer: 'university',
    container: 'json',
    uuid: '6f1c3c8e-8f0a-4c59-9d55-0b6a1f0d0a05',
    name: ['Patient Safety Fundamentals (renewal required)', '医療安全管理の基礎（要更新）'],
    description: ['Incident reporting and safety culture for healthcare staff; valid for one year.', '医療従事者のためのインシデント報告と安全文化。有効期間は1年間。'],
    achievementType: 'License',
    descriptors: {
      outcomes: [['Report an incident with the SBAR method', 'SBAR 手法でインシデントを報告できる']],
      participation: ['Online lectures and an on-site simulation', 'オンライン講義と対面シミュレーション'],
      hours: 15,
      assessment: ['Simulation observed by two instructors', '指導者2名によるシミュレーション評価'],
      quality: UNIV_QA,
      credit: ['Other recognition: continuing professional development (15 hours)', 'その他の認定：継続専門職教育（15 時間）'],
      level: ['Professional', '専門職'],
      prerequisites: ['Licensed healthcare professional', '医療系国家資格の保有者'],
      stackability: ['Not stackable; renew every year', '不可（毎年更新）'],
      language: JA,
    },
    validFrom: '2024-04-01T00:00:00Z',
    validUntil: '2025-03-31T14:59:59Z',
    tags: ['healthcare'],
    variant: 4,
  },
  {
    file: '06-ai-ethics',
    issuer: 'mooc',
    container: 'jwt',
    uuid: '6f1c3c8e-8f0a-4c59-9d55-0b6a1f0d0a06',
    name: ['AI Ethics and Society', 'AI 倫理と社会'],
    description: ['Fairness, accountability and privacy in AI systems, with Japanese and international guidelines.', 'AI システムの公平性・説明責任・プライバシーを国内外のガイドラインとともに学ぶ。'],
    achievementType: 'Course',
    descriptors: {
      outcomes: [['Assess an AI use case against the AI Guidelines for Business', 'AI 事業者ガイドラインに照らして AI の利用事例を評価できる']],
      participation: ['Online, self-paced (asynchronous)', 'オンライン（オンデマンド型）'],
      hours: 8,
      assessment: ['Multiple-choice test; pass mark 80%', '多肢選択式テスト、80%以上で合格'],
      quality: MOOC_QA,
      credit: ['Certificate of completion (8 hours)', '修了証（8 時間）'],
      level: ['Introductory', '入門'],
      prerequisites: ['None', 'なし'],
      stackability: ['Stackable into the “AI for Everyone” series', '「みんなの AI」シリーズへ積み上げ可能'],
      language: JA_EN,
    },
    validFrom: '2025-07-01T06:00:00Z',
    validUntil: '2030-06-30T14:59:59Z',
    tags: ['AI', 'ethics'],
    variant: 5,
  },
  {
    file: '07-disaster-leadership',
    issuer: 'university',
    container: 'json',
    uuid: '6f1c3c8e-8f0a-4c59-9d55-0b6a1f0d0a07',
    name: ['Community Disaster Preparedness Leader', '地域防災リーダー養成'],
    description: ['Planning evacuations and running shelter drills with local communities.', '地域住民とともに避難計画を立て、避難所運営訓練を実施する力を養う。'],
    achievementType: 'MicroCredential',
    creditsAvailable: 1,
    descriptors: {
      outcomes: [
        ['Draft a neighbourhood evacuation plan', '町内会単位の避難計画を作成できる'],
        ['Lead a shelter-operation drill', '避難所運営訓練を主導できる'],
      ],
      participation: ['Fieldwork with local government partners', '自治体と連携したフィールドワーク'],
      hours: 45,
      assessment: ['Evacuation plan and drill observed by a municipal officer', '避難計画の提出と自治体職員による訓練評価'],
      quality: UNIV_QA,
      credit: ['1 credit (45 hours)', '1 単位 (45 時間)'],
      level: ['Intermediate', '中級'],
      prerequisites: ['Basic first-aid training', '普通救命講習の修了'],
      stackability: ['Counts towards the Regional Resilience Certificate', '地域レジリエンス修了証に積み上げ可能'],
      language: JA,
    },
    validFrom: '2025-09-30T03:00:00Z',
    tags: ['防災', 'leadership'],
    variant: 6,
  },
  {
    file: '08-project-management',
    issuer: 'mooc',
    container: 'svg',
    uuid: '6f1c3c8e-8f0a-4c59-9d55-0b6a1f0d0a08',
    name: ['Project Management Basics', 'プロジェクトマネジメント基礎'],
    description: ['Scope, schedule and risk for small team projects.', '小規模チームのプロジェクトにおけるスコープ・スケジュール・リスク管理。'],
    achievementType: 'Course',
    descriptors: {
      outcomes: [['Build a work breakdown structure and a simple Gantt chart', 'WBS と簡単なガントチャートを作成できる']],
      participation: ['Online team project (synchronous)', 'オンラインのチームプロジェクト（同期型）'],
      hours: 24,
      assessment: ['Team project plan and an individual reflection', 'チームのプロジェクト計画書と個人の振り返り'],
      quality: MOOC_QA,
      credit: ['Certificate of completion (24 hours)', '修了証（24 時間）'],
      level: ['Beginner', '初級'],
      prerequisites: ['None', 'なし'],
      stackability: ['Stackable into the MOOC’s “Team Skills” series', '「チームスキル」シリーズへ積み上げ可能'],
      language: JA,
    },
    validFrom: '2025-12-12T06:00:00Z',
    tags: ['management'],
    alignment: [{ name: 'Project management', url: 'https://esco.ec.europa.eu/en/classification/skills', framework: 'ESCO skills', code: 'S4.2' }],
    variant: 7,
  },
];
