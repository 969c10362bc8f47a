/** The identity context's operations: contract, documentation and access in one place. */
import * as z from 'zod/mini';
import type { Operation } from '../core/openapi';
import {
  Assignment, AssignmentResponse, AssignmentsResponse, ImportQuery, ImportReport, MeResponse, OrgListResponse, ProfileInput, ProfileResponse,
  RevokeRoleQuery, RoleKeyParam, UserExportQuery, UserIdParam, UserListResponse, UserSearchQuery,
} from './api';

const unauth = { status: 401, codes: ['UNAUTHENTICATED'] };
const tooMany = { status: 429, codes: ['RATE_LIMITED'] };
const userScoped = (permission: 'users:read' | 'users:verify' | 'roles:assign') =>
  ({ kind: 'scoped', permission, target: { in: 'param', name: 'id', is: 'user' }, notFound: 'USER_NOT_FOUND' }) as const;

export const identityOperations: Operation[] = [
  {
    method: 'get', path: '/api/auth/config', operationId: 'getLoginConfig', tag: 'identity',
    summary: { ms: 'Tetapan log masuk (pengeluar OIDC dan klien)', en: 'Login settings (OIDC issuer and client)' },
    response: {
      status: 200,
      schema: z.object({
        issuer: z.string(), clientId: z.string(), scope: z.string(),
        /** Where to sign out when the issuer has no end_session_endpoint (Cognito's hosted /logout). */
        logoutUrl: z.optional(z.string()),
      }),
    },
    errors: [tooMany],
    // Login-adjacent and public: a per-address allowance (a school behind one address signs in
    // a whole class at once; the browser keeps the answer 5 minutes).
    access: { kind: 'public', because: 'a browser needs the issuer and client id before anyone signs in', rateLimit: { max: 120, windowSeconds: 60 } },
  },
  {
    method: 'get', path: '/api/orgs', operationId: 'listOrgUnits', tag: 'identity',
    summary: { ms: 'Pokok organisasi negeri', en: 'The state organisation tree' },
    response: { status: 200, schema: OrgListResponse }, errors: [],
    access: { kind: 'public', because: 'the organisation tree is public information, needed on the profile form' },
  },
  {
    method: 'get', path: '/api/me', operationId: 'getMe', tag: 'identity',
    summary: { ms: 'Profil dan peranan saya', en: 'My profile and roles' },
    response: { status: 200, schema: MeResponse }, errors: [unauth], access: { kind: 'signed-in' },
  },
  {
    method: 'put', path: '/api/me/profile', operationId: 'saveMyProfile', tag: 'identity',
    summary: { ms: 'Lengkapkan atau kemas kini profil saya', en: 'Complete or update my profile' },
    body: ProfileInput,
    response: { status: 200, schema: z.object({ profile: ProfileResponse.shape.profile, warnings: z.array(z.string()) }) },
    errors: [{ status: 400, codes: ['VALIDATION_FAILED', 'MALFORMED_JSON'] }, unauth, { status: 409, codes: ['IC_TAKEN', 'EMAIL_TAKEN', 'EDIT_CONFLICT'] }, tooMany],
    // Each attempt with another MyKad probes whether it is registered: keep that slow.
    access: { kind: 'signed-in', rateLimit: { max: 20, windowSeconds: 60 } },
  },
  {
    method: 'get', path: '/api/me/export', operationId: 'exportMyData', tag: 'identity',
    summary: { ms: 'Muat turun semua data saya', en: 'Download all my data' },
    response: { status: 200, schema: z.object({ exportedAt: z.string(), profile: z.nullable(ProfileResponse.shape.profile) }) },
    errors: [unauth, tooMany], access: { kind: 'signed-in', rateLimit: { max: 10, windowSeconds: 3600 } },
  },
  {
    method: 'get', path: '/api/users', operationId: 'searchUsers', tag: 'identity',
    summary: { ms: 'Cari pengguna dalam skop saya (nama, MyKad, e-mel)', en: 'Search users within my scope (name, MyKad, email)' },
    query: UserSearchQuery, response: { status: 200, schema: UserListResponse },
    errors: [{ status: 400, codes: ['VALIDATION_FAILED', 'INVALID_CURSOR'] }, unauth, { status: 403, codes: ['FORBIDDEN'] }, tooMany],
    // Searching by MyKad or email is a lookup of personal data: limit its pace.
    access: { kind: 'anywhere', permission: 'users:search', rateLimit: { max: 60, windowSeconds: 60 } },
  },
  {
    method: 'get', path: '/api/users/:id', operationId: 'getUser', tag: 'identity',
    summary: { ms: 'Profil seorang pengguna', en: 'A user profile' }, params: UserIdParam,
    response: { status: 200, schema: ProfileResponse },
    errors: [unauth, { status: 403, codes: ['FORBIDDEN'] }, { status: 404, codes: ['USER_NOT_FOUND'] }],
    access: userScoped('users:read'),
  },
  {
    method: 'post', path: '/api/users/:id/verify', operationId: 'verifyUser', tag: 'identity',
    summary: { ms: 'Sahkan profil pengguna', en: 'Verify a user profile' }, params: UserIdParam,
    response: { status: 200, schema: ProfileResponse },
    errors: [unauth, { status: 403, codes: ['FORBIDDEN'] }, { status: 404, codes: ['USER_NOT_FOUND'] }, { status: 409, codes: ['ALREADY_VERIFIED', 'EDIT_CONFLICT'] }],
    access: userScoped('users:verify'),
  },
  {
    method: 'get', path: '/api/users/:id/roles', operationId: 'listUserRoles', tag: 'identity',
    summary: { ms: 'Peranan seorang pengguna', en: 'A user’s roles' }, params: UserIdParam,
    response: { status: 200, schema: AssignmentsResponse },
    errors: [unauth, { status: 403, codes: ['FORBIDDEN'] }, { status: 404, codes: ['USER_NOT_FOUND'] }],
    access: userScoped('users:read'),
  },
  {
    method: 'post', path: '/api/users/:id/roles', operationId: 'grantRole', tag: 'identity',
    summary: { ms: 'Berikan peranan', en: 'Grant a role' }, params: UserIdParam, body: Assignment,
    response: { status: 201, schema: AssignmentResponse },
    errors: [{ status: 400, codes: ['VALIDATION_FAILED'] }, unauth, { status: 403, codes: ['FORBIDDEN', 'ROLE_NOT_ASSIGNABLE'] }, { status: 404, codes: ['USER_NOT_FOUND'] }],
    access: userScoped('roles:assign'),
  },
  {
    method: 'delete', path: '/api/users/:id/roles/:role/:orgId', operationId: 'revokeRole', tag: 'identity',
    summary: { ms: 'Tarik balik peranan', en: 'Revoke a role' }, params: RoleKeyParam,
    query: RevokeRoleQuery,
    response: { status: 200, schema: AssignmentResponse },
    errors: [unauth, { status: 403, codes: ['FORBIDDEN', 'ROLE_NOT_ASSIGNABLE'] }, { status: 404, codes: ['USER_NOT_FOUND', 'ROLE_NOT_FOUND'] }],
    access: userScoped('roles:assign'),
  },
];

