/**
 * Learning against DynamoDB Local and the S3 server: enrolment rules (eligibility,
 * prerequisites, approval, seats and the waiting list), lessons and progress, server-scored
 * quizzes, synchronous completion with training hours, idempotent submissions under
 * concurrency, content versions, and the dashboards.
 */
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../functions/catalogue/content/load';
import { courseSnapshotKey } from '../../functions/catalogue/content/items';
import { identityFixture, type IdentityFixture } from '../support/identity-fixture';

const { content } = loadContent(join(import.meta.dirname, '../../content'));
const quizOf = (code: string) => content.courses.find((c) => c.course.code === code)!.quiz;
const lessonsOf = (code: string) => content.courses.find((c) => c.course.code === code)!.course.modules.flatMap((m) => m.lessons.map((l) => l.id));
const rightAnswers = (code: string) => quizOf(code).questions.map((q) => ({ questionId: q.id, optionIds: q.correct }));
const wrongAnswers = (code: string) =>
  quizOf(code).questions.map((q) => ({ questionId: q.id, optionIds: [q.options.find((o) => !q.correct.includes(o.id))!.id] }));

let f: IdentityFixture;
let keyN = 0;
const key = () => `test-key-${Date.now()}-${++keyN}`;

beforeAll(async () => {
  f = await identityFixture('learning');
  await f.person('coord-suk', 'SUK-NS', [{ role: 'coordinator', orgId: 'SUK-NS' }]);
  await f.person('coord-ppd', 'PPD-SEREMBAN', [{ role: 'coordinator', orgId: 'PPD-SEREMBAN' }]);
  await f.person('padmin-72', 'MY-05', [{ role: 'programme-admin', orgId: 'MY-05', programme: '7.2' }]);
  await f.person('padmin-31', 'MY-05', [{ role: 'programme-admin', orgId: 'MY-05', programme: '3.1' }]);
});
afterAll(() => f?.stop());

const teacher = (id: string) => f.person(id, 'SK-CONTOH-TAMAN-RASAH', [], { kind: 'teacher', grade: 'DG10', educationLevel: 'primary', payScale: 'SSPA' });
const officer = (id: string) => f.person(id, 'SUK-NS');

async function enrol(as: string, code: string) {
  return f.request('/api/me/enrolments', { method: 'POST', as, body: { code } });
}
async function finish(as: string, code: string, lessonId: string, k = key()) {
  return f.request(`/api/me/enrolments/${code}/progress`, { method: 'POST', as, body: { lessonId, state: 'finished' }, headers: { 'Idempotency-Key': k } });
}
async function submit(as: string, code: string, answers: unknown, k = key()) {
  return f.request(`/api/me/enrolments/${code}/quiz/attempts`, { method: 'POST', as, body: { answers }, headers: { 'Idempotency-Key': k } });
}
async function auditActions(userId: string, code: string) {
  const { Items = [] } = await f.storage.clients.ddb.send(new QueryCommand({
    TableName: f.storage.config.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': `AUDIT#REC#enrolment#${userId}:${code}` },
  }));
  return Items.map((i) => i.action as string);
}

