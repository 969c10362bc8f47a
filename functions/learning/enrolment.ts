/**
 * The enrolment: its states, who may enter it, and when it is complete. Pure functions; the
 * store writes what they decide, conditionally on the revision it read.
 *
 *   (none) ──self-enrol, open course──► active ──all required lessons + quiz passed──► completed
 *      │                 └─ no seat ──► waitlisted ──seat freed──► active
 *      └──needs approval──► pending-approval ──approve──► active | waitlisted (no seat)
 *                                          └──reject──► rejected
 *   pending-approval | waitlisted | active ──withdraw──► withdrawn
 *   withdrawn | rejected ──enrol again──► (as from none; finished lessons and quiz attempts are kept,
 *                                          so withdrawing cannot reset the attempt limit)
 *
 * A seat is taken by `active` and `completed` (a subsidised place is spent once used) and freed by
 * withdrawing from `active`, which promotes the oldest waitlisted learner in the same transaction.
 */
import type { ProgrammeId } from '../core/access';
import type { ErrorCode, FieldProblem } from '../core/errors';
import type { CourseSnapshot } from '../catalogue/keys';
import type { Enrolment, EnrolmentStatus } from './api';
import type { CourseEntry } from './courses';
import type { TrainingCategory } from './training';

export type EnrolmentRecord = {
  userId: string;
  /** The learner's name, for lists (refreshed like `orgId`). */
  name: string;
  code: string;
  /** The learner's unit (refreshed from the profile on enrolment, decisions and completion). */
  orgId: string;
  title: { ms: string; en: string };
  programme: ProgrammeId;
  version: string;
  status: EnrolmentStatus;
  requestedAt: string;
  activatedAt?: string;
  completedAt?: string;
  withdrawnAt?: string;
  /** Who enrolled the learner: themselves or a coordinator. */
  enrolledBy: string;
  decidedBy?: string;
  decisionReason?: string;
  lessonsDone: string[];
  required: string[];
  resumeLessonId?: string;
  attempts: number;
  bestScore: number | null;
  passed: boolean;
  passMark: number;
  maxAttempts: number;
  hours: number;
  trainingCategory: TrainingCategory;
  certificateNumber?: string;
  lastActivityAt: string;
  /** Optimistic concurrency: every write is conditional on the revision read. */
  rev: number;
};

export type Profile = { userId: string; name: string; kind: 'civil-servant' | 'teacher' | 'participant'; orgId: string; ic?: string; status?: string };

/** Who a course's `audience` admits, by profile kind. */
const audienceOf: Record<Profile['kind'], string[]> = {
  'civil-servant': ['civil-servant'],
  'teacher': ['teacher'],
  'participant': ['public', 'student'],
};

export type Refusal = { code: ErrorCode; details?: Record<string, unknown> };

/** Why `profile` may not enrol in `course` (undefined: they may). Prerequisites are checked by the caller with `completedCodes`. */
export function refusal(course: CourseEntry | undefined, profile: Profile | undefined, completedCodes: ReadonlySet<string>): Refusal | undefined {
  if (!course) return { code: 'COURSE_NOT_FOUND' };
  if (!profile) return { code: 'PROFILE_REQUIRED' };
  if (course.status !== 'active') return { code: 'COURSE_RETIRED' };
  if (!course.audience.some((a) => audienceOf[profile.kind].includes(a))) return { code: 'NOT_ELIGIBLE', details: { audience: course.audience } };
  const missing = course.prerequisites.map((p) => p.code).filter((code) => !completedCodes.has(code));
  if (missing.length) return { code: 'PREREQUISITES_MISSING', details: { missing } };
  return undefined;
}

/** Statuses from which a learner may ask again. */
export const reopenable: readonly EnrolmentStatus[] = ['withdrawn', 'rejected'];
/** Statuses that hold a seat. */
export const holdsSeat = (s: EnrolmentStatus | undefined) => s === 'active' || s === 'completed';

/** A new (or reopened) enrolment in the course's current version, before its admission status is decided. */
export function newEnrolment(
  course: CourseEntry,
  version: { snapshot: CourseSnapshot; required: string[] },
  profile: Profile,
  previous: EnrolmentRecord | undefined,
  by: string,
  now: string,
): EnrolmentRecord {
  const keepVersion = previous && previous.version === course.version;
  return {
    userId: profile.userId,
    name: profile.name,
    code: course.code,
    orgId: profile.orgId,
    title: course.title,
    programme: course.programme,
    version: course.version,
    status: 'pending-approval',
    requestedAt: now,
    enrolledBy: by,
    // Finished lessons that still exist in this version are kept; so are quiz attempts.
    lessonsDone: (previous?.lessonsDone ?? []).filter((id) => version.snapshot.html[id] !== undefined),
    required: version.required,
    ...(keepVersion && previous.resumeLessonId ? { resumeLessonId: previous.resumeLessonId } : {}),
    attempts: previous?.attempts ?? 0,
    bestScore: previous?.bestScore ?? null,
    passed: previous?.passed ?? false,
    passMark: version.snapshot.quiz.passMark,
    maxAttempts: version.snapshot.quiz.maxAttempts,
    hours: course.hours,
    trainingCategory: course.trainingCategory,
    lastActivityAt: now,
    rev: (previous?.rev ?? 0) + 1,
  };
}

