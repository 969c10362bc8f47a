/**
 * The schema of the course catalogue as files under `content/`.
 *
 * Authors edit YAML and Markdown; `npm run content:check` validates every file against
 * these schemas (plus the cross-file rules in `check.ts`) before anything is synced.
 * This module is used by the CLI only, so it uses full zod for its richer messages; the
 * Lambdas use `zod/mini` (see docs/architecture.md, "Validation").
 */
import { z } from 'zod';

/** Text in both official languages: Bahasa Melayu first, English second. Both required. */
export const Bilingual = z.object({
  ms: z.string().trim().min(1, 'teks Bahasa Melayu diperlukan / Malay text is required'),
  en: z.string().trim().min(1, 'teks Bahasa Inggeris diperlukan / English text is required'),
}).strict();
export type Bilingual = z.infer<typeof Bilingual>;

const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase letters, digits and dashes, e.g. "intro-to-data"');

export const ProgrammeId = z.enum(['3.1', '7.1', '7.2']);
export const Track = z.enum(['school', 'rural']);
export const DeliveryMode = z.enum(['self-paced', 'face-to-face', 'blended']);
/** Civil-service training categories (DOMAIN.md): formal course, short learning session, self-paced e-learning. */
export const TrainingCategory = z.enum(['formal', 'learning-session', 'self-learning']);
export const Audience = z.enum(['civil-servant', 'teacher', 'student', 'public']);
export const Level = z.enum(['beginner', 'intermediate', 'advanced']);
export const Language = z.enum(['ms', 'en']);
export type Language = z.infer<typeof Language>;

/** content/programmes.yaml */
export const Programme = z.object({
  id: ProgrammeId,
  strategy: z.string().min(1),
  title: Bilingual,
  summary: Bilingual,
  /** Who may take the programme's courses. */
  audience: z.array(Audience).min(1),
  /** Whether learners enrol themselves or need approval (used by the learning context). */
  selfEnrolment: z.boolean(),
  /** Sub-tracks, e.g. 7.1 has a school track and a rural track. */
  tracks: z.array(z.object({ id: Track, title: Bilingual, summary: Bilingual }).strict()).default([]),
  order: z.number().int().min(0),
}).strict();
export type Programme = z.infer<typeof Programme>;
export const ProgrammesFile = z.object({ programmes: z.array(Programme).min(1) }).strict();

/** content/categories.yaml */
export const Category = z.object({ id: Slug, title: Bilingual }).strict();
export type Category = z.infer<typeof Category>;
export const CategoriesFile = z.object({ categories: z.array(Category).min(1) }).strict();

export const CourseCode = z.string().regex(/^[A-Z0-9]{2,8}(-[A-Z0-9]{2,8}){1,3}$/, 'a course code looks like "DA-301" or "KD-SC-101"');

export const Lesson = z.object({
  id: Slug,
  title: Bilingual,
  /** Expected reading/doing time, minutes. */
  minutes: z.number().int().min(1).max(600),
  /** Required for completion (default true). */
  required: z.boolean().default(true),
}).strict();
export type Lesson = z.infer<typeof Lesson>;

export const Module = z.object({
  id: Slug,
  title: Bilingual,
  lessons: z.array(Lesson).min(1),
}).strict();
export type Module = z.infer<typeof Module>;

/** content/courses/<CODE>/course.yaml */
export const CourseFile = z.object({
  code: CourseCode,
  title: Bilingual,
  summary: Bilingual,
  programme: ProgrammeId,
  track: Track.optional(),
  category: Slug,
  mode: DeliveryMode,
  /** Notional learning hours; what a completion credits towards training days. */
  hours: z.number().positive().max(200),
  trainingCategory: TrainingCategory,
  audience: z.array(Audience).min(1),
  level: Level,
  /** Languages the course is delivered in. Titles and lessons exist in both regardless. */
  languages: z.array(Language).min(1),
  prerequisites: z.array(CourseCode).default([]),
  /** Completing this course renews the learner's certificate of that course (a refresher). */
  refresherFor: CourseCode.optional(),
  /** Months a certificate stays valid; absent = does not expire. */
  validityMonths: z.number().int().min(1).max(120).optional(),
  /** Learning outcomes shown on the course page. */
  outcomes: z.array(Bilingual).min(1),
  modules: z.array(Module).min(1),
  completion: z.object({ rule: z.enum(['lessons-and-quiz']) }).strict().default({ rule: 'lessons-and-quiz' }),
  /** Seats (e.g. subsidised places); absent = unlimited. Beyond it, learners join a waiting list. */
  capacity: z.number().int().min(1).max(100000).optional(),
  /**
   * When this course's content changes: `keep` (default) — learners already enrolled finish the
   * version they started; `move-forward` — they move to the new version at their next visit,
   * keeping the lessons that still exist and their quiz attempts.
   */
  onNewVersion: z.enum(['keep', 'move-forward']).default('keep'),
}).strict();
export type CourseFile = z.infer<typeof CourseFile>;

