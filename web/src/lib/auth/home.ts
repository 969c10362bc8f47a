/**
 * Where a person lands after signing in, and which role pages their menu lists. Each is one
 * table: read top to bottom, the first row that fits wins.
 */
import { rolesGranting, type Role } from '$functions/core/access';

/** The home page of each role, strongest role first (a coordinator who also learns manages). */
const homes: readonly (readonly [Role, string])[] = [
  ['platform-admin', '/pentadbiran/pengguna'],
  ['coordinator', '/pentadbiran/pengguna'],
  ['programme-admin', '/pentadbiran/pengguna'],
  ['auditor', '/audit'],
  ['finance-officer', '/belajar'], // finance pages come later
  ['facilitator', '/belajar'],
  ['learner', '/belajar'],
];

/** First sign-in (no profile yet): the profile form, whatever the roles. */
export function homeFor(me: { profile: unknown; assignments: readonly { role: Role }[] }): string {
  if (!me.profile) return '/profil';
  return homes.find(([role]) => me.assignments.some((a) => a.role === role))?.[1] ?? '/belajar';
}

/**
 * The role pages, shown to the roles the API lets through (core/access.ts): the menu hides
 * what a person cannot open, the API still decides.
 */
export const rolePages = [
  { href: '/pentadbiran/pengguna', page: 'users', roles: rolesGranting('users:search') },
  { href: '/audit', page: 'audit', roles: rolesGranting('audit:read') },
  { href: '/penyelaras', page: 'coordinator', roles: rolesGranting('learning:report') },
  { href: '/laporan/kursus', page: 'courseReports', roles: rolesGranting('learning:course-report') },
  // Reissue's roles include every role that may revoke.
  { href: '/pentadbiran/sijil', page: 'certificateAdmin', roles: rolesGranting('certificates:reissue') },
] as const;

export const pagesFor = (roles: readonly Role[]) => rolePages.filter((p) => p.roles.some((r) => roles.includes(r)));
