/**
 * The identity context's wire contract (zod/mini): the profile a person completes at first
 * login, what administrators see, role assignments.
 */
import * as z from 'zod/mini';
import { programmeIds, roles } from '../core/access';

export const personKinds = ['civil-servant', 'teacher', 'participant'] as const;
export const payScales = ['SSM', 'SSPA'] as const;
export const teacherGrades = ['DG9', 'DG10', 'DG12', 'DG13', 'DG14'] as const;
export const educationLevels = ['primary', 'secondary', 'tertiary'] as const;
export const profileStatuses = ['pending-verification', 'verified', 'active'] as const;

const OrgId = z.string().check(z.regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/));
const UserId = z.string().check(z.regex(/^[A-Za-z0-9_.@:-]{1,128}$/));

const common = {
  name: z.string().check(z.trim(), z.minLength(3), z.maxLength(120)),
  /**
   * MyKad, with or without dashes; checked further by the domain (real date, place code).
   * Required for a new profile; omitted on an update, the stored number is kept (so an edit
   * form never has to hold the full number).
   */
  ic: z.optional(z.string().check(z.trim(), z.minLength(12), z.maxLength(16))),
  phone: z.optional(z.string().check(z.trim(), z.maxLength(20))),
  email: z.optional(z.email()),
  /** The person's unit: agency (civil servant), school (teacher), centre or district (participant). */
  orgId: OrgId,
};

export const ProfileInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('civil-servant'),
    ...common,
    email: z.email(),
    department: z.optional(z.string().check(z.trim(), z.maxLength(120))),
    payScale: z.enum(payScales),
    /** SSPA grades are 1–18 (e.g. 9, 10, 12, 14); SSM keeps scheme + number (e.g. F41, N19). */
    grade: z.string().check(z.trim(), z.regex(/^[A-Z]{0,3}\d{1,2}$/)),
  }),
  z.object({
    kind: z.literal('teacher'),
    ...common,
    payScale: z.enum(payScales),
    grade: z.enum(teacherGrades),
    educationLevel: z.enum(educationLevels),
  }),
  z.object({ kind: z.literal('participant'), ...common }),
]);
export type ProfileInput = z.output<typeof ProfileInput>;

/** What the holder and administrators see. The IC is masked unless the viewer may see it. */
export const Profile = z.object({
  userId: z.string(),
  kind: z.enum(personKinds),
  name: z.string(),
  ic: z.string(),
  icMasked: z.boolean(),
  phone: z.optional(z.string()),
  email: z.optional(z.string()),
  orgId: z.string(),
  department: z.optional(z.string()),
  payScale: z.optional(z.enum(payScales)),
  grade: z.optional(z.string()),
  educationLevel: z.optional(z.enum(educationLevels)),
  status: z.enum(profileStatuses),
  verifiedBy: z.optional(z.string()),
  updatedAt: z.string(),
});
export type Profile = z.output<typeof Profile>;

export const Assignment = z.object({
  role: z.enum(roles),
  orgId: OrgId,
  programme: z.optional(z.enum(programmeIds)),
});

export const MeResponse = z.object({
  userId: z.string(),
  profile: z.nullable(Profile),
  assignments: z.array(Assignment),
  /** Profile warnings the person may want to check (e.g. an unknown place-of-birth code). */
  warnings: z.array(z.string()),
});

export const UserIdParam = z.object({ id: UserId });
export const RoleKeyParam = z.object({ id: UserId, role: z.enum(roles), orgId: OrgId });
/** A programme administrator's assignment names its programme: revoking it names it too. */
export const RevokeRoleQuery = z.object({ programme: z.optional(z.enum(programmeIds)) });

export const UserSearchQuery = z.object({
  /** Name prefix, a full MyKad number, or an email address. */
  q: z.optional(z.string().check(z.trim(), z.minLength(2), z.maxLength(120))),
  /** Narrow to one unit (and below) within the caller's scope. */
  org: z.optional(OrgId),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100))),
  /** Only people in this state, e.g. `pending-verification` (waiting for a coordinator). */
  status: z.optional(z.enum(profileStatuses)),
  /** `nextCursor` of the previous page (name searches and listings; a MyKad or email finds one person). */
  cursor: z.optional(z.string().check(z.maxLength(700))),
});

export const UserListResponse = z.object({ users: z.array(Profile), nextCursor: z.nullable(z.string()) });

export const UserExportQuery = z.object({
  /** The unit (and below) whose people are exported; within the caller's scope. */
  org: OrgId,
});
export const ProfileResponse = z.object({ profile: Profile });
export const AssignmentResponse = z.object({ assignment: Assignment });
export const AssignmentsResponse = z.object({ assignments: z.array(Assignment) });

export const OrgUnit = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.object({ ms: z.string(), en: z.string() }),
  parent: z.optional(z.string()),
  subtype: z.optional(z.string()),
  sample: z.boolean(),
});
export const OrgListResponse = z.object({ units: z.array(OrgUnit) });

export const ImportQuery = z.object({
  /** The unit the people are registered into (and the default unit of rows without one). */
  org: OrgId,
  /** true (default): check only, write nothing. */
  dryRun: z._default(z.enum(['true', 'false']), 'true'),
});

export const ImportReport = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  /** Sign-in accounts of civil servants and teachers opened by the import (dry run: at most this many). */
  accounts: z.number(),
  problems: z.array(z.object({ line: z.number(), column: z.string(), message: z.string() })),
  /** Lines saved, per batch (each batch all-or-nothing). */
  batches: z.array(z.object({ lines: z.array(z.number()), eventId: z.string() })),
});
