/**
 * What learners and their coordinators do, as transactions: enrol, decide, withdraw, record
 * progress, submit a quiz. Each reads what it needs, decides with the pure rules of
 * enrolment.ts, and writes the change with its audit event in one TransactWriteItems,
 * conditional on the enrolment revision it read. A lost race re-reads and decides again; a
 * duplicate submission (same Idempotency-Key) gets the first answer back.
 *
 * Completion is decided in the request that finishes the last requirement: the same transaction
 * writes the completed enrolment, the completion record, the hours on the learner summary, the
 * certificate (through `onComplete`) and the audit event.
 */
import { createHash } from 'node:crypto';
import type { Role } from '../core/access';
import { ChangeConditionFailed, type AuditLog, type TransactItem } from '../core/audit';
import { AppError, fieldErrors } from '../core/errors';
import type { Lang } from '../core/language';
import { maskMyKad } from '../core/mykad';
import type { Completion as CompletionSchema } from './api';
import type { output } from 'zod/mini';
type Completion = output<typeof CompletionSchema>;
import type { CourseEntry, CourseVersions } from './courses';
import {
  holdsSeat, meetsCompletion, moveForward, newEnrolment, present, refusal, reopenable, scoreQuiz,
  type EnrolmentRecord, type Profile,
} from './enrolment';
import type { CompletionRecord, LearnerProfile, LearningStore, Replay } from './store';
import { malaysianYear } from './training';

/** What a completion tells the certificates context (functions/certificates/issue.ts). */
export type CompletionFacts = {
  userId: string;
  holderName: string;
  icMasked?: string;
  orgId: string;
  course: {
    code: string; version: string; title: { ms: string; en: string }; hours: number;
    programme: '3.1' | '7.1' | '7.2'; trainingCategory: 'formal' | 'learning-session' | 'self-learning'; validityMonths?: number;
  };
  completedAt: string;
  renews?: string;
};

/** Items that issue the certificate of a completion, in the same transaction, and its number. */
export type CompletionHook = (facts: CompletionFacts, now: Date) => { items: TransactItem[]; certificateNumber: string };

export type Actor = { userId: string; role: Role | 'self' };

export type LearningDeps = {
  store: LearningStore;
  /** The active courses of a programme (and track), in path order. */
  pathCourses(programme: '3.1' | '7.1' | '7.2', track?: 'school' | 'rural'): Promise<{ code: string; title: { ms: string; en: string } }[]>;
  needsApproval(course: CourseEntry): Promise<boolean>;
  courses: CourseVersions;
  identity: { getProfile(userId: string): Promise<LearnerProfile | undefined> };
  audit: AuditLog;
  clock: () => Date;
  onComplete?: CompletionHook;
};

const MAX_RACES = 8;
const recordOf = (userId: string, code: string) => ({ type: 'enrolment', id: `${userId}:${code}` });

/** Runs `attempt` again when another writer changed the enrolment in between (it re-reads). */
async function retryOnRace<T>(attempt: () => Promise<T>): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof Raced) || round >= MAX_RACES) {
        if (err instanceof Raced) throw new AppError('EDIT_CONFLICT');
        throw err;
      }
      await new Promise((r) => setTimeout(r, Math.random() * 20 * round));
    }
  }
}

class Raced extends Error {}
class Replayed extends Error {}