describe('enrolment', () => {
  it('self-enrols a civil servant in an open 3.1 course, once', async () => {
    await officer('cs-enrol');
    const first = await enrol('cs-enrol', 'DA-301');
    expect(first.status).toBe(201);
    expect(first.body.enrolment).toMatchObject({ code: 'DA-301', status: 'active', requiredDone: 0, requiredLessons: lessonsOf('DA-301').length });
    const again = await enrol('cs-enrol', 'DA-301');
    expect(again.status).toBe(200);
    expect(await auditActions('cs-enrol', 'DA-301')).toEqual(['enrolment.create']);
  });

  it('refuses a course outside the audience, a missing prerequisite and an unknown course, writing nothing', async () => {
    await officer('cs-refused');
    const subsidised = await enrol('cs-refused', 'PK-201');
    expect([subsidised.status, subsidised.body.error.code]).toEqual([409, 'NOT_ELIGIBLE']);
    const advanced = await enrol('cs-refused', 'AI-301');
    expect([advanced.status, advanced.body.error.code, advanced.body.error.details.missing]).toEqual([409, 'PREREQUISITES_MISSING', ['DA-301']]);
    const unknown = await enrol('cs-refused', 'ZZ-999');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'COURSE_NOT_FOUND']);
    const en = await f.request('/api/me/enrolments', { method: 'POST', as: 'cs-refused', body: { code: 'PK-201' }, lang: 'en' });
    expect(en.body.error.message).toMatch(/not open to your kind of user/);
    const mine = await f.request('/api/me/learning', { as: 'cs-refused' });
    expect(mine.body.enrolments).toEqual([]);
  });

  it('asks for a profile first', async () => {
    const res = await enrol('nobody-yet', 'DA-301');
    expect([res.status, res.body.error.code]).toEqual([409, 'PROFILE_REQUIRED']);
  });

  it('needs approval for subsidised 7.2 courses: the school coordinator approves, another programme cannot', async () => {
    await teacher('t-approve');
    const req = await enrol('t-approve', 'PK-201');
    expect([req.status, req.body.enrolment.status]).toEqual([201, 'pending-approval']);
    // lessons are closed while waiting
    const lesson = await f.request(`/api/me/enrolments/PK-201/lessons/${lessonsOf('PK-201')[0]}`, { as: 't-approve' });
    expect([lesson.status, lesson.body.error.code]).toEqual([409, 'ENROLMENT_NOT_ACTIVE']);

    const queue = await f.request('/api/approvals?org=PPD-SEREMBAN', { as: 'coord-ppd' });
    expect(queue.body.pending.map((p: { userId: string }) => p.userId)).toContain('t-approve');
    const other = await f.request('/api/users/t-approve/enrolments/PK-201/decision', { method: 'POST', as: 'padmin-31', body: { decision: 'approve' } });
    expect([other.status, other.body.error.code]).toEqual([404, 'ENROLMENT_NOT_FOUND']);
    const noReason = await f.request('/api/users/t-approve/enrolments/PK-201/decision', { method: 'POST', as: 'coord-ppd', body: { decision: 'reject' } });
    expect([noReason.status, noReason.body.error.details.issues[0].field]).toEqual([400, 'reason']);

    // an unverified teacher gets no subsidised place until a coordinator verifies them
    await teacher('t-unverified');
    await f.storage.clients.ddb.send(new UpdateCommand({ TableName: f.storage.config.tableName, Key: { pk: 'USER#t-unverified', sk: 'PROFILE' }, UpdateExpression: 'SET #s = :p', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':p': 'pending-verification' } }));
    await enrol('t-unverified', 'PK-201');
    const unverified = await f.request('/api/users/t-unverified/enrolments/PK-201/decision', { method: 'POST', as: 'coord-ppd', body: { decision: 'approve' } });
    expect([unverified.status, unverified.body.error.code]).toEqual([409, 'PROFILE_NOT_VERIFIED']);

    const ok = await f.request('/api/users/t-approve/enrolments/PK-201/decision', { method: 'POST', as: 'coord-ppd', body: { decision: 'approve' } });
    expect([ok.status, ok.body.enrolment.status]).toEqual([200, 'active']);
    const twice = await f.request('/api/users/t-approve/enrolments/PK-201/decision', { method: 'POST', as: 'padmin-72', body: { decision: 'approve' } });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'NOT_PENDING']);
    expect(await auditActions('t-approve', 'PK-201')).toEqual(expect.arrayContaining(['enrolment.create', 'enrolment.approve']));
  });

  it('never oversells seats under concurrent approvals, and a withdrawal promotes the oldest waitlisted', async () => {
    const code = 'PD-201';
    const { tableName } = f.storage.config;
    // 39 of the 40 subsidised places are gone already
    await f.storage.clients.ddb.send(new PutCommand({ TableName: tableName, Item: { pk: `COURSE#${code}`, sk: 'SEATS', taken: 39 } }));
    const ids = Array.from({ length: 8 }, (_, i) => `t-seat-${i}`);
    for (const id of ids) {
      await teacher(id);
      expect((await enrol(id, code)).body.enrolment.status).toBe('pending-approval');
    }
    const decisions = await Promise.all(ids.map((id) =>
      f.request(`/api/users/${id}/enrolments/${code}/decision`, { method: 'POST', as: 'padmin-72', body: { decision: 'approve' } })));
    expect(decisions.map((d) => d.status)).toEqual(ids.map(() => 200));
    const statuses = decisions.map((d) => d.body.enrolment.status);
    expect(statuses.filter((s) => s === 'active')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(7);
    const seats = await f.storage.clients.ddb.send(new GetCommand({ TableName: tableName, Key: { pk: `COURSE#${code}`, sk: 'SEATS' } }));
    expect(seats.Item?.taken).toBe(40);

    const seated = ids[statuses.indexOf('active')]!;
    const waiting = await Promise.all(ids.filter((id) => id !== seated).map(async (id) => ({ id, e: (await f.request(`/api/me/enrolments/${code}`, { as: id })).body.enrolment })));
    const first = waiting.find((w) => w.e.waitlistPosition === 1)!;
    expect(waiting.map((w) => w.e.waitlistPosition).sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);

    const left = await f.request(`/api/me/enrolments/${code}`, { method: 'DELETE', as: seated });
    expect(left.body.enrolment.status).toBe('withdrawn');
    const promoted = await f.request(`/api/me/enrolments/${code}`, { as: first.id });
    expect(promoted.body.enrolment.status).toBe('active');
    const after = await f.storage.clients.ddb.send(new GetCommand({ TableName: tableName, Key: { pk: `COURSE#${code}`, sk: 'SEATS' } }));
    expect(after.Item?.taken).toBe(40);
  });

  it('lets a coordinator enrol their people in bulk, reporting each, and nobody outside their unit', async () => {
    await officer('bulk-1');
    await officer('bulk-2');
    await teacher('bulk-foreign');
    const res = await f.request('/api/orgs/SUK-NS/enrolments', {
      method: 'POST', as: 'coord-suk', body: { code: 'CS-301', userIds: ['bulk-1', 'bulk-2', 'bulk-foreign', 'bulk-1'] },
    });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { userId: 'bulk-1', outcome: 'enrolled' },
      { userId: 'bulk-2', outcome: 'enrolled' },
      expect.objectContaining({ userId: 'bulk-foreign', outcome: 'refused', code: 'USER_NOT_FOUND' }),
    ]);
    const again = await f.request('/api/orgs/SUK-NS/enrolments', { method: 'POST', as: 'coord-suk', body: { code: 'CS-301', userIds: ['bulk-1'] } });
    expect(again.body.results).toEqual([{ userId: 'bulk-1', outcome: 'already-enrolled' }]);
  });
});

