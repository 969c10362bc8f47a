/**
 * Every route x every role x own/foreign organisation, with the exact outcome, generated from
 * the operations' access declarations: a new route is covered the moment it is declared.
 *
 * Each role is held at SUK-NS (the State Secretary's office). The "own" target is a person of
 * SUK-NS; the "foreign" target a teacher of a sample school under PPD Seremban.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '../../functions/core/access';
import type { Operation } from '../../functions/core/openapi';
import { operations } from '../../functions/docs/routes';
import { identityFixture, nextIc, type IdentityFixture } from '../support/identity-fixture';

const OWN_ORG = 'SUK-NS';
const FOREIGN_ORG = 'SK-CONTOH-TAMAN-RASAH';
type Actor = Role | 'no-role' | 'anonymous';
const actors: Actor[] = [...roles, 'no-role', 'anonymous'];

let f: IdentityFixture;
let n = 0;

beforeAll(async () => {
  f = await identityFixture('matrix');
  for (const role of roles) {
    await f.person(`actor-${role}`, OWN_ORG, [{ role, orgId: OWN_ORG, ...(role === 'programme-admin' ? { programme: '3.1' as const } : {}) }]);
  }
  await f.person('actor-no-role', OWN_ORG);
});
afterAll(() => f?.stop());

/** A fresh target per case, so one case's writes cannot change another's outcome. */
async function target(where: 'own' | 'foreign') {
  const id = `target-${where}-${++n}`;
  await f.person(id, where === 'own' ? OWN_ORG : FOREIGN_ORG, [], {
    status: 'pending-verification',
    ...(where === 'foreign' ? { kind: 'teacher', grade: 'DG10', educationLevel: 'primary' } : {}),
  });
  return { id, orgId: where === 'own' ? OWN_ORG : FOREIGN_ORG };
}

function requestFor(op: Operation, t: { id: string; orgId: string }) {
  const path = op.path.replace(':id', t.id).replace(':role', 'learner').replace(':orgId', t.orgId)
    .replace(':code', 'DA-301').replace(':lessonId', 'asking-the-right-question');
  const a = op.access;
  const query =
    op.operationId === 'browseAudit' ? '?day=2026-12-04'
    : a.kind === 'scoped' && a.target.in === 'query' ? `?${a.target.name}=${a.target.is === 'org' ? t.orgId : t.id}` : '';
  const body =
    op.operationId === 'saveMyProfile' ? { kind: 'participant', name: 'Peserta Ujian', ic: nextIc(), orgId: 'D-0505' }
    : op.operationId === 'grantRole' ? { role: 'learner', orgId: t.orgId }
    : op.operationId === 'importUsers' ? `nama,mykad\nPeserta Import,${nextIc()}\n`
    : op.operationId === 'enrolMe' || op.operationId === 'enrolUser' ? { code: 'DA-301' }
    : op.operationId === 'enrolMyPath' ? { programme: '7.1' }
    : op.operationId === 'enrolOrgPeople' ? { code: 'DA-301', userIds: [t.id] }
    : op.operationId === 'decideEnrolment' ? { decision: 'approve' }
    : op.operationId === 'recordProgress' ? { lessonId: 'asking-the-right-question', state: 'opened' }
    : op.operationId === 'submitQuiz' ? { answers: [{ questionId: 'q1', optionIds: ['a'] }] }
    : undefined;
  return { path: path + query, method: op.method.toUpperCase(), body };
}

type Outcome = 'allowed' | 'unauthenticated' | 'forbidden' | 'hidden';

function expected(op: Operation, actor: Actor, where: 'own' | 'foreign'): Outcome {
  const a = op.access;
  if (a.kind === 'public') return 'allowed';
  if (actor === 'anonymous') return 'unauthenticated';
  if (a.kind === 'signed-in') return 'allowed';
  const grants = (actor !== 'no-role' && (
    { 'users:search': ['coordinator', 'programme-admin', 'platform-admin'], 'users:read': ['coordinator', 'programme-admin', 'auditor', 'platform-admin'],
      'users:read-ic': ['coordinator', 'platform-admin'], 'users:verify': ['coordinator', 'platform-admin'], 'users:import': ['coordinator', 'platform-admin'],
      'users:export': ['coordinator', 'platform-admin'],
      'roles:assign': ['coordinator', 'platform-admin'], 'audit:read': ['auditor', 'platform-admin'],
      'certificates:revoke': ['programme-admin', 'platform-admin'], 'certificates:reissue': ['coordinator', 'programme-admin', 'platform-admin'],
      'certificates:download': ['coordinator', 'facilitator', 'programme-admin', 'platform-admin'],
      'learning:enrol': ['coordinator', 'platform-admin'], 'learning:approve': ['coordinator', 'programme-admin', 'platform-admin'],
      'learning:report': ['coordinator', 'programme-admin', 'auditor', 'platform-admin'],
      'learning:course-report': ['programme-admin', 'auditor', 'platform-admin'] } as Record<string, string[]>
  )[a.permission]!.includes(actor)) as boolean;
  if (!grants) return 'forbidden';
  if (a.kind === 'anywhere') return 'allowed';
  return where === 'own' ? 'allowed' : 'hidden';
}

const cases = operations.flatMap((op) =>
  actors.flatMap((actor) => (['own', 'foreign'] as const).map((where) => [`${op.method.toUpperCase()} ${op.path}`, actor, where, op] as const)),
);

describe('authorization matrix', () => {
  it.each(cases)('%s as %s on a %s record', async (_name, actor, where, op) => {
    const t = await target(where);
    const req = requestFor(op, t);
    const res = await f.request(req.path, {
      method: req.method, body: req.body, headers: { 'Idempotency-Key': `matrix-${++n}-key` },
      ...(actor === 'anonymous' ? {} : { as: `actor-${actor}` }),
    });
    const code = res.body?.error?.code;
    const outcome = expected(op, actor, where);
    switch (outcome) {
      case 'unauthenticated':
        expect([res.status, code]).toEqual([401, 'UNAUTHENTICATED']);
        break;
      case 'forbidden':
        expect([res.status, code]).toEqual([403, 'FORBIDDEN']);
        break;
      case 'hidden':
        expect([res.status, code]).toEqual([404, (op.access as { notFound: string }).notFound]);
        break;
      case 'allowed':
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
        expect(['UNAUTHENTICATED', 'FORBIDDEN', 'USER_NOT_FOUND']).not.toContain(code);
        break;
    }
  });

  it('covers every declared operation', () => {
    expect(new Set(cases.map((c) => c[0])).size).toBe(operations.length);
  });
});