export function learningService({ store, courses, identity, audit, clock, onComplete, pathCourses, needsApproval }: LearningDeps) {
  async function profileOf(userId: string): Promise<Profile | undefined> {
    const p = await identity.getProfile(userId);
    return p ? { userId: p.userId, name: p.name, kind: p.kind, orgId: p.orgId, ic: p.ic, status: p.status } : undefined;
  }

  const personOf = (p: Profile) => ({ userId: p.userId, name: p.name, orgId: p.orgId, kind: p.kind });

  /**
   * Writes `items` with the audit event. A failed condition at one of `raceAt` means another
   * writer changed the record since it was read (Raced: decide again); at `replayAt`, that this
   * submission was already answered (Replayed).
   */
  async function commit(items: TransactItem[], change: Parameters<AuditLog['writeWithAudit']>[1], conditions: { raceAt: number[]; replayAt?: number }) {
    try {
      return await audit.writeWithAudit(items.filter(Boolean), change);
    } catch (err) {
      if (err instanceof ChangeConditionFailed) {
        if (conditions.replayAt !== undefined && err.index === conditions.replayAt) throw new Replayed();
        if (conditions.raceAt.includes(err.index)) throw new Raced();
      }
      throw err;
    }
  }

  /** Admission: seat or waiting list, with the items that take the seat. */
  function admit(course: CourseEntry, e: EnrolmentRecord, now: string, seatsTaken: number): { e: EnrolmentRecord; seat?: TransactItem } {
    if (course.capacity && seatsTaken >= course.capacity) return { e: { ...e, status: 'waitlisted' } };
    return {
      e: { ...e, status: 'active', activatedAt: now },
      ...(course.capacity ? { seat: store.seats(course.code, 1, course.capacity) } : {}),
    };
  }

  async function completedCodes(userId: string): Promise<Set<string>> {
    const all = await store.enrolmentsOf(userId);
    return new Set(all.filter((e) => e.status === 'completed').map((e) => e.code));
  }

  /**
   * Enrols `userId` in `code`. By the learner: active where the programme allows self-enrolment,
   * else awaiting approval. By a coordinator (`approved`): active. Either way a full course puts
   * the learner on the waiting list. Enrolling again in a live enrolment changes nothing.
   */
  async function enrol(userId: string, code: string, actor: Actor, requestId: string, options: { approved: boolean }) {
    return retryOnRace(async () => {
      const [course, profile, previous] = await Promise.all([courses.current(code), profileOf(userId), store.enrolment(userId, code)]);
      if (previous && !reopenable.includes(previous.status)) return { enrolment: previous, created: false };
      const why = refusal(course, profile, await completedCodes(userId));
      if (why) throw new AppError(why.code, why.details ?? {});
      const now = clock().toISOString();
      const version = await courses.version(course!.code, course!.version);
      let e = newEnrolment(course!, version, profile!, previous, actor.userId, now);
      let seat: TransactItem | undefined;
      const approval = await needsApproval(course!);
      // A subsidised place is public money: it goes to people whose profile a coordinator verified.
      if (options.approved && approval && profile!.status === 'pending-verification') throw new AppError('PROFILE_NOT_VERIFIED');
      if (options.approved || !approval) {
        ({ e, seat } = admit(course!, e, now, await store.seatsTaken(code)));
        if (options.approved) e = { ...e, decidedBy: actor.userId };
      }
      const items = [store.putEnrolment(e, previous?.rev ?? 0), ...(seat ? [seat] : []), store.learnerUpdate(personOf(profile!), previous?.status, e.status)!];
      try {
        await commit(items, {
          actor, action: previous ? 'enrolment.reopen' : 'enrolment.create', record: recordOf(userId, code), orgId: profile!.orgId, requestId,
          summary: { before: previous ? { status: previous.status } : undefined, after: { status: e.status, version: e.version, by: actor.role } },
        }, { raceAt: [0] });
      } catch (err) {
        // The seat went meanwhile: decide again (the waiting list this time).
        if (err instanceof ChangeConditionFailed && seat && err.index === 1) throw new Raced();
        throw err;
      }
      return { enrolment: e, created: true };
    });
  }

  /** A coordinator's or programme administrator's decision on a pending request. */
  async function decide(userId: string, code: string, decision: 'approve' | 'reject', reason: string | undefined, actor: Actor, requestId: string) {
    return retryOnRace(async () => {
      const [course, profile, e] = await Promise.all([courses.current(code), profileOf(userId), store.enrolment(userId, code)]);
      if (!e || !course || !profile) throw new AppError('ENROLMENT_NOT_FOUND');
      if (e.status !== 'pending-approval') throw new AppError('NOT_PENDING', { status: e.status });
      if (decision === 'approve' && profile.status === 'pending-verification') throw new AppError('PROFILE_NOT_VERIFIED');
      const now = clock().toISOString();
      let next: EnrolmentRecord = { ...e, decidedBy: actor.userId, orgId: profile.orgId, lastActivityAt: now, rev: e.rev + 1 };
      let seat: TransactItem | undefined;
      if (decision === 'reject') next = { ...next, status: 'rejected', decisionReason: reason };
      else ({ e: next, seat } = admit(course, next, now, await store.seatsTaken(code)));
      const items = [store.putEnrolment(next, e.rev), ...(seat ? [seat] : []), store.learnerUpdate(personOf(profile), e.status, next.status)!];
      try {
        await commit(items, {
          actor, action: decision === 'approve' ? 'enrolment.approve' : 'enrolment.reject', record: recordOf(userId, code), orgId: profile.orgId, requestId,
          summary: { before: { status: e.status }, after: { status: next.status, ...(reason ? { reason } : {}) } },
        }, { raceAt: [0] });
      } catch (err) {
        if (err instanceof ChangeConditionFailed && seat && err.index === 1) throw new Raced();
        throw err;
      }
      return next;
    });
  }

  /** The learner leaves; a seat freed goes to the oldest waitlisted learner in the same transaction. */
  async function withdraw(userId: string, code: string, actor: Actor, requestId: string) {
    return retryOnRace(async () => {
      const [course, profile, e] = await Promise.all([courses.current(code), profileOf(userId), store.enrolment(userId, code)]);
      if (!e || !profile) throw new AppError('ENROLMENT_NOT_FOUND');
      if (e.status === 'completed') throw new AppError('ALREADY_COMPLETED');
      if (reopenable.includes(e.status)) return e;
      const now = clock().toISOString();
      const next: EnrolmentRecord = { ...e, status: 'withdrawn', withdrawnAt: now, lastActivityAt: now, rev: e.rev + 1 };
      const items: TransactItem[] = [store.putEnrolment(next, e.rev), store.learnerUpdate(personOf(profile), e.status, 'withdrawn')!];
      let promoted: EnrolmentRecord | undefined;
      if (holdsSeat(e.status) && course?.capacity) {
        const waiting = await store.nextWaitlisted(code);
        if (waiting && waiting.userId !== userId) {
          promoted = { ...waiting, status: 'active', activatedAt: now, lastActivityAt: now, rev: waiting.rev + 1 };
          const theirs = await profileOf(waiting.userId);
          items.push(store.putEnrolment(promoted, waiting.rev));
          if (theirs) items.push(store.learnerUpdate(personOf(theirs), 'waitlisted', 'active')!);
        } else {
          items.push(store.seats(code, -1, course.capacity));
        }
      }
      await commit(items, {
        actor, action: 'enrolment.withdraw', record: recordOf(userId, code), orgId: profile.orgId, requestId,
        summary: { before: { status: e.status }, after: { status: 'withdrawn', ...(promoted ? { seatGivenTo: promoted.userId } : {}) } },
      }, { raceAt: [0, 2] });
      return next;
    });
  }

  /**
   * The enrolment as the learner opens it: a course that moves learners forward to its new
   * version does so here (recorded and audited like any change).
   */
  async function open(userId: string, code: string, requestId: string) {
    const [e, course] = await Promise.all([store.enrolment(userId, code), courses.current(code)]);
    if (!e) throw new AppError('ENROLMENT_NOT_FOUND');
    if (course && course.onNewVersion === 'move-forward' && course.version !== e.version && (e.status === 'active' || e.status === 'waitlisted' || e.status === 'pending-approval')) {
      const version = await courses.version(code, course.version);
      const next = moveForward(e, course, version, clock().toISOString());
      try {
        await commit([store.putEnrolment(next, e.rev)], {
          actor: { userId, role: 'self' }, action: 'enrolment.move-version', record: recordOf(userId, code), orgId: e.orgId, requestId,
          summary: { before: { version: e.version }, after: { version: next.version } },
        }, { raceAt: [0] });
        return { e: next, course };
      } catch (err) {
        if (!(err instanceof Raced)) throw err;
        return { e: (await store.enrolment(userId, code))!, course };
      }
    }
    return { e, course };
  }

  /** The completion items, when `next` meets the rule (and was not complete before). */
  async function completionItems(before: EnrolmentRecord, next: EnrolmentRecord, now: Date) {
    if (before.status !== 'active' || !meetsCompletion(next)) return undefined;
    const profile = await profileOf(next.userId);
    const course = await courses.current(next.code);
    const completedAt = now.toISOString();
    const record: CompletionRecord = {
      userId: next.userId, orgId: profile?.orgId ?? next.orgId, code: next.code, title: next.title, version: next.version, completedAt,
      hours: next.hours, trainingCategory: next.trainingCategory, programme: next.programme,
    };
    const renews = course?.refresherFor ? await store.certificateToRenew(next.userId, course.refresherFor) : undefined;
    const issued = onComplete?.({
      userId: next.userId, holderName: profile?.name ?? '', ...(profile?.ic ? { icMasked: maskMyKad(profile.ic) } : {}), orgId: record.orgId,
      course: {
        code: next.code, version: next.version, title: next.title, hours: next.hours, programme: next.programme, trainingCategory: next.trainingCategory,
        ...(course?.validityMonths ? { validityMonths: course.validityMonths } : {}),
      },
      completedAt,
      ...(renews ? { renews } : {}),
    }, now);
    if (issued) record.certificateNumber = issued.certificateNumber;
    const completed: EnrolmentRecord = { ...next, status: 'completed', completedAt, orgId: record.orgId, ...(issued ? { certificateNumber: issued.certificateNumber } : {}) };
    const person = profile ? personOf(profile) : { userId: next.userId, name: '', orgId: next.orgId, kind: 'participant' };
    return {
      completed,
      record,
      items: [
        store.putCompletion(record),
        store.learnerUpdate(person, 'active', 'completed', { year: malaysianYear(completedAt), category: next.trainingCategory, hours: next.hours })!,
        ...(issued?.items ?? []),
      ],
    };
  }

  const completionOut = (c: CompletionRecord): Completion => ({
    code: c.code, title: c.title, version: c.version, completedAt: c.completedAt, hours: c.hours, trainingCategory: c.trainingCategory,
    ...(c.certificateNumber ? { certificateNumber: c.certificateNumber } : {}),
  });

  /**
   * An idempotent submission: a stored answer for the key is replayed (the same request) or
   * refused (another request under the same key); otherwise `run` decides and writes, with the
   * answer stored in the same transaction.
   */
  async function idempotent(userId: string, key: string, request: unknown, run: (replayItem: (status: number, body: unknown) => TransactItem) => Promise<{ status: number; body: unknown }>) {
    const fingerprint = createHash('sha256').update(JSON.stringify(request)).digest('hex');
    const replayed = async (): Promise<Replay & { replayed: true }> => {
      const stored = await store.replay(userId, key);
      if (!stored) throw new AppError('EDIT_CONFLICT');
      if (stored.fingerprint !== fingerprint) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      return { ...stored, replayed: true };
    };
    // No read of the replay record first: it is written with the change, conditionally, so a
    // duplicate fails that condition (Replayed). A duplicate can also fail the change's own checks
    // (the first one used the last attempt, or finished the course): then the replay answers too.
    try {
      const out = await run((status, body) => store.putReplay(userId, key, { fingerprint, status, body }, clock()));
      return { ...out, fingerprint, replayed: false as const };
    } catch (err) {
      if (err instanceof Replayed) return replayed();
      if (err instanceof AppError && (await store.replay(userId, key))) return replayed();
      throw err;
    }
  }

  /**
   * Follows a programme path: enrols in every course of it the learner may take now, and records
   * the path so the courses waiting for a prerequisite are enrolled when it is completed.
   */
  async function enrolPath(userId: string, programme: '3.1' | '7.1' | '7.2', track: 'school' | 'rural' | undefined, requestId: string) {
    const [list, profile, existing] = await Promise.all([pathCourses(programme, track), profileOf(userId), store.pathsOf(userId)]);
    if (!profile) throw new AppError('PROFILE_REQUIRED');
    if (!list.length) throw new AppError('PROGRAMME_NOT_FOUND');
    const before = existing.find((p) => p.programme === programme && p.track === track);
    const now = clock().toISOString();
    const path = { userId, programme, ...(track ? { track } : {}), codes: list.map((c) => c.code), startedAt: before?.startedAt ?? now };
    await audit.writeWithAudit([store.putPath(path)], {
      actor: { userId, role: 'self' }, action: before ? 'path.update' : 'path.enrol', record: { type: 'path', id: `${userId}:${programme}:${track ?? '-'}` },
      orgId: profile.orgId, requestId, summary: { after: { programme, track: track ?? null, courses: path.codes.length } },
    });
    const outcomes = [];
    for (const c of list) outcomes.push({ code: c.code, title: c.title, outcome: await enrolFromPath(userId, c.code, requestId) });
    return { programme, ...(track ? { track } : {}), courses: outcomes };
  }

  async function enrolFromPath(userId: string, code: string, requestId: string) {
    try {
      const out = await enrol(userId, code, { userId, role: 'self' }, requestId, { approved: false });
      if (!out.created) return 'already-enrolled' as const;
      return out.enrolment.status === 'active' ? ('enrolled' as const) : (out.enrolment.status as 'pending-approval' | 'waitlisted');
    } catch (err) {
      if (err instanceof AppError && err.code === 'PREREQUISITES_MISSING') return 'after-prerequisites' as const;
      if (err instanceof AppError && (err.code === 'NOT_ELIGIBLE' || err.code === 'COURSE_RETIRED')) return 'not-eligible' as const;
      throw err;
    }
  }

  /** After a completion: enrols the path courses whose prerequisites are now met. Idempotent; a failure leaves the learner to enrol by hand. */
  async function continuePaths(userId: string, requestId: string) {
    const paths = await store.pathsOf(userId);
    if (!paths.length) return;
    const mine = new Map((await store.enrolmentsOf(userId)).map((e) => [e.code, e.status]));
    for (const code of new Set(paths.flatMap((p) => p.codes))) {
      // Enrolled in any state (withdrawn and rejected included: the learner or an approver chose).
      if (mine.has(code)) continue;
      await enrolFromPath(userId, code, requestId).catch(() => undefined);
    }
  }

  return {
    enrol,
    enrolPath,
    continuePaths,
    decide,
    withdraw,
    open,
    completionOut,
    present,

    /** Records a lesson opened (resume point) or finished (towards completion). */
    async progress(userId: string, code: string, input: { lessonId: string; state: 'opened' | 'finished' }, key: string, requestId: string) {
      return idempotent(userId, key, { op: 'progress', code, ...input }, (replayItem) =>
        retryOnRace(async () => {
          const { e } = await open(userId, code, requestId);
          const version = await courses.version(code, e.version);
          if (!version.snapshot.html[input.lessonId]) throw new AppError('LESSON_NOT_FOUND');
          // Reviewing a completed course changes nothing.
          if (e.status === 'completed') return { status: 200, body: { enrolment: present(e) } };
          if (e.status !== 'active') throw new AppError('ENROLMENT_NOT_ACTIVE', { status: e.status });
          const now = clock();
          const done = input.state === 'finished' && !e.lessonsDone.includes(input.lessonId) ? [...e.lessonsDone, input.lessonId] : e.lessonsDone;
          const next: EnrolmentRecord = { ...e, lessonsDone: done, resumeLessonId: input.lessonId, lastActivityAt: now.toISOString(), rev: e.rev + 1 };
          const completion = await completionItems(e, next, now);
          const final = completion?.completed ?? next;
          const body = { enrolment: present(final), ...(completion ? { completion: completionOut(completion.record) } : {}) };
          await commit([replayItem(200, body), store.putEnrolment(final, e.rev), ...(completion?.items ?? [])], {
            actor: { userId, role: 'self' }, action: completion ? 'course.complete' : input.state === 'finished' ? 'lesson.finish' : 'lesson.open',
            record: recordOf(userId, code), orgId: final.orgId, requestId,
            summary: {
              after: {
                lessonId: input.lessonId, done: `${body.enrolment.requiredDone}/${body.enrolment.requiredLessons}`,
                ...(completion ? { completedAt: completion.record.completedAt, hours: completion.record.hours, version: final.version, certificate: completion.record.certificateNumber } : {}),
              },
            },
          }, { raceAt: [1], replayAt: 0 });
          if (completion) await continuePaths(userId, requestId).catch(() => undefined);
          return { status: 200, body };
        }),
      );
    },

    /** Scores a quiz submission on the server and keeps the attempt. */
    async submitQuiz(userId: string, code: string, answers: { questionId: string; optionIds: string[] }[], key: string, lang: Lang, requestId: string) {
      return idempotent(userId, key, { op: 'quiz', code, answers }, (replayItem) =>
        retryOnRace(async () => {
          const { e } = await open(userId, code, requestId);
          if (e.status === 'completed') throw new AppError('ALREADY_COMPLETED');
          if (e.status !== 'active') throw new AppError('ENROLMENT_NOT_ACTIVE', { status: e.status });
          if (e.passed) throw new AppError('QUIZ_ALREADY_PASSED');
          if (e.attempts >= e.maxAttempts) throw new AppError('QUIZ_ATTEMPTS_EXHAUSTED', { attempts: e.attempts });
          const { snapshot } = await courses.version(code, e.version);
          const scored = scoreQuiz(snapshot.quiz, answers);
          if ('problems' in scored) throw fieldErrors(scored.problems, lang);
          const now = clock();
          const n = e.attempts + 1;
          const next: EnrolmentRecord = {
            ...e, attempts: n, bestScore: Math.max(e.bestScore ?? 0, scored.score), passed: scored.passed,
            lastActivityAt: now.toISOString(), rev: e.rev + 1,
          };
          const completion = await completionItems(e, next, now);
          const final = completion?.completed ?? next;
          const attempt = {
            n, score: scored.score, passed: scored.passed, at: now.toISOString(),
            ...(snapshot.quiz.showCorrectAnswers ? { results: scored.results } : {}),
          };
          const body = { attempt, enrolment: present(final), ...(completion ? { completion: completionOut(completion.record) } : {}) };
          await commit([
            replayItem(201, body),
            store.putEnrolment(final, e.rev),
            store.putAttempt({ userId, code, n, version: e.version, score: scored.score, passed: scored.passed, at: attempt.at, answers }),
            ...(completion?.items ?? []),
          ], {
            actor: { userId, role: 'self' }, action: completion ? 'course.complete' : 'quiz.attempt', record: recordOf(userId, code), orgId: final.orgId, requestId,
            summary: {
              after: {
                attempt: n, score: scored.score, passed: scored.passed,
                ...(completion ? { completedAt: completion.record.completedAt, hours: completion.record.hours, version: final.version, certificate: completion.record.certificateNumber } : {}),
              },
            },
          }, { raceAt: [1, 2], replayAt: 0 });
          if (completion) await continuePaths(userId, requestId).catch(() => undefined);
          return { status: 201, body };
        }),
      );
    },

  };
}

export type LearningService = ReturnType<typeof learningService>;
