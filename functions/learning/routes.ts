/**
 * Learning routes: my enrolments, lessons, quizzes and training record; enrolment by and
 * decisions of coordinators; dashboards. Access is declared per operation in openapi.ts and
 * enforced by the guard in core/http.ts before any handler runs; handlers narrow further by
 * programme where an assignment is for one programme only (404, like any record out of scope).
 */
import type { Context } from 'hono';
import { Hono } from 'hono/tiny';
import type * as z from 'zod/mini';
import { holdsForProgramme, isAllowed, type Role } from '../core/access';
import { AppError, errorMessage, fieldErrors } from '../core/errors';
import { validate, type AppEnv } from '../core/http';
import type { OrgDirectory } from '../identity/orgs';
import {
  ApprovalsQuery, AttemptResponse, BulkEnrolInput, PathInput, ProgressResponse, DecisionInput, EnrolInput, EnrolmentParam, IdempotencyHeader, LessonParam, LessonQuery, OrgParam, OrgReportQuery,
  ProgressInput, QuizAnswers, UserEnrolmentParam, UserParam, YearQuery,
} from './api';
import type { CourseVersions } from './courses';
import { present, type EnrolmentRecord } from './enrolment';
import type { LearningReports } from './reports';
import type { LearningService } from './service';
import type { LearningStore } from './store';
import { malaysianYear, trainingCategories, trainingYear } from './training';

export type LearningRouteDeps = {
  service: LearningService;
  store: LearningStore;
  courses: CourseVersions;
  reports: LearningReports;
  orgs: OrgDirectory;
  identity: { getProfile(userId: string): Promise<{ orgId: string } | undefined> };
  clock: () => Date;
};