/** Bulk registration: served by its own Lambda (functions/identity/import-lambda.ts). */
export const importOperations: Operation[] = [
  {
    method: 'post', path: '/api/users/import', operationId: 'importUsers', tag: 'identity',
    summary: {
      ms: 'Import pengguna dari CSV: peserta, penjawat awam dan guru (akaun log masuk dibuka); UTF-8; semak dahulu dengan dryRun=true',
      en: 'Import users from CSV: participants, civil servants and teachers (sign-in accounts opened); UTF-8; check first with dryRun=true',
    },
    query: ImportQuery, body: z.string(),
    response: { status: 200, schema: ImportReport },
    errors: [
      { status: 400, codes: ['VALIDATION_FAILED', 'CSV_UNREADABLE', 'CSV_COLUMNS', 'CSV_TOO_MANY_ROWS', 'IMPORT_HAS_ERRORS'] }, unauth,
      { status: 403, codes: ['FORBIDDEN'] }, { status: 404, codes: ['ORG_NOT_FOUND'] }, { status: 409, codes: ['IMPORT_INTERRUPTED'] },
      { status: 413, codes: ['PAYLOAD_TOO_LARGE'] }, tooMany, { status: 503, codes: ['LOGIN_ACCOUNT_FAILED'] },
    ],
    access: {
      kind: 'scoped', permission: 'users:import', target: { in: 'query', name: 'org', is: 'org' }, notFound: 'ORG_NOT_FOUND',
      rateLimit: { max: 20, windowSeconds: 60 },
    },
  },
  {
    method: 'get', path: '/api/exports/users.csv', operationId: 'exportUsers', tag: 'identity',
    summary: {
      ms: 'Muat turun pengguna sesuatu unit sebagai CSV (MyKad bertopeng melainkan anda berhak melihatnya)',
      en: 'Download the users of a unit as CSV (MyKad masked unless you may see it)',
    },
    query: UserExportQuery,
    response: { status: 200, schema: z.string(), contentType: 'text/csv' },
    errors: [{ status: 400, codes: ['VALIDATION_FAILED', 'EXPORT_TOO_LARGE'] }, unauth, { status: 403, codes: ['FORBIDDEN'] }, { status: 404, codes: ['ORG_NOT_FOUND'] }, tooMany],
    // A list of people's personal data: a few files an hour is plenty.
    access: {
      kind: 'scoped', permission: 'users:export', target: { in: 'query', name: 'org', is: 'org' }, notFound: 'ORG_NOT_FOUND',
      rateLimit: { max: 10, windowSeconds: 3600 },
    },
  },
];
