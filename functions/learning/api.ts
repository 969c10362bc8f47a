/**
 * The learning context's wire contract (zod/mini): enrolments, lesson progress, quizzes,
 * completions, training hours, and the coordinator and programme dashboards.
 *
 * Course titles carry both languages (the web switches without a refetch); a lesson body is
 * sent in the one language asked for, as HTML rendered from the reviewed Markdown at sync time.
 */
import * as z from 'zod/mini';
import { programmeIds } from '../core/access';
import { Bilingual, CourseCodeParam, trainingCategories, tracks } from '../catalogue/api';

export const enrolmentStatuses = ['pending-approval', 'waitlisted', 'active', 'completed', 'withdrawn', 'rejected'] as const;
export type EnrolmentStatus = (typeof enrolmentStatuses)[number];

const CourseCode = CourseCodeParam.shape.code;
const LessonId = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), z.maxLength(80));
const UserId = z.string().check(z.regex(/^[A-Za-z0-9_.@:-]{1,128}$/));
const OrgId = z.string().check(z.regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/));
const Year = z.coerce.number().check(z.int(), z.minimum(2020), z.maximum(2100));

/** Header `Idempotency-Key` on progress and quiz submissions: a retry with the same key replays the first answer. */
export const IdempotencyHeader = z.object({
  'idempotency-key': z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)),
});

export const EnrolmentParam = z.object({ code: CourseCode });
export const LessonParam = z.object({ code: CourseCode, lessonId: LessonId });
export const UserEnrolmentParam = z.object({ id: UserId, code: CourseCode });
export const UserParam = z.object({ id: UserId });
export const OrgParam = z.object({ orgId: OrgId });
export const YearQuery = z.object({ year: z.optional(Year) });
export const LessonQuery = z.object({ lang: z._default(z.enum(['ms', 'en']), 'ms') });

export const EnrolInput = z.object({ code: CourseCode });
export const PathInput = z.object({ programme: z.enum(programmeIds), track: z.optional(z.enum(tracks)) });
export const pathOutcomes = ['enrolled', 'pending-approval', 'waitlisted', 'already-enrolled', 'after-prerequisites', 'not-eligible'] as const;
export const PathResponse = z.object({
  path: z.object({
    programme: z.enum(programmeIds),
    track: z.optional(z.enum(tracks)),
    courses: z.array(z.object({ code: z.string(), title: Bilingual, outcome: z.enum(pathOutcomes) })),
  }),
});
export const BulkEnrolInput = z.object({
  code: CourseCode,
  userIds: z.array(UserId).check(z.minLength(1), z.maxLength(200)),
});
export const DecisionInput = z.object({
  decision: z.enum(['approve', 'reject']),
  /** Required when rejecting: the learner sees it. */
  reason: z.optional(z.string().check(z.trim(), z.minLength(3), z.maxLength(500))),
});
export const ProgressInput = z.object({
  lessonId: LessonId,
  /** `opened` moves the resume point; `finished` counts the lesson towards completion. */
  state: z.enum(['opened', 'finished']),
});
export const QuizAnswers = z.object({
  answers: z.array(z.object({
    questionId: LessonId,
    optionIds: z.array(z.string().check(z.regex(/^[a-z]$/))).check(z.minLength(1), z.maxLength(8)),
  })).check(z.minLength(1), z.maxLength(100)),
});