export function learningRoutes(deps: LearningRouteDeps) {
  const { service, store, courses, reports, orgs, clock } = deps;
  const self = (c: Context<AppEnv>) => ({ userId: c.get('principal').userId, role: 'self' as const });
  /** The role the caller acts in for an audited decision on a unit's record. */
  const actingRole = async (c: Context<AppEnv>, permission: 'learning:enrol' | 'learning:approve', orgId: string, programme?: '3.1' | '7.1' | '7.2') => {
    const ancestors = (await orgs.ancestorsOf(orgId)) ?? [];
    return (c.get('assignments') ?? []).find((a) => isAllowed([a], permission, orgId, ancestors, programme))?.role as Role | undefined;
  };
  const thisYear = () => malaysianYear(clock().toISOString());

  async function mine(userId: string, code: string) {
    const e = await store.enrolment(userId, code);
    if (!e) throw new AppError('ENROLMENT_NOT_FOUND');
    return e;
  }
  const withPosition = async (e: EnrolmentRecord) => present(e, e.status === 'waitlisted' ? await store.waitlistPosition(e) : undefined);
  /** Lessons and quiz are open to active learners, and to those who completed (to review). */
  const readable = (e: EnrolmentRecord) => {
    if (e.status !== 'active' && e.status !== 'completed') throw new AppError('ENROLMENT_NOT_ACTIVE', { status: e.status });
  };

  return new Hono<AppEnv>()
    .get('/me/learning', validate('query', YearQuery), async (c) => {
      const { userId } = c.get('principal');
      const year = c.req.valid('query').year ?? thisYear();
      const [enrolments, completions, rules, paths] = await Promise.all([
        store.enrolmentsOf(userId), store.completionsOf(userId, year), courses.trainingRules(), store.pathsOf(userId),
      ]);
      const hours: Record<string, number> = {};
      for (const done of completions) hours[done.trainingCategory] = (hours[done.trainingCategory] ?? 0) + done.hours;
      const next = [];
      for (const e of enrolments.sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt))) {
        if (e.status === 'pending-approval') next.push({ kind: 'awaiting-approval' as const, code: e.code, title: e.title });
        if (e.status !== 'active') continue;
        const done = new Set(e.lessonsDone);
        const todo = e.required.find((id) => !done.has(id));
        if (todo) next.push({ kind: 'resume' as const, code: e.code, title: e.title, lessonId: e.resumeLessonId && !done.has(e.resumeLessonId) ? e.resumeLessonId : todo });
        else if (!e.passed) next.push({ kind: 'quiz' as const, code: e.code, title: e.title });
      }
      return c.json({
        enrolments: await Promise.all(enrolments.map(withPosition)),
        paths: paths.map((p) => ({ programme: p.programme, ...(p.track ? { track: p.track } : {}), codes: p.codes })),
        training: trainingYear(year, hours, rules),
        completions: completions.sort((a, b) => b.completedAt.localeCompare(a.completedAt)).map(service.completionOut),
        next,
      }, 200);
    })

    .post('/me/enrolments', validate('json', EnrolInput), async (c) => {
      const { code } = c.req.valid('json');
      const out = await service.enrol(c.get('principal').userId, code, self(c), c.get('requestId'), { approved: false });
      return c.json({ enrolment: await withPosition(out.enrolment) }, out.created ? 201 : 200);
    })

    .post('/me/paths', validate('json', PathInput), async (c) => {
      const { programme, track } = c.req.valid('json');
      return c.json({ path: await service.enrolPath(c.get('principal').userId, programme, track, c.get('requestId')) }, 200);
    })

    .get('/me/enrolments/:code', validate('param', EnrolmentParam), async (c) => {
      const { userId } = c.get('principal');
      const { e, course } = await service.open(userId, c.req.valid('param').code, c.get('requestId'));
      const version = await courses.version(e.code, e.version);
      const done = new Set(e.lessonsDone);
      const snap = version.snapshot.course;
      return c.json({
        enrolment: await withPosition(e),
        course: {
          code: snap.code, title: snap.title, summary: snap.summary, version: e.version,
          newerVersion: Boolean(course && course.version !== e.version),
          modules: snap.modules.map((m) => ({
            id: m.id, title: m.title,
            lessons: m.lessons.map((l) => ({ id: l.id, title: l.title, minutes: l.minutes, required: l.required !== false, done: done.has(l.id) })),
          })),
        },
      }, 200);
    })

    .delete('/me/enrolments/:code', validate('param', EnrolmentParam), async (c) => {
      const { userId } = c.get('principal');
      const e = await service.withdraw(userId, c.req.valid('param').code, self(c), c.get('requestId'));
      return c.json({ enrolment: present(e) }, 200);
    })

    .get('/me/enrolments/:code/lessons/:lessonId', validate('param', LessonParam), validate('query', LessonQuery), async (c) => {
      const { code, lessonId } = c.req.valid('param');
      const { lang } = c.req.valid('query');
      const e = await mine(c.get('principal').userId, code);
      readable(e);
      const version = await courses.version(code, e.version);
      const html = version.snapshot.html[lessonId];
      const meta = version.snapshot.course.modules.flatMap((m) => m.lessons).find((l) => l.id === lessonId);
      if (!html || !meta) throw new AppError('LESSON_NOT_FOUND');
      const at = version.lessonOrder.indexOf(lessonId);
      // A version's lessons never change: the browser may keep them.
      c.header('Cache-Control', 'private, max-age=3600');
      return c.json({
        lesson: {
          id: lessonId, title: meta.title, minutes: meta.minutes, lang, html: html[lang],
          course: { code, title: version.snapshot.course.title },
          position: { index: at + 1, total: version.lessonOrder.length },
          ...(at > 0 ? { previous: version.lessonOrder[at - 1] } : {}),
          ...(at < version.lessonOrder.length - 1 ? { next: version.lessonOrder[at + 1] } : {}),
          done: e.lessonsDone.includes(lessonId),
        },
      }, 200);
    })

    .post('/me/enrolments/:code/progress', validate('param', EnrolmentParam), validate('header', IdempotencyHeader), validate('json', ProgressInput), async (c) => {
      const out = await service.progress(c.get('principal').userId, c.req.valid('param').code, c.req.valid('json'), c.req.valid('header')['idempotency-key'], c.get('requestId'));
      if (out.replayed) c.header('Idempotent-Replayed', 'true');
      return c.json(out.body as z.output<typeof ProgressResponse>, 200);
    })

    .get('/me/enrolments/:code/quiz', validate('param', EnrolmentParam), async (c) => {
      const { userId } = c.get('principal');
      const { code } = c.req.valid('param');
      const e = await mine(userId, code);
      readable(e);
      const [{ snapshot }, attempts] = await Promise.all([courses.version(code, e.version), store.attemptsOf(userId, code)]);
      return c.json({
        quiz: {
          passMark: snapshot.quiz.passMark, maxAttempts: snapshot.quiz.maxAttempts, showCorrectAnswers: snapshot.quiz.showCorrectAnswers,
          // Never the answers: they stay on the server.
          questions: snapshot.quiz.questions.map((q) => ({ id: q.id, prompt: q.prompt, kind: q.kind ?? 'single', options: q.options })),
        },
        attempts: attempts.map((a) => ({ n: a.n, score: a.score, passed: a.passed, at: a.at })),
      }, 200);
    })

    .post('/me/enrolments/:code/quiz/attempts', validate('param', EnrolmentParam), validate('header', IdempotencyHeader), validate('json', QuizAnswers), async (c) => {
      const out = await service.submitQuiz(
        c.get('principal').userId, c.req.valid('param').code, c.req.valid('json').answers, c.req.valid('header')['idempotency-key'], c.get('lang'), c.get('requestId'),
      );
      if (out.replayed) c.header('Idempotent-Replayed', 'true');
      return c.json(out.body as z.output<typeof AttemptResponse>, 201);
    })

    .get('/me/completions', validate('query', YearQuery), async (c) => {
      const { userId } = c.get('principal');
      const year = c.req.valid('query').year ?? thisYear();
      const [completions, rules] = await Promise.all([store.completionsOf(userId, year), courses.trainingRules()]);
      const hours = Object.fromEntries(trainingCategories.map((cat) => [cat, completions.filter((x) => x.trainingCategory === cat).reduce((s, x) => s + x.hours, 0)]));
      return c.json({ year, completions: completions.map(service.completionOut), training: trainingYear(year, hours, rules) }, 200);
    })

    // ---- coordinators and programme administrators ------------------------------------

    .post('/users/:id/enrolments', validate('param', UserParam), validate('json', EnrolInput), async (c) => {
      const { id } = c.req.valid('param');
      const profile = await deps.identity.getProfile(id);
      if (!profile) throw new AppError('USER_NOT_FOUND');
      const role = (await actingRole(c, 'learning:enrol', profile.orgId)) ?? 'coordinator';
      const out = await service.enrol(id, c.req.valid('json').code, { userId: c.get('principal').userId, role }, c.get('requestId'), { approved: true });
      return c.json({ enrolment: await withPosition(out.enrolment) }, out.created ? 201 : 200);
    })

    .post('/orgs/:orgId/enrolments', validate('param', OrgParam), validate('json', BulkEnrolInput), async (c) => {
      const { orgId } = c.req.valid('param');
      const { code, userIds } = c.req.valid('json');
      const units = new Set((await orgs.tree()).subtree(orgId));
      const lang = c.get('lang');
      const role = (await actingRole(c, 'learning:enrol', orgId)) ?? 'coordinator';
      const results = [];
      for (const userId of [...new Set(userIds)]) {
        const profile = await deps.identity.getProfile(userId);
        // Someone outside the unit is reported like someone who does not exist.
        if (!profile || !units.has(profile.orgId)) {
          results.push({ userId, outcome: 'refused' as const, code: 'USER_NOT_FOUND', reason: errorMessage('USER_NOT_FOUND', lang) });
          continue;
        }
        try {
          const out = await service.enrol(userId, code, { userId: c.get('principal').userId, role }, c.get('requestId'), { approved: true });
          results.push({ userId, outcome: !out.created ? ('already-enrolled' as const) : out.enrolment.status === 'waitlisted' ? ('waitlisted' as const) : ('enrolled' as const) });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          // The course itself is wrong for everyone: say so once, as an error.
          if (err.code === 'COURSE_NOT_FOUND' || err.code === 'COURSE_RETIRED') throw err;
          results.push({ userId, outcome: 'refused' as const, code: err.code, reason: errorMessage(err.code, lang) });
        }
      }
      return c.json({ results }, 200);
    })

    .post('/users/:id/enrolments/:code/decision', validate('param', UserEnrolmentParam), validate('json', DecisionInput), async (c) => {
      const { id, code } = c.req.valid('param');
      const { decision, reason } = c.req.valid('json');
      if (decision === 'reject' && !reason) throw fieldErrors([{ field: 'reason', problem: 'REASON_REQUIRED' }], c.get('lang'));
      const e = await store.enrolment(id, code);
      if (!e) throw new AppError('ENROLMENT_NOT_FOUND');
      const role = await actingRole(c, 'learning:approve', e.orgId, e.programme);
      // An administrator of another programme does not see this request.
      if (!role) throw new AppError('ENROLMENT_NOT_FOUND');
      const next = await service.decide(id, code, decision, reason, { userId: c.get('principal').userId, role }, c.get('requestId'));
      return c.json({ enrolment: await withPosition(next) }, 200);
    })

    .get('/approvals', validate('query', ApprovalsQuery), async (c) => {
      return c.json({ pending: await reports.approvals(c.req.valid('query'), c.get('assignments')) }, 200);
    })

    .get('/reports/learning', validate('query', OrgReportQuery), async (c) => {
      const q = c.req.valid('query');
      return c.json(await reports.orgReport({ ...q, year: q.year ?? thisYear(), limit: q.limit ?? 50 }), 200);
    })

    .get('/reports/courses/:code', validate('param', EnrolmentParam), async (c) => {
      const course = await courses.current(c.req.valid('param').code);
      if (!course || !holdsForProgramme(c.get('assignments'), 'learning:course-report', course.programme)) throw new AppError('COURSE_NOT_FOUND');
      return c.json(await reports.courseReport(course), 200);
    });
}

export type LearningApi = ReturnType<typeof learningRoutes>;