export const QuizOption = z.object({ id: z.string().regex(/^[a-z]$/, 'option ids are single letters a-z'), text: Bilingual }).strict();
export const QuizQuestion = z.object({
  id: Slug,
  prompt: Bilingual,
  /** single: exactly one correct option; multiple: one or more, all must be chosen. */
  kind: z.enum(['single', 'multiple']).default('single'),
  options: z.array(QuizOption).min(2).max(8),
  correct: z.array(z.string()).min(1),
  explanation: Bilingual.optional(),
}).strict();
export type QuizQuestion = z.infer<typeof QuizQuestion>;

/** content/courses/<CODE>/quiz.yaml */
export const QuizFile = z.object({
  /** Percentage of questions to answer correctly to pass. */
  passMark: z.number().int().min(1).max(100),
  maxAttempts: z.number().int().min(1).max(20),
  /** Show the learner which answers were wrong after each attempt. */
  showCorrectAnswers: z.boolean(),
  questions: z.array(QuizQuestion).min(3),
}).strict();
export type QuizFile = z.infer<typeof QuizFile>;

export const OrgKind = z.enum(['state', 'district', 'ppd', 'council', 'agency', 'school', 'community-centre']);
export type OrgKind = z.infer<typeof OrgKind>;

/** content/org/<file>.yaml: `units: [...]`; the tree is built from `parent`. */
export const OrgUnit = z.object({
  id: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, 'org ids are uppercase letters, digits and dashes, e.g. "MY-05", "PPD-SEREMBAN"'),
  kind: OrgKind,
  name: Bilingual,
  /** Parent unit id; only the state has none. */
  parent: z.string().optional(),
  /** Districts (DDSA codes) the unit serves, e.g. PPD Jempol dan Jelebu serves 0507 and 0501. */
  districts: z.array(z.string().regex(/^05\d\d$/)).optional(),
  /** Official code where one exists (DDSA district code, school code). */
  code: z.string().optional(),
  /** School level, community-centre type. */
  subtype: z.enum(['primary', 'secondary', 'tertiary', 'hall', 'library', 'pedi', 'department', 'agency', 'city-council', 'municipal-council', 'district-council']).optional(),
  postcode: z.string().regex(/^7[0-3]\d{3}$/, 'Negeri Sembilan postcodes are 70000-73999').optional(),
  /** Invented for demonstration; never shown as real. */
  sample: z.boolean().default(false),
}).strict();
export type OrgUnit = z.infer<typeof OrgUnit>;
export const OrgFile = z.object({ units: z.array(OrgUnit).min(1) }).strict();

/** content/training-rules.yaml: how hours become training days (../shared/DOMAIN.md; policy may change, so it is content). */
export const TrainingRulesFile = z.object({
  /** Hours that make one training day. */
  hoursPerDay: z.number().positive().max(24),
  /** Training days expected of each person a year. */
  targetDays: z.number().positive().max(365),
  /** Hours counted per year at most, per training category (absent = no cap). */
  yearlyHourCaps: z.object({
    'formal': z.number().positive().optional(),
    'learning-session': z.number().positive().optional(),
    'self-learning': z.number().positive().optional(),
  }).strict().default({}),
  /** Where the rule comes from, shown to administrators. */
  source: Bilingual,
}).strict();
export type TrainingRules = z.infer<typeof TrainingRulesFile>;