export const Enrolment = z.object({
  code: z.string(),
  title: Bilingual,
  programme: z.enum(programmeIds),
  /** The course version the learner studies (kept when the content changes, unless the course moves learners forward). */
  version: z.string(),
  status: z.enum(enrolmentStatuses),
  requestedAt: z.string(),
  /** When the seat was granted (self-enrolment, approval or promotion from the waiting list). */
  activatedAt: z.optional(z.string()),
  completedAt: z.optional(z.string()),
  withdrawnAt: z.optional(z.string()),
  decisionReason: z.optional(z.string()),
  /** Finished lessons (ids of the pinned version) and the required ones. */
  lessonsDone: z.array(z.string()),
  requiredLessons: z.number(),
  requiredDone: z.number(),
  /** Where to resume: the last lesson opened. */
  resumeLessonId: z.optional(z.string()),
  quiz: z.object({ attempts: z.number(), maxAttempts: z.number(), bestScore: z.nullable(z.number()), passMark: z.number(), passed: z.boolean() }),
  /** Waiting list position (1 = next), when waitlisted. */
  waitlistPosition: z.optional(z.number()),
  hours: z.number(),
  trainingCategory: z.enum(trainingCategories),
  /** The certificate issued on completion, when there is one. */
  certificateNumber: z.optional(z.string()),
});
export type Enrolment = z.output<typeof Enrolment>;

export const Completion = z.object({
  code: z.string(),
  title: Bilingual,
  version: z.string(),
  completedAt: z.string(),
  hours: z.number(),
  trainingCategory: z.enum(trainingCategories),
  certificateNumber: z.optional(z.string()),
});

/** A year of training, by the rules in content/training-rules.yaml (6 h = 1 day; learning sessions capped). */
export const TrainingYear = z.object({
  year: z.number(),
  hours: z.number(),
  /** Hours that count after caps. */
  countedHours: z.number(),
  days: z.number(),
  targetDays: z.number(),
  byCategory: z.array(z.object({ category: z.enum(trainingCategories), hours: z.number(), countedHours: z.number() })),
  metTarget: z.boolean(),
});
export type TrainingYear = z.output<typeof TrainingYear>;

export const MyLearningResponse = z.object({
  enrolments: z.array(Enrolment),
  /** Programme paths the learner follows: their courses are enrolled as prerequisites are met. */
  paths: z.array(z.object({ programme: z.enum(programmeIds), track: z.optional(z.enum(tracks)), codes: z.array(z.string()) })),
  training: TrainingYear,
  completions: z.array(Completion),
  /** What to do next: resume a course, take a quiz, or a course to start. */
  next: z.array(z.object({
    kind: z.enum(['resume', 'quiz', 'awaiting-approval', 'start']),
    code: z.string(),
    title: Bilingual,
    lessonId: z.optional(z.string()),
  })),
});

export const EnrolmentResponse = z.object({ enrolment: Enrolment });

export const LessonOutline = z.object({ id: z.string(), title: Bilingual, minutes: z.number(), required: z.boolean(), done: z.boolean() });
export const EnrolmentDetailResponse = z.object({
  enrolment: Enrolment,
  course: z.object({
    code: z.string(),
    title: Bilingual,
    summary: Bilingual,
    version: z.string(),
    /** True when the catalogue has a newer version than the one pinned. */
    newerVersion: z.boolean(),
    modules: z.array(z.object({ id: z.string(), title: Bilingual, lessons: z.array(LessonOutline) })),
  }),
});

export const LessonResponse = z.object({
  lesson: z.object({
    id: z.string(),
    title: Bilingual,
    minutes: z.number(),
    lang: z.enum(['ms', 'en']),
    /** Rendered from the course's Markdown (raw HTML in the Markdown is escaped). */
    html: z.string(),
    /** The course (of the learner's version) and where this lesson sits in it, 1-based. */
    course: z.object({ code: z.string(), title: Bilingual }),
    position: z.object({ index: z.number(), total: z.number() }),
    previous: z.optional(z.string()),
    next: z.optional(z.string()),
    done: z.boolean(),
  }),
});

export const ProgressResponse = z.object({
  enrolment: Enrolment,
  /** Present on the request that completed the course. */
  completion: z.optional(Completion),
});

