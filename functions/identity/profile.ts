/**
 * Profiles: the domain rules, free of storage and HTTP. Checks what the schema cannot
 * (a real MyKad, a Malaysian phone, a unit that exists and fits the kind of person),
 * decides when a change needs re-verification, and shapes what each viewer may see.
 */
import { maskMyKad, parseMyKad } from '../core/mykad';
import { maskPhone, parsePhone } from '../core/phone';
import type { FieldProblem } from '../core/errors';
import type { Profile, ProfileInput } from './api';
import type { OrgTree } from './orgs';

/** The stored profile: the IC in full, once, here only. */
export type ProfileRecord = Omit<Profile, 'ic' | 'icMasked'> & { ic: string; version: number; createdAt: string };

/** Which units each kind of person may belong to. */
const unitKindsFor: Record<ProfileInput['kind'], readonly string[]> = {
  'civil-servant': ['agency', 'council', 'ppd', 'state'],
  'teacher': ['school'],
  'participant': ['community-centre', 'school', 'district'],
};

/** Fields that make a profile count for official records: changing one needs verification again. */
const OFFICIAL_FIELDS = ['ic', 'name', 'orgId', 'kind', 'payScale', 'grade'] as const;

export type CheckedProfile =
  | { ok: true; fields: Omit<ProfileRecord, 'userId' | 'status' | 'version' | 'createdAt' | 'updatedAt' | 'verifiedBy'>; warnings: string[] }
  | { ok: false; problems: { field: string; problem: FieldProblem }[] };

export function checkProfile(input: ProfileInput & { ic: string }, tree: OrgTree, today: Date): CheckedProfile {
  const problems: { field: string; problem: FieldProblem }[] = [];
  const warnings: string[] = [];
  const ic = parseMyKad(input.ic, today);
  if (!ic.ok) problems.push({ field: 'ic', problem: ic.reason === 'FORMAT' ? 'IC_FORMAT' : 'IC_DATE' });
  else warnings.push(...ic.warnings);
  const phone = input.phone ? parsePhone(input.phone) : undefined;
  if (phone && !phone.ok) problems.push({ field: 'phone', problem: 'PHONE_FORMAT' });
  const unit = tree.get(input.orgId);
  if (!unit) problems.push({ field: 'orgId', problem: 'ORG_UNKNOWN' });
  else if (!unitKindsFor[input.kind].includes(unit.kind)) problems.push({ field: 'orgId', problem: 'ORG_WRONG_KIND' });
  if (problems.length || !ic.ok) return { ok: false, problems };

  const { ic: _raw, phone: _phone, ...rest } = input;
  return {
    ok: true,
    fields: {
      ...rest,
      name: input.name.replace(/\s+/g, ' '),
      ic: ic.value,
      ...(phone?.ok ? { phone: phone.e164 } : {}),
      ...(input.email ? { email: input.email.toLowerCase() } : {}),
    },
    warnings,
  };
}

/** Civil servants and teachers are verified by a coordinator; participants need not be. */
export function initialStatus(kind: ProfileInput['kind']): Profile['status'] {
  return kind === 'participant' ? 'active' : 'pending-verification';
}

export function needsReverification(before: ProfileRecord, after: Partial<ProfileRecord>): boolean {
  return OFFICIAL_FIELDS.some((f) => after[f] !== undefined && after[f] !== before[f]);
}

/** What a viewer sees: the IC in full only to the holder's own export or a viewer entitled to it. */
export function present(record: ProfileRecord, showIc: boolean): Profile {
  const { version: _v, createdAt: _c, ic, ...rest } = record;
  return { ...rest, ic: showIc ? ic : maskMyKad(ic), icMasked: !showIc };
}

/** The audit summary of a profile: masked personal data only. */
export function auditSummary(record: Partial<ProfileRecord> | undefined): Record<string, unknown> | undefined {
  if (!record) return undefined;
  return {
    name: record.name,
    kind: record.kind,
    orgId: record.orgId,
    ic: record.ic ? maskMyKad(record.ic) : undefined,
    phone: record.phone ? maskPhone(record.phone) : undefined,
    email: record.email ? record.email.replace(/^(.).*(@.*)$/, '$1***$2') : undefined,
    payScale: record.payScale,
    grade: record.grade,
    status: record.status,
  };
}
