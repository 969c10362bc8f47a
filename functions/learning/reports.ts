/**
 * Dashboards from Queries only (no Scan): a unit's people (gsi2 ORGUSERS), their learning
 * summaries (gsi3 ORGLEARNERS) and, for one course, their enrolments (gsi1 ORGENROL), one
 * Query stream per unit of the caller's subtree; a course's enrolments (gsi2 COURSEENROL).
 * The numbers are computed from the records on every request, so a completion shows at once.
 */
import { isAllowed, type Assignment } from '../core/access';
import { inParallel } from '../core/concurrency';
import { AppError } from '../core/errors';
import type { OrgDirectory } from '../identity/orgs';
import type { EnrolmentStatus, reportStatuses } from './api';
import type { CourseEntry, CourseVersions } from './courses';
import type { EnrolmentRecord } from './enrolment';
import type { LearnerRecord, LearningStore } from './store';
import { trainingCategories, trainingYear, type TrainingRules } from './training';

/** People expected to meet the yearly training-day target. */
const targetKinds = new Set(['civil-servant', 'teacher']);

const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');
function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const m = /^o:(\d{1,7})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new AppError('INVALID_CURSOR');
  return Number(m[1]);
}

export function learningReports(store: LearningStore, orgs: OrgDirectory, courses: CourseVersions) {
  return {
    async orgReport(q: { org: string; year: number; course?: string; status: (typeof reportStatuses)[number]; limit: number; cursor?: string }) {
      const offset = decodeCursor(q.cursor);
      const rules: TrainingRules = await courses.trainingRules();
      const units = (await orgs.tree()).subtree(q.org);
      const perUnit = await inParallel(units, 8, async (unit) => {
        const [people, learners, enrolments] = await Promise.all([
          store.peopleOfOrg(unit),
          store.learnersOfOrg(unit),
          q.course ? store.enrolmentsOfOrg(unit, q.course) : Promise.resolve([] as EnrolmentRecord[]),
        ]);
        return { people, learners, enrolments };
      });
      const learners = new Map<string, LearnerRecord>(perUnit.flatMap((u) => u.learners.map((l) => [l.userId, l] as const)));
      const inCourse = new Map<string, EnrolmentRecord>(perUnit.flatMap((u) => u.enrolments.map((e) => [e.userId, e] as const)));

      let rows = perUnit.flatMap((u) => u.people).map((p) => {
        const l = learners.get(p.userId);
        const hours = Object.fromEntries(trainingCategories.map((c) => [c, Number(l?.[`h:${q.year}:${c}`] ?? 0)]));
        const year = trainingYear(q.year, hours, rules);
        const e = inCourse.get(p.userId);
        const done = e ? new Set(e.lessonsDone) : undefined;
        return {
          userId: p.userId, name: p.name, orgId: p.orgId, kind: p.kind,
          inProgress: Number(l?.nActive ?? 0), completed: Number(l?.nCompleted ?? 0), pendingApproval: Number(l?.nPending ?? 0),
          waitlisted: Number(l?.nWaitlisted ?? 0),
          hours: year.hours, days: year.days,
          belowTarget: targetKinds.has(p.kind) && !year.metTarget,
          ...(e ? { course: { status: e.status, requiredDone: e.required.filter((id) => done!.has(id)).length, requiredLessons: e.required.length, bestScore: e.bestScore } } : {}),
        };
      });
      if (q.course) rows = rows.filter((r) => r.course);

      const totals = {
        people: rows.length,
        enrolled: rows.filter((r) => (r.course ? true : r.inProgress + r.completed + r.pendingApproval + r.waitlisted > 0)).length,
        inProgress: rows.filter((r) => (r.course ? r.course.status === 'active' : r.inProgress > 0)).length,
        completed: rows.filter((r) => (r.course ? r.course.status === 'completed' : r.completed > 0)).length,
        pendingApproval: rows.filter((r) => (r.course ? r.course.status === 'pending-approval' : r.pendingApproval > 0)).length,
        belowTarget: rows.filter((r) => r.belowTarget).length,
        hours: Math.round(rows.reduce((s, r) => s + r.hours, 0) * 100) / 100,
      };

      const keep: Record<typeof q.status, (r: (typeof rows)[number]) => boolean> = {
        'all': () => true,
        'below-target': (r) => r.belowTarget,
        'not-started': (r) => (r.course ? r.course.status === 'active' && r.course.requiredDone === 0 : r.inProgress + r.completed + r.pendingApproval + r.waitlisted === 0),
        'in-progress': (r) => (r.course ? r.course.status === 'active' : r.inProgress > 0),
        'completed': (r) => (r.course ? r.course.status === 'completed' : r.completed > 0),
        'pending-approval': (r) => (r.course ? r.course.status === 'pending-approval' : r.pendingApproval > 0),
      };
      rows = rows.filter(keep[q.status]).sort((a, b) => a.name.localeCompare(b.name, 'ms') || a.userId.localeCompare(b.userId));
      const page = rows.slice(offset, offset + q.limit).map(({ waitlisted: _w, ...r }) => r);
      return {
        org: q.org, year: q.year, targetDays: rules.targetDays, totals, people: page,
        nextCursor: offset + q.limit < rows.length ? encodeCursor(offset + q.limit) : null,
      };
    },

    async courseReport(course: CourseEntry) {
      const [enrolments, seatsTaken, version] = await Promise.all([
        store.enrolmentsOfCourse(course.code), store.seatsTaken(course.code), courses.version(course.code, course.version),
      ]);
      const count = (s: EnrolmentStatus) => enrolments.filter((e) => e.status === s).length;
      const counts = {
        enrolled: enrolments.length, active: count('active'), completed: count('completed'), pendingApproval: count('pending-approval'),
        waitlisted: count('waitlisted'), withdrawn: count('withdrawn'), rejected: count('rejected'),
      };
      const scored = enrolments.filter((e) => e.attempts > 0 && e.bestScore !== null);
      const order = version.lessonOrder;
      const position = new Map(order.map((id, i) => [id, i]));
      const stopped = new Map<string, number>();
      for (const e of enrolments) {
        if (e.status !== 'active' && e.status !== 'withdrawn') continue;
        const furthest = e.lessonsDone.reduce((max, id) => Math.max(max, position.get(id) ?? -1), -1);
        if (furthest >= 0) stopped.set(order[furthest]!, (stopped.get(order[furthest]!) ?? 0) + 1);
      }
      const titles = new Map(version.snapshot.course.modules.flatMap((m) => m.lessons.map((l) => [l.id, l.title] as const)));
      const started = counts.active + counts.completed;
      return {
        code: course.code, title: course.title, programme: course.programme,
        capacity: course.capacity ?? null, seatsTaken,
        counts,
        completionRate: started ? Math.round((counts.completed / started) * 1000) / 1000 : 0,
        averageQuizScore: scored.length ? Math.round((scored.reduce((s, e) => s + e.bestScore!, 0) / scored.length) * 10) / 10 : null,
        lessons: order.map((id) => ({
          id, title: titles.get(id)!,
          finished: enrolments.filter((e) => e.lessonsDone.includes(id)).length,
          stoppedHere: stopped.get(id) ?? 0,
        })),
      };
    },

    /** Requests awaiting a decision that the caller may take, oldest first. */
    async approvals(q: { org: string; course?: string }, assignments: Assignment[]) {
      const tree = await orgs.tree();
      const units = new Set(tree.subtree(q.org));
      const pending = q.course
        ? (await store.enrolmentsOfCourse(q.course, 'pending-approval')).filter((e) => units.has(e.orgId))
        : (await inParallel([...units], 8, (u) => store.enrolmentsOfOrg(u))).flat().filter((e) => e.status === 'pending-approval');
      return pending
        .filter((e) => isAllowed(assignments, 'learning:approve', e.orgId, tree.get(e.orgId)?.ancestors ?? [], e.programme))
        .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt))
        .map((e) => ({ userId: e.userId, name: e.name, orgId: e.orgId, code: e.code, title: e.title, programme: e.programme, requestedAt: e.requestedAt }));
    },
  };
}

export type LearningReports = ReturnType<typeof learningReports>;