describe('lessons, quiz and completion', () => {
  it('takes a civil servant from enrolment to completion, synchronously, with the hours counted', async () => {
    await officer('cs-full');
    await enrol('cs-full', 'DA-301');
    const lessons = lessonsOf('DA-301');

    const lesson = await f.request(`/api/me/enrolments/DA-301/lessons/${lessons[0]}?lang=en`, { as: 'cs-full' });
    expect(lesson.status).toBe(200);
    expect(lesson.body.lesson).toMatchObject({ id: lessons[0], lang: 'en', next: lessons[1], done: false });
    expect(lesson.body.lesson.html).toMatch(/<h2>/);
    expect(lesson.body.lesson).not.toHaveProperty('previous');
    const missing = await f.request('/api/me/enrolments/DA-301/lessons/no-such-lesson', { as: 'cs-full' });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'LESSON_NOT_FOUND']);
    const noKey = await f.request('/api/me/enrolments/DA-301/progress', { method: 'POST', as: 'cs-full', body: { lessonId: lessons[0], state: 'finished' } });
    expect([noKey.status, noKey.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);

    // the quiz comes without its answers
    const quiz = await f.request('/api/me/enrolments/DA-301/quiz', { as: 'cs-full' });
    expect(JSON.stringify(quiz.body)).not.toContain('"correct"');
    expect(quiz.body.quiz.questions).toHaveLength(quizOf('DA-301').questions.length);

    // a failed attempt shows what was wrong; answers to questions not in the quiz are refused
    const failed = await submit('cs-full', 'DA-301', wrongAnswers('DA-301'));
    expect(failed.status).toBe(201);
    expect(failed.body.attempt).toMatchObject({ n: 1, score: 0, passed: false });
    expect(failed.body.attempt.results[0]).toMatchObject({ correct: false, correctOptionIds: quizOf('DA-301').questions[0]!.correct });
    const bogus = await submit('cs-full', 'DA-301', [...rightAnswers('DA-301').slice(1), { questionId: 'not-a-question', optionIds: ['a'] }]);
    expect([bogus.status, bogus.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(bogus.body.error.details.issues.map((i: { field: string }) => i.field)).toContain(`answers.${rightAnswers('DA-301').length - 1}.questionId`);

    // passing before the lessons are done does not complete yet
    const passed = await submit('cs-full', 'DA-301', rightAnswers('DA-301'));
    expect(passed.body.attempt).toMatchObject({ n: 2, score: 100, passed: true });
    expect(passed.body.completion).toBeUndefined();
    expect((await submit('cs-full', 'DA-301', rightAnswers('DA-301'))).body.error.code).toBe('QUIZ_ALREADY_PASSED');

    let last;
    for (const id of lessons) last = await finish('cs-full', 'DA-301', id);
    // the request that finished the last requirement returns the completion
    expect(last!.body.completion).toMatchObject({ code: 'DA-301', hours: 12, trainingCategory: 'self-learning' });
    expect(last!.body.enrolment.status).toBe('completed');
    // its certificate was issued in the same transaction, and anyone can verify it
    const number = last!.body.completion.certificateNumber;
    expect(number).toMatch(/^NS-\d{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(last!.body.enrolment.certificateNumber).toBe(number);
    const verified = await f.request(`/api/certificates/verify/${number}`);
    expect([verified.status, verified.body.certificate?.status ?? verified.body.status]).toEqual([200, 'valid']);

    const mine = await f.request('/api/me/learning', { as: 'cs-full' });
    expect(mine.body.training).toMatchObject({ hours: 12, days: 2, targetDays: 7, metTarget: false });
    expect(mine.body.completions.map((c: { code: string }) => c.code)).toEqual(['DA-301']);
    // and the coordinator sees it at once
    const report = await f.request('/api/reports/learning?org=SUK-NS&status=completed', { as: 'coord-suk' });
    expect(report.body.people.find((p: { userId: string }) => p.userId === 'cs-full')).toMatchObject({ completed: 1, hours: 12, days: 2, belowTarget: true });
    // a completed course can be reviewed, not retaken
    expect((await f.request(`/api/me/enrolments/DA-301/lessons/${lessons[0]}`, { as: 'cs-full' })).status).toBe(200);
    expect((await submit('cs-full', 'DA-301', rightAnswers('DA-301'))).body.error.code).toBe('ALREADY_COMPLETED');
    expect((await f.request('/api/me/enrolments/DA-301', { method: 'DELETE', as: 'cs-full' })).body.error.code).toBe('ALREADY_COMPLETED');
    // the prerequisite of AI-301 is now met
    expect((await enrol('cs-full', 'AI-301')).body.enrolment.status).toBe('active');
    expect(await auditActions('cs-full', 'DA-301')).toEqual(expect.arrayContaining(['course.complete', 'quiz.attempt', 'lesson.finish']));
  });

  it('stops at the attempt limit', async () => {
    await officer('cs-limit');
    await enrol('cs-limit', 'CL-301');
    const max = quizOf('CL-301').maxAttempts;
    for (let i = 0; i < max; i++) expect((await submit('cs-limit', 'CL-301', wrongAnswers('CL-301'))).status).toBe(201);
    const over = await submit('cs-limit', 'CL-301', rightAnswers('CL-301'));
    expect([over.status, over.body.error.code]).toEqual([409, 'QUIZ_ATTEMPTS_EXHAUSTED']);
  });

  it('counts 200 concurrent duplicate quiz submissions once', async () => {
    await officer('cs-dup');
    await enrol('cs-dup', 'IOT-301');
    const k = key();
    const answers = wrongAnswers('IOT-301');
    const all = await Promise.all(Array.from({ length: 200 }, () => submit('cs-dup', 'IOT-301', answers, k)));
    // Beyond the per-user rate limit a duplicate is told to slow down (and changes nothing);
    // every other answer is the first one, replayed.
    const answered = all.filter((r) => r.status === 201);
    expect(all.filter((r) => r.status !== 201).every((r) => r.status === 429 && r.body.error.code === 'RATE_LIMITED')).toBe(true);
    expect(answered.length).toBeGreaterThanOrEqual(20);
    for (const r of answered) expect(r.body).toEqual(answered[0]!.body);
    expect(answered.filter((r) => r.headers.get('idempotent-replayed') !== 'true')).toHaveLength(1);
    const { Items = [] } = await f.storage.clients.ddb.send(new QueryCommand({
      TableName: f.storage.config.tableName, KeyConditionExpression: 'pk = :p AND begins_with(sk, :a)',
      ExpressionAttributeValues: { ':p': 'USER#cs-dup', ':a': 'ATTEMPT#IOT-301#' },
    }));
    expect(Items).toHaveLength(1);
    expect((await f.request('/api/me/enrolments/IOT-301', { as: 'cs-dup' })).body.enrolment.quiz.attempts).toBe(1);
    expect((await auditActions('cs-dup', 'IOT-301')).filter((a) => a === 'quiz.attempt')).toHaveLength(1);
  }, 60_000);

  it('replays a retried submission whose answer was lost, and refuses the key for another one', async () => {
    await officer('cs-retry');
    await enrol('cs-retry', 'IOT-301');
    const k = key();
    const first = await finish('cs-retry', 'IOT-301', lessonsOf('IOT-301')[0]!, k);
    // the network dropped the answer; the device sends the same request again
    const retry = await finish('cs-retry', 'IOT-301', lessonsOf('IOT-301')[0]!, k);
    expect([retry.status, retry.headers.get('idempotent-replayed')]).toEqual([200, 'true']);
    expect(retry.body).toEqual(first.body);
    const reused = await finish('cs-retry', 'IOT-301', lessonsOf('IOT-301')[1]!, k);
    expect([reused.status, reused.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect((await auditActions('cs-retry', 'IOT-301')).filter((a) => a === 'lesson.finish')).toHaveLength(1);
  });

  it('completes exactly once when two devices finish the last lesson together', async () => {
    await officer('cs-race');
    await enrol('cs-race', 'BC-301');
    const lessons = lessonsOf('BC-301');
    await submit('cs-race', 'BC-301', rightAnswers('BC-301'));
    for (const id of lessons.slice(0, -1)) await finish('cs-race', 'BC-301', id);
    const both = await Promise.all(Array.from({ length: 20 }, () => finish('cs-race', 'BC-301', lessons.at(-1)!)));
    expect(both.every((r) => r.status === 200)).toBe(true);
    expect(both.filter((r) => r.body.completion)).toHaveLength(1);
    const { Items = [] } = await f.storage.clients.ddb.send(new QueryCommand({
      TableName: f.storage.config.tableName, KeyConditionExpression: 'pk = :p AND begins_with(sk, :c)',
      ExpressionAttributeValues: { ':p': 'USER#cs-race', ':c': 'COMPLETION#' },
    }));
    expect(Items).toHaveLength(1);
    // one certificate, naming the one completion
    const certs = await f.request('/api/certificates/mine', { as: 'cs-race' });
    expect(certs.body.certificates.map((c: { course: { code: string } }) => c.course.code)).toEqual(['BC-301']);
    const learner = await f.storage.clients.ddb.send(new GetCommand({ TableName: f.storage.config.tableName, Key: { pk: 'USER#cs-race', sk: 'LEARNER' } }));
    expect(learner.Item).toMatchObject({ nCompleted: 1, nActive: 0 });
  }, 60_000);
});

describe('programme paths', () => {
  it('enrols a path\'s courses now where allowed, and the rest as their prerequisites are completed', async () => {
    await officer('cs-path');
    const res = await f.request('/api/me/paths', { method: 'POST', as: 'cs-path', body: { programme: '3.1' } });
    expect(res.status).toBe(200);
    const outcome = Object.fromEntries(res.body.path.courses.map((c: { code: string; outcome: string }) => [c.code, c.outcome]));
    expect(outcome).toMatchObject({ 'DA-301': 'enrolled', 'CS-301': 'enrolled', 'AI-301': 'after-prerequisites' });
    const mine = await f.request('/api/me/learning', { as: 'cs-path' });
    expect(mine.body.paths).toEqual([{ programme: '3.1', codes: expect.arrayContaining(['AI-301', 'DA-301']) }]);
    expect(mine.body.enrolments.map((e: { code: string }) => e.code)).not.toContain('AI-301');

    // completing DA-301 unlocks AI-301, which the path enrols at once
    await submit('cs-path', 'DA-301', rightAnswers('DA-301'));
    for (const id of lessonsOf('DA-301')) await finish('cs-path', 'DA-301', id);
    const after = await f.request('/api/me/enrolments/AI-301', { as: 'cs-path' });
    expect(after.body.enrolment.status).toBe('active');
    // a teacher following 3.1 is told which courses are not for them
    await teacher('t-path');
    const theirs = await f.request('/api/me/paths', { method: 'POST', as: 't-path', body: { programme: '3.1' } });
    expect(theirs.body.path.courses.every((c: { outcome: string }) => c.outcome === 'not-eligible')).toBe(true);
  });
});

describe('refresher courses', () => {
  it('renews the certificate of the course they refresh, linking the new one to the old', async () => {
    await officer('cs-renew');
    await enrol('cs-renew', 'CS-301');
    await submit('cs-renew', 'CS-301', rightAnswers('CS-301'));
    let done;
    for (const id of lessonsOf('CS-301')) done = await finish('cs-renew', 'CS-301', id);
    const first = done!.body.completion.certificateNumber;
    await enrol('cs-renew', 'CS-311');
    await submit('cs-renew', 'CS-311', rightAnswers('CS-311'));
    for (const id of lessonsOf('CS-311')) done = await finish('cs-renew', 'CS-311', id);
    const renewal = done!.body.completion.certificateNumber;
    expect(renewal).not.toBe(first);
    const verified = await f.request(`/api/certificates/verify/${renewal}`);
    expect(JSON.stringify(verified.body)).toContain(first);
    const old = await f.request(`/api/certificates/verify/${first}`);
    expect(JSON.stringify(old.body)).toContain(renewal);
  });
});

describe('content versions', () => {
  it('keeps an enrolled learner on the version they started, and moves them forward when the course says so', async () => {
    await officer('cs-version');
    await enrol('cs-version', 'CS-301');
    const { tableName, contentBucket } = f.storage.config;
    const { ddb, s3 } = f.storage.clients;
    const meta = (await ddb.send(new GetCommand({ TableName: tableName, Key: { pk: 'COURSE#CS-301', sk: 'META' } }))).Item!;
    const oldVersion = meta.version as string;
    const first = lessonsOf('CS-301')[0]!;
    await finish('cs-version', 'CS-301', first);

    // A new version drops the first lesson (as a content sync would publish it).
    const snap = JSON.parse(await (await s3.send(new GetObjectCommand({ Bucket: contentBucket, Key: courseSnapshotKey('CS-301', oldVersion) }))).Body!.transformToString());
    snap.course.modules[0].lessons = snap.course.modules[0].lessons.slice(1);
    delete snap.html[first];
    const newVersion = 'v2test000000';
    await s3.send(new PutObjectCommand({ Bucket: contentBucket, Key: courseSnapshotKey('CS-301', newVersion), Body: JSON.stringify(snap) }));
    await ddb.send(new UpdateCommand({ TableName: tableName, Key: { pk: 'COURSE#CS-301', sk: 'META' }, UpdateExpression: 'SET version = :v', ExpressionAttributeValues: { ':v': newVersion } }));

    const kept = await f.request('/api/me/enrolments/CS-301', { as: 'cs-version' });
    expect(kept.body.enrolment.version).toBe(oldVersion);
    expect(kept.body.course.newerVersion).toBe(true);
    expect((await f.request(`/api/me/enrolments/CS-301/lessons/${first}`, { as: 'cs-version' })).status).toBe(200);

    await ddb.send(new UpdateCommand({ TableName: tableName, Key: { pk: 'COURSE#CS-301', sk: 'META' }, UpdateExpression: 'SET onNewVersion = :m', ExpressionAttributeValues: { ':m': 'move-forward' } }));
    const moved = await f.request('/api/me/enrolments/CS-301', { as: 'cs-version' });
    expect(moved.body.enrolment).toMatchObject({ version: newVersion, lessonsDone: [] });
    expect(moved.body.course.newerVersion).toBe(false);
    expect((await f.request(`/api/me/enrolments/CS-301/lessons/${first}`, { as: 'cs-version' })).body.error.code).toBe('LESSON_NOT_FOUND');
    expect(await auditActions('cs-version', 'CS-301')).toContain('enrolment.move-version');
    // put the catalogue back for the other tests
    await ddb.send(new UpdateCommand({ TableName: tableName, Key: { pk: 'COURSE#CS-301', sk: 'META' }, UpdateExpression: 'SET version = :v, onNewVersion = :k', ExpressionAttributeValues: { ':v': oldVersion, ':k': 'keep' } }));
  });
});

describe('dashboards', () => {
  it('shows a programme administrator the figures of their own programme only', async () => {
    const report = await f.request('/api/reports/courses/DA-301', { as: 'padmin-31' });
    expect(report.status).toBe(200);
    expect(report.body.counts.enrolled).toBeGreaterThan(0);
    expect(report.body.lessons.map((l: { id: string }) => l.id)).toEqual(lessonsOf('DA-301'));
    expect(report.body.averageQuizScore).not.toBeNull();
    const other = await f.request('/api/reports/courses/DA-301', { as: 'padmin-72' });
    expect([other.status, other.body.error.code]).toEqual([404, 'COURSE_NOT_FOUND']);
  });

  it('lists who is below the training-day target, by unit', async () => {
    const below = await f.request('/api/reports/learning?org=SUK-NS&status=below-target&limit=5', { as: 'coord-suk' });
    expect(below.status).toBe(200);
    expect(below.body.people.length).toBeLessThanOrEqual(5);
    expect(below.body.people.every((p: { belowTarget: boolean }) => p.belowTarget)).toBe(true);
    expect(below.body.totals.people).toBeGreaterThan(5);
    expect(below.body.nextCursor).not.toBeNull();
    const next = await f.request(`/api/reports/learning?org=SUK-NS&status=below-target&limit=5&cursor=${below.body.nextCursor}`, { as: 'coord-suk' });
    expect(next.body.people[0].userId).not.toBe(below.body.people[0].userId);
    const bad = await f.request('/api/reports/learning?org=SUK-NS&cursor=nonsense', { as: 'coord-suk' });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'INVALID_CURSOR']);
    const byCourse = await f.request('/api/reports/learning?org=SUK-NS&course=DA-301', { as: 'coord-suk' });
    expect(byCourse.body.people.every((p: { course?: unknown }) => p.course)).toBe(true);
  });
});
