/** The learning context's operations: contract, documentation and access in one place. */
import type { Operation } from '../core/openapi';
import {
  ApprovalsQuery, ApprovalsResponse, AttemptResponse, BulkEnrolInput, BulkEnrolResponse, CompletionsResponse, CourseReportResponse, DecisionInput,
  EnrolInput, EnrolmentDetailResponse, EnrolmentParam, EnrolmentResponse, LessonParam, LessonQuery, LessonResponse, MyLearningResponse, OrgParam,
  OrgReportQuery, OrgReportResponse, PathInput, PathResponse, ProgressInput, ProgressResponse, QuizAnswers, QuizResponse, UserEnrolmentParam, UserParam, YearQuery,
} from './api';

const unauth = { status: 401, codes: ['UNAUTHENTICATED'] };
const forbidden = { status: 403, codes: ['FORBIDDEN'] };
const invalid = { status: 400, codes: ['VALIDATION_FAILED', 'MALFORMED_JSON'] };
const tooMany = { status: 429, codes: ['RATE_LIMITED'] };
const tag = 'learning';

export const learningOperations: Operation[] = [
  {
    method: 'get', path: '/api/me/learning', operationId: 'getMyLearning', tag,
    summary: { ms: 'Pembelajaran saya: kursus, jam dan hari latihan tahun ini, langkah seterusnya', en: 'My learning: courses, training hours and days this year, what next' },
    query: YearQuery, response: { status: 200, schema: MyLearningResponse }, errors: [invalid, unauth], access: { kind: 'signed-in' },
  },
  {
    method: 'post', path: '/api/me/enrolments', operationId: 'enrolMe', tag,
    summary: { ms: 'Daftar kursus (aktif, menunggu kelulusan atau senarai menunggu)', en: 'Enrol in a course (active, awaiting approval or waiting list)' },
    body: EnrolInput, response: { status: 201, schema: EnrolmentResponse },
    errors: [invalid, unauth, { status: 404, codes: ['COURSE_NOT_FOUND'] }, { status: 409, codes: ['PROFILE_REQUIRED', 'NOT_ELIGIBLE', 'PREREQUISITES_MISSING', 'COURSE_RETIRED', 'EDIT_CONFLICT'] }, tooMany],
    access: { kind: 'signed-in', rateLimit: { max: 30, windowSeconds: 60 } },
  },
  {
    method: 'post', path: '/api/me/paths', operationId: 'enrolMyPath', tag,
    summary: { ms: 'Ikuti laluan program: daftar semua kursusnya mengikut prasyarat', en: 'Follow a programme path: enrol in its courses as prerequisites allow' },
    body: PathInput, response: { status: 200, schema: PathResponse },
    errors: [invalid, unauth, { status: 404, codes: ['PROGRAMME_NOT_FOUND'] }, { status: 409, codes: ['PROFILE_REQUIRED'] }, tooMany],
    access: { kind: 'signed-in', rateLimit: { max: 10, windowSeconds: 60 } },
  },
  {
    method: 'get', path: '/api/me/enrolments/:code', operationId: 'getMyEnrolment', tag,
    summary: { ms: 'Pendaftaran saya dalam satu kursus, dengan rangka versi saya', en: 'My enrolment in one course, with the outline of my version' },
    params: EnrolmentParam, response: { status: 200, schema: EnrolmentDetailResponse },
    errors: [invalid, unauth, { status: 404, codes: ['ENROLMENT_NOT_FOUND'] }], access: { kind: 'signed-in' },
  },
  {
    method: 'delete', path: '/api/me/enrolments/:code', operationId: 'withdrawMe', tag,
    summary: { ms: 'Tarik diri daripada kursus', en: 'Withdraw from a course' },
    params: EnrolmentParam, response: { status: 200, schema: EnrolmentResponse },
    errors: [invalid, unauth, { status: 404, codes: ['ENROLMENT_NOT_FOUND'] }, { status: 409, codes: ['ALREADY_COMPLETED', 'EDIT_CONFLICT'] }],
    access: { kind: 'signed-in' },
  },
  {
    method: 'get', path: '/api/me/enrolments/:code/lessons/:lessonId', operationId: 'getMyLesson', tag,
    summary: { ms: 'Satu pelajaran dalam versi kursus saya, dalam bahasa yang diminta', en: 'One lesson of my course version, in the language asked' },
    params: LessonParam, query: LessonQuery, response: { status: 200, schema: LessonResponse },
    errors: [invalid, unauth, { status: 404, codes: ['ENROLMENT_NOT_FOUND', 'LESSON_NOT_FOUND'] }, { status: 409, codes: ['ENROLMENT_NOT_ACTIVE'] }],
    access: { kind: 'signed-in' },
  },
  {
    method: 'post', path: '/api/me/enrolments/:code/progress', operationId: 'recordProgress', tag,
    summary: { ms: 'Rekod pelajaran dibuka atau selesai (pengepala Idempotency-Key)', en: 'Record a lesson opened or finished (Idempotency-Key header)' },
    params: EnrolmentParam, body: ProgressInput, response: { status: 200, schema: ProgressResponse },
    errors: [invalid, unauth, { status: 404, codes: ['ENROLMENT_NOT_FOUND', 'LESSON_NOT_FOUND'] }, { status: 409, codes: ['ENROLMENT_NOT_ACTIVE', 'EDIT_CONFLICT'] }, { status: 422, codes: ['IDEMPOTENCY_KEY_REUSED'] }, tooMany],
    access: { kind: 'signed-in', rateLimit: { max: 120, windowSeconds: 60 } },
  },
  {
    method: 'get', path: '/api/me/enrolments/:code/quiz', operationId: 'getMyQuiz', tag,
    summary: { ms: 'Soalan kuiz (tanpa jawapan) dan cubaan saya', en: 'Quiz questions (without answers) and my attempts' },
    params: EnrolmentParam, response: { status: 200, schema: QuizResponse },
    errors: [invalid, unauth, { status: 404, codes: ['ENROLMENT_NOT_FOUND'] }, { status: 409, codes: ['ENROLMENT_NOT_ACTIVE'] }],
    access: { kind: 'signed-in' },
  },
  {
    method: 'post', path: '/api/me/enrolments/:code/quiz/attempts', operationId: 'submitQuiz', tag,
    summary: { ms: 'Hantar jawapan kuiz; markah dikira di pelayan (pengepala Idempotency-Key)', en: 'Submit quiz answers, scored on the server (Idempotency-Key header)' },
    params: EnrolmentParam, body: QuizAnswers, response: { status: 201, schema: AttemptResponse },
    errors: [
      invalid, unauth, { status: 404, codes: ['ENROLMENT_NOT_FOUND'] },
      { status: 409, codes: ['ENROLMENT_NOT_ACTIVE', 'ALREADY_COMPLETED', 'QUIZ_ALREADY_PASSED', 'QUIZ_ATTEMPTS_EXHAUSTED', 'EDIT_CONFLICT'] },
      { status: 422, codes: ['IDEMPOTENCY_KEY_REUSED'] }, tooMany,
    ],
    access: { kind: 'signed-in', rateLimit: { max: 20, windowSeconds: 60 } },
  },
  {
    method: 'get', path: '/api/me/completions', operationId: 'getMyCompletions', tag,
    summary: { ms: 'Rekod latihan saya bagi satu tahun', en: 'My training record for one year' },
    query: YearQuery, response: { status: 200, schema: CompletionsResponse }, errors: [invalid, unauth], access: { kind: 'signed-in' },
  },
  {
    method: 'post', path: '/api/users/:id/enrolments', operationId: 'enrolUser', tag,
    summary: { ms: 'Daftarkan seorang pengguna unit saya dalam kursus', en: 'Enrol a person of my unit in a course' },
    params: UserParam, body: EnrolInput, response: { status: 201, schema: EnrolmentResponse },
    errors: [invalid, unauth, forbidden, { status: 404, codes: ['USER_NOT_FOUND', 'COURSE_NOT_FOUND'] }, { status: 409, codes: ['PROFILE_REQUIRED', 'PROFILE_NOT_VERIFIED', 'NOT_ELIGIBLE', 'PREREQUISITES_MISSING', 'COURSE_RETIRED', 'EDIT_CONFLICT'] }],
    access: { kind: 'scoped', permission: 'learning:enrol', target: { in: 'param', name: 'id', is: 'user' }, notFound: 'USER_NOT_FOUND' },
  },
  {
    method: 'post', path: '/api/orgs/:orgId/enrolments', operationId: 'enrolOrgPeople', tag,
    summary: { ms: 'Daftarkan ramai pengguna unit saya dalam kursus (hasil setiap orang)', en: "Enrol many people of my unit in a course (each person's outcome)" },
    params: OrgParam, body: BulkEnrolInput, response: { status: 200, schema: BulkEnrolResponse },
    errors: [invalid, unauth, forbidden, { status: 404, codes: ['ORG_NOT_FOUND', 'COURSE_NOT_FOUND'] }, { status: 409, codes: ['COURSE_RETIRED'] }],
    access: { kind: 'scoped', permission: 'learning:enrol', target: { in: 'param', name: 'orgId', is: 'org' }, notFound: 'ORG_NOT_FOUND' },
  },
  {
    method: 'post', path: '/api/users/:id/enrolments/:code/decision', operationId: 'decideEnrolment', tag,
    summary: { ms: 'Lulus atau tolak permohonan pendaftaran', en: 'Approve or reject an enrolment request' },
    params: UserEnrolmentParam, body: DecisionInput, response: { status: 200, schema: EnrolmentResponse },
    errors: [invalid, unauth, forbidden, { status: 404, codes: ['USER_NOT_FOUND', 'ENROLMENT_NOT_FOUND'] }, { status: 409, codes: ['NOT_PENDING', 'PROFILE_NOT_VERIFIED', 'EDIT_CONFLICT'] }],
    access: { kind: 'scoped', permission: 'learning:approve', target: { in: 'param', name: 'id', is: 'user' }, notFound: 'USER_NOT_FOUND' },
  },
  {
    method: 'get', path: '/api/approvals', operationId: 'listApprovals', tag,
    summary: { ms: 'Permohonan pendaftaran yang menunggu keputusan saya', en: 'Enrolment requests awaiting my decision' },
    query: ApprovalsQuery, response: { status: 200, schema: ApprovalsResponse },
    errors: [invalid, unauth, forbidden, { status: 404, codes: ['ORG_NOT_FOUND'] }],
    access: { kind: 'scoped', permission: 'learning:approve', target: { in: 'query', name: 'org', is: 'org' }, notFound: 'ORG_NOT_FOUND' },
  },
  {
    method: 'get', path: '/api/reports/learning', operationId: 'getOrgLearningReport', tag,
    summary: { ms: 'Papan pemuka unit: pendaftaran, kemajuan, jam dan hari latihan, di bawah sasaran', en: 'Unit dashboard: enrolments, progress, training hours and days, below target' },
    query: OrgReportQuery, response: { status: 200, schema: OrgReportResponse },
    errors: [invalid, unauth, forbidden, { status: 404, codes: ['ORG_NOT_FOUND'] }, tooMany],
    access: { kind: 'scoped', permission: 'learning:report', target: { in: 'query', name: 'org', is: 'org' }, notFound: 'ORG_NOT_FOUND', rateLimit: { max: 60, windowSeconds: 60 } },
  },
  {
    method: 'get', path: '/api/reports/courses/:code', operationId: 'getCourseReport', tag,
    summary: { ms: 'Prestasi kursus: pendaftaran, kadar tamat, purata markah kuiz, keciciran mengikut pelajaran', en: 'Course figures: enrolments, completion rate, average quiz score, drop-off by lesson' },
    params: EnrolmentParam, response: { status: 200, schema: CourseReportResponse },
    errors: [invalid, unauth, forbidden, { status: 404, codes: ['COURSE_NOT_FOUND'] }, tooMany],
    access: { kind: 'anywhere', permission: 'learning:course-report', rateLimit: { max: 60, windowSeconds: 60 } },
  },
];