export const QuizResponse = z.object({
  quiz: z.object({
    passMark: z.number(),
    maxAttempts: z.number(),
    showCorrectAnswers: z.boolean(),
    questions: z.array(z.object({
      id: z.string(),
      prompt: Bilingual,
      kind: z.enum(['single', 'multiple']),
      options: z.array(z.object({ id: z.string(), text: Bilingual })),
    })),
  }),
  attempts: z.array(z.object({ n: z.number(), score: z.number(), passed: z.boolean(), at: z.string() })),
});

export const AttemptResult = z.object({
  n: z.number(),
  score: z.number(),
  passed: z.boolean(),
  at: z.string(),
  /** Per question, when the course shows answers: whether it was right, the right options and the explanation. */
  results: z.optional(z.array(z.object({
    questionId: z.string(),
    correct: z.boolean(),
    correctOptionIds: z.array(z.string()),
    explanation: z.optional(Bilingual),
  }))),
});
export const AttemptResponse = z.object({ attempt: AttemptResult, enrolment: Enrolment, completion: z.optional(Completion) });

export const CompletionsResponse = z.object({ year: z.number(), completions: z.array(Completion), training: TrainingYear });

export const BulkEnrolResponse = z.object({
  results: z.array(z.object({
    userId: z.string(),
    outcome: z.enum(['enrolled', 'waitlisted', 'already-enrolled', 'refused']),
    /** Why it was refused, in the caller's language. */
    reason: z.optional(z.string()),
    code: z.optional(z.string()),
  })),
});

export const reportStatuses = ['all', 'below-target', 'not-started', 'in-progress', 'completed', 'pending-approval'] as const;
export const OrgReportQuery = z.object({
  org: OrgId,
  year: z.optional(Year),
  /** Only people enrolled in this course (their status in it). */
  course: z.optional(CourseCode),
  status: z._default(z.enum(reportStatuses), 'all'),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});

export const OrgReportResponse = z.object({
  org: z.string(),
  year: z.number(),
  targetDays: z.number(),
  totals: z.object({
    people: z.number(),
    enrolled: z.number(),
    inProgress: z.number(),
    completed: z.number(),
    pendingApproval: z.number(),
    belowTarget: z.number(),
    hours: z.number(),
  }),
  people: z.array(z.object({
    userId: z.string(),
    name: z.string(),
    orgId: z.string(),
    kind: z.string(),
    inProgress: z.number(),
    completed: z.number(),
    pendingApproval: z.number(),
    hours: z.number(),
    days: z.number(),
    belowTarget: z.boolean(),
    /** With `course`: the person's status in that course. */
    course: z.optional(z.object({ status: z.enum(enrolmentStatuses), requiredDone: z.number(), requiredLessons: z.number(), bestScore: z.nullable(z.number()) })),
  })),
  nextCursor: z.nullable(z.string()),
});

export const CourseReportResponse = z.object({
  code: z.string(),
  title: Bilingual,
  programme: z.enum(programmeIds),
  capacity: z.nullable(z.number()),
  seatsTaken: z.number(),
  counts: z.object({
    enrolled: z.number(),
    active: z.number(),
    completed: z.number(),
    pendingApproval: z.number(),
    waitlisted: z.number(),
    withdrawn: z.number(),
    rejected: z.number(),
  }),
  /** Completed / (active + completed), 0–1. */
  completionRate: z.number(),
  /** Mean of learners' best quiz scores (percent), null when nobody attempted. */
  averageQuizScore: z.nullable(z.number()),
  /** For each lesson of the current version, in order: how many finished it, and how many stopped there (furthest lesson finished, not completed). */
  lessons: z.array(z.object({ id: z.string(), title: Bilingual, finished: z.number(), stoppedHere: z.number() })),
});

export const ApprovalsQuery = z.object({
  /** Requests of this unit's people (and below). */
  org: OrgId,
  course: z.optional(CourseCode),
});
export const ApprovalsResponse = z.object({
  pending: z.array(z.object({
    userId: z.string(), name: z.string(), orgId: z.string(), code: z.string(), title: Bilingual,
    programme: z.enum(programmeIds), requestedAt: z.string(),
  })),
});