/** Moves an unfinished enrolment to the course's newer version (courses with `onNewVersion: move-forward`). */
export function moveForward(e: EnrolmentRecord, course: CourseEntry, version: { snapshot: CourseSnapshot; required: string[] }, now: string): EnrolmentRecord {
  return {
    ...e,
    version: course.version,
    title: course.title,
    hours: course.hours,
    trainingCategory: course.trainingCategory,
    lessonsDone: e.lessonsDone.filter((id) => version.snapshot.html[id] !== undefined),
    required: version.required,
    passMark: version.snapshot.quiz.passMark,
    maxAttempts: version.snapshot.quiz.maxAttempts,
    ...(e.resumeLessonId && version.snapshot.html[e.resumeLessonId] ? {} : { resumeLessonId: undefined }),
    lastActivityAt: now,
    rev: e.rev + 1,
  };
}

/** The completion rule `lessons-and-quiz`: every required lesson finished and the quiz passed. */
export function meetsCompletion(e: Pick<EnrolmentRecord, 'required' | 'lessonsDone' | 'passed'>): boolean {
  const done = new Set(e.lessonsDone);
  return e.passed && e.required.every((id) => done.has(id));
}

export function present(e: EnrolmentRecord, waitlistPosition?: number): Enrolment {
  const done = new Set(e.lessonsDone);
  return {
    code: e.code,
    title: e.title,
    programme: e.programme,
    version: e.version,
    status: e.status,
    requestedAt: e.requestedAt,
    ...(e.activatedAt ? { activatedAt: e.activatedAt } : {}),
    ...(e.completedAt ? { completedAt: e.completedAt } : {}),
    ...(e.withdrawnAt ? { withdrawnAt: e.withdrawnAt } : {}),
    ...(e.decisionReason ? { decisionReason: e.decisionReason } : {}),
    lessonsDone: e.lessonsDone,
    requiredLessons: e.required.length,
    requiredDone: e.required.filter((id) => done.has(id)).length,
    ...(e.resumeLessonId ? { resumeLessonId: e.resumeLessonId } : {}),
    quiz: { attempts: e.attempts, maxAttempts: e.maxAttempts, bestScore: e.bestScore, passMark: e.passMark, passed: e.passed },
    ...(waitlistPosition ? { waitlistPosition } : {}),
    hours: e.hours,
    trainingCategory: e.trainingCategory,
    ...(e.certificateNumber ? { certificateNumber: e.certificateNumber } : {}),
  };
}

export type AnswerProblem = { field: string; problem: FieldProblem };

/**
 * Scores a quiz submission on the server. Every question must be answered once, with options
 * of that question (a single-answer question takes one). A multiple-answer question is right
 * only when exactly the correct options are chosen. Score: percent of questions right, rounded down.
 */
export type QuizScore = {
  score: number;
  passed: boolean;
  results: { questionId: string; correct: boolean; correctOptionIds: string[]; explanation?: { ms: string; en: string } }[];
};

export function scoreQuiz(quiz: CourseSnapshot['quiz'], answers: { questionId: string; optionIds: string[] }[]): { problems: AnswerProblem[] } | QuizScore {
  const problems: AnswerProblem[] = [];
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    const q = byId.get(a.questionId);
    if (!q) return problems.push({ field: `answers.${i}.questionId`, problem: 'QUESTION_UNKNOWN' });
    if (seen.has(a.questionId)) return problems.push({ field: `answers.${i}.questionId`, problem: 'ANSWERED_TWICE' });
    seen.add(a.questionId);
    const options = new Set(q.options.map((o) => o.id));
    if (a.optionIds.some((o) => !options.has(o))) return problems.push({ field: `answers.${i}.optionIds`, problem: 'OPTION_UNKNOWN' });
    if ((q.kind ?? 'single') === 'single' && new Set(a.optionIds).size !== 1) problems.push({ field: `answers.${i}.optionIds`, problem: 'ONE_OPTION_ONLY' });
    return undefined;
  });
  for (const q of quiz.questions) if (!seen.has(q.id)) problems.push({ field: `answers.${q.id}`, problem: 'UNANSWERED' });
  if (problems.length) return { problems };

  const chosen = new Map(answers.map((a) => [a.questionId, new Set(a.optionIds)]));
  const results = quiz.questions.map((q) => {
    const picked = chosen.get(q.id)!;
    const correct = picked.size === q.correct.length && q.correct.every((o) => picked.has(o));
    return { questionId: q.id, correct, correctOptionIds: [...q.correct], ...(q.explanation ? { explanation: q.explanation } : {}) };
  });
  const right = results.filter((r) => r.correct).length;
  const score = Math.floor((right * 100) / quiz.questions.length);
  return { score, passed: score >= quiz.passMark, results };
}
