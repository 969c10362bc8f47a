/**
 * Roles, permissions and the one decision: may this principal do this to that record?
 *
 * Roles are assigned to a user at an organisation unit and inherited downward (a coordinator
 * of PPD Seremban coordinates every school under it). Every route declares its access next
 * to its OpenAPI operation; the HTTP edge refuses any route without a declaration (deny by
 * default). A record of an organisation outside the caller's scope answers 404, not 403, so
 * its existence does not leak.
 */
export const roles = [
  'learner',
  'facilitator',
  'coordinator',
  'programme-admin',
  'finance-officer',
  'auditor',
  'platform-admin',
] as const;
export type Role = (typeof roles)[number];

export const programmeIds = ['3.1', '7.1', '7.2'] as const;
export type ProgrammeId = (typeof programmeIds)[number];

export type Assignment = { role: Role; orgId: string; programme?: ProgrammeId };

/** What each role may do. A permission is granted at the assignment's unit and below. */
const grants = {
  'users:search': ['coordinator', 'programme-admin', 'platform-admin'],
  'users:read': ['coordinator', 'programme-admin', 'auditor', 'platform-admin'],
  /** See the full IC number, not the masked one. */
  'users:read-ic': ['coordinator', 'platform-admin'],
  'users:verify': ['coordinator', 'platform-admin'],
  'users:import': ['coordinator', 'platform-admin'],
  /** Download a unit's people as CSV (MyKad masked unless users:read-ic also covers them). */
  'users:export': ['coordinator', 'platform-admin'],
  'roles:assign': ['coordinator', 'platform-admin'],
  'audit:read': ['auditor', 'platform-admin'],
  /** Enrol people of one's units in a course (single or bulk); their enrolment needs no further approval. */
  'learning:enrol': ['coordinator', 'platform-admin'],
  /** Approve or reject enrolment requests (programme administrators: their programme's courses only). */
  'learning:approve': ['coordinator', 'programme-admin', 'platform-admin'],
  /** Training dashboards of a unit's people. */
  'learning:report': ['coordinator', 'programme-admin', 'auditor', 'platform-admin'],
  /** Per-course figures: enrolments, completion rate, quiz scores, drop-off (programme administrators: their programme). */
  'learning:course-report': ['programme-admin', 'auditor', 'platform-admin'],
  /** Revoke a certificate, with a reason (programme administrators: their programme's). */
  'certificates:revoke': ['programme-admin', 'platform-admin'],
  /** Reissue a certificate after a name correction (coordinators correct their people's names). */
  'certificates:reissue': ['coordinator', 'programme-admin', 'platform-admin'],
  /** Download a course's (or class's) certificates as one ZIP, within one's units. */
  'certificates:download': ['coordinator', 'facilitator', 'programme-admin', 'platform-admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof grants;

/**
 * Roles a role may hand out: a coordinator appoints learners and facilitators in their unit;
 * only a platform administrator creates administrators, auditors and finance officers.
 */
export const assignableBy: Record<Role, readonly Role[]> = {
  'learner': [],
  'facilitator': [],
  'coordinator': ['learner', 'facilitator'],
  'programme-admin': [],
  'finance-officer': [],
  'auditor': [],
  'platform-admin': roles,
};

export function rolesGranting(permission: Permission): readonly Role[] {
  return grants[permission];
}

/**
 * Whether `assignments` grant `permission` on a record of organisation `targetOrg`, whose
 * ancestors (nearest first, up to the state) are `targetAncestors`.
 */
export function isAllowed(
  assignments: readonly Assignment[],
  permission: Permission,
  targetOrg: string,
  targetAncestors: readonly string[],
  /** The programme of the record, when it has one (a course, an enrolment): an assignment for another programme does not cover it. */
  programme?: ProgrammeId,
): boolean {
  const granting = new Set<Role>(grants[permission]);
  const inScope = new Set([targetOrg, ...targetAncestors]);
  return assignments.some((a) => granting.has(a.role) && inScope.has(a.orgId) && coversProgramme(a, programme));
}

/** Whether an assignment covers records of `programme` (assignments without a programme cover all). */
export function coversProgramme(a: Assignment, programme: ProgrammeId | undefined): boolean {
  return programme === undefined || a.programme === undefined || a.programme === programme;
}

/** Whether the caller holds `permission` for records of `programme` at any unit. */
export function holdsForProgramme(assignments: readonly Assignment[], permission: Permission, programme: ProgrammeId): boolean {
  const granting = new Set<Role>(grants[permission]);
  return assignments.some((a) => granting.has(a.role) && coversProgramme(a, programme));
}

/** The units at which the caller holds `permission` (the roots of their scope). */
export function scopeRoots(assignments: readonly Assignment[], permission: Permission): string[] {
  const granting = new Set<Role>(grants[permission]);
  return [...new Set(assignments.filter((a) => granting.has(a.role)).map((a) => a.orgId))];
}

/** Whether the caller holds the permission anywhere (for collection routes scoped later). */
export function holdsAnywhere(assignments: readonly Assignment[], permission: Permission): boolean {
  return scopeRoots(assignments, permission).length > 0;
}
