/**
 * Local only: gives the demo a lived-in look. The demo learner has finished one course and is
 * half-way through another; the demo teacher waits for approval of a subsidised course; a few
 * sample officers of the State Secretary's Office (fictitious: invented names, MyKad numbers
 * with a valid format only) are at different points, so the coordinator's dashboard has people
 * below and above target.
 *
 * Everything goes through the learning service, the same path as a learner's own clicks, so each
 * step is validated and audited. Idempotent: people who already have enrolments are left alone.
 */
import type { IdentityStore } from '../identity/store';
import type { ProfileRecord } from '../identity/profile';
import type { learningDeps } from '../learning/app';

type Deps = ReturnType<typeof learningDeps>;
const REQUEST = 'demo-seed';
let keyN = 0;
const key = () => `demoseed${Date.now()}${++keyN}`;

/** Sample officers of SUK-NS: fictitious. */
const sampleOfficers: { userId: string; name: string; ic: string; complete: string[]; progress?: { code: string; lessons: number } }[] = [
  { userId: 'sample-officer-1', name: 'Ahmad Faizal bin Razak', ic: '810223055133', complete: ['DA-301', 'CS-301', 'CL-301'] },
  { userId: 'sample-officer-2', name: 'Lim Mei Ling', ic: '900718055246', complete: ['CS-301'], progress: { code: 'DA-301', lessons: 3 } },
  { userId: 'sample-officer-3', name: 'Muthu a/l Krishnan', ic: '770505595157', complete: [], progress: { code: 'IOT-301', lessons: 1 } },
  { userId: 'sample-officer-4', name: 'Farah Nadia binti Ismail', ic: '920930315062', complete: ['DA-301', 'AI-301', 'CS-301', 'IOT-301'] },
  { userId: 'sample-officer-5', name: 'Wong Kah Wai', ic: '860114055171', complete: [] },
];

async function finishCourse(deps: Deps, userId: string, code: string, lessons = Infinity) {
  const { service, courses } = deps;
  const enrolment = (await service.enrol(userId, code, { userId, role: 'self' }, REQUEST, { approved: false })).enrolment;
  if (enrolment.status !== 'active') return;
  const { snapshot, lessonOrder } = await courses.version(code, enrolment.version);
  for (const lessonId of lessonOrder.slice(0, lessons)) {
    await service.progress(userId, code, { lessonId, state: 'finished' }, key(), REQUEST);
  }
  if (lessons === Infinity) {
    const answers = snapshot.quiz.questions.map((q) => ({ questionId: q.id, optionIds: q.correct }));
    await service.submitQuiz(userId, code, answers, key(), 'ms', REQUEST);
  }
}

export async function seedDemoLearning(deps: Deps, identity: IdentityStore) {
  const started = async (userId: string) => (await deps.store.enrolmentsOf(userId)).length > 0;
  const system = { userId: 'system:demo-seed', role: 'system' as const };

  for (const o of sampleOfficers) {
    if (!(await identity.getProfile(o.userId))) {
      const now = new Date().toISOString();
      const profile: ProfileRecord = {
        userId: o.userId, kind: 'civil-servant', name: o.name, ic: o.ic, orgId: 'SUK-NS', email: `${o.userId}@suk.latih.test`,
        payScale: 'SSPA', grade: '10', status: 'verified', createdAt: now, updatedAt: now, version: 1,
      };
      await identity.saveProfile(profile, undefined, system, { action: 'profile.create', orgId: 'SUK-NS', summary: { after: { seeded: 'demo' } }, requestId: REQUEST });
    }
    if (await started(o.userId)) continue;
    for (const code of o.complete) await finishCourse(deps, o.userId, code);
    if (o.progress) await finishCourse(deps, o.userId, o.progress.code, o.progress.lessons);
  }

  if (!(await started('demo-learner'))) {
    await finishCourse(deps, 'demo-learner', 'CS-301');
    await finishCourse(deps, 'demo-learner', 'IOT-301', 2);
  }
  if (!(await started('demo-teacher'))) {
    await deps.service.enrol('demo-teacher', 'PK-201', { userId: 'demo-teacher', role: 'self' }, REQUEST, { approved: false });
  }
  if (!(await started('demo-participant'))) await finishCourse(deps, 'demo-participant', 'ED-101', 1);
}
