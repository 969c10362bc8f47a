/**
 * The profile form: its fields, filled from a profile, and the checks made before sending.
 * They mirror the API's (functions/identity/api.ts schema, profile.ts domain checks, with the
 * same MyKad and phone functions, and the words of its `fieldMessages`) so most mistakes show
 * at once; the API still checks everything and its answer wins.
 */
import { parseMyKad } from '$functions/core/mykad';
import { parsePhone } from '$functions/core/phone';
import type { Profile, ProfileInput } from '$functions/identity/api';
import { formatPhone } from '$lib/identity/format';
import { unitKindsFor, type Orgs } from '$lib/identity/orgs';
import type { strings } from './strings';

type Kind = ProfileInput['kind'];
type PayScale = NonNullable<Profile['payScale']>;
type Level = NonNullable<Profile['educationLevel']>;

export const kinds = ['civil-servant', 'teacher', 'participant'] as const satisfies Kind[];
export const payScales = ['SSM', 'SSPA'] as const satisfies PayScale[];
export const teacherGrades = ['DG9', 'DG10', 'DG12', 'DG13', 'DG14'] as const;
export const levels = ['primary', 'secondary', 'tertiary'] as const satisfies Level[];

export type Form = {
  kind: Kind | '';
  name: string;
  ic: string;
  phone: string;
  email: string;
  orgId: string;
  department: string;
  payScale: PayScale | '';
  grade: string;
  educationLevel: Level | '';
};
export type Field = keyof Form;
export type Errors = Partial<Record<Field, string>>;

/** Top to bottom, as on the page: the error summary lists them, the first gets the focus. */
export const fieldOrder: Field[] = ['kind', 'name', 'ic', 'phone', 'email', 'orgId', 'department', 'payScale', 'grade', 'educationLevel'];

export const emptyForm = (): Form => ({
  kind: '', name: '', ic: '', phone: '', email: '', orgId: '', department: '', payScale: '', grade: '', educationLevel: '',
});

/**
 * The form for editing a profile. The MyKad starts empty: left so, the API keeps the number
 * on record (the page never holds the full number); typed, it replaces it.
 */
export function fromProfile(profile: Profile): Form {
  return {
    kind: profile.kind,
    name: profile.name,
    ic: '',
    phone: profile.phone ? formatPhone(profile.phone) : '',
    email: profile.email ?? '',
    orgId: profile.orgId,
    department: profile.department ?? '',
    payScale: profile.payScale ?? '',
    grade: profile.grade ?? '',
    educationLevel: profile.educationLevel ?? '',
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CIVIL_GRADE = /^[A-Z]{0,3}\d{1,2}$/;

type Strings = (typeof strings)['ms'];

/** The request body, or the problems of each field in the UI language. */
export function checkForm(form: Form, orgs: Orgs | null, s: Strings, options: { hasIc?: boolean } = {}): { input: ProfileInput } | { errors: Errors } {
  const errors: Errors = {};
  const name = form.name.trim().replace(/\s+/g, ' ');
  const email = form.email.trim();
  const phone = form.phone.trim();
  const grade = form.grade.trim().toUpperCase();
  const department = form.department.trim();

  if (!form.kind) errors.kind = s.required.kind;
  if (name.length < 3) errors.name = s.required.name;
  else if (name.length > 120) errors.name = s.tooLong;
  if (!form.ic.trim()) {
    if (!options.hasIc) errors.ic = s.required.ic;
  } else {
    const ic = parseMyKad(form.ic, new Date());
    if (!ic.ok) errors.ic = ic.reason === 'FORMAT' ? s.icFormat : s.icDate;
  }
  if (phone && !parsePhone(phone).ok) errors.phone = s.phoneFormat;
  if (email && !EMAIL.test(email)) errors.email = s.emailFormat;
  else if (!email && form.kind === 'civil-servant') errors.email = s.required.email;
  if (!form.orgId) errors.orgId = s.required.orgId;
  else if (orgs && form.kind) {
    const unit = orgs.get(form.orgId);
    if (!unit) errors.orgId = s.orgUnknown;
    else if (!(unitKindsFor[form.kind] as readonly string[]).includes(unit.kind)) errors.orgId = s.orgWrongKind;
  }
  if (form.kind === 'civil-servant' || form.kind === 'teacher') {
    if (!form.payScale) errors.payScale = s.required.payScale;
    if (!grade) errors.grade = s.required.grade;
    else if (form.kind === 'civil-servant' && !CIVIL_GRADE.test(grade)) errors.grade = s.gradeFormat;
  }
  if (form.kind === 'civil-servant' && department.length > 120) errors.department = s.tooLong;
  if (form.kind === 'teacher' && !form.educationLevel) errors.educationLevel = s.required.educationLevel;
  if (Object.keys(errors).length || !form.kind) return { errors };

  const common = {
    name,
    ...(form.ic.trim() ? { ic: form.ic.trim() } : {}),
    orgId: form.orgId,
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
  };
  if (form.kind === 'civil-servant') {
    return {
      input: { kind: 'civil-servant', ...common, email, payScale: form.payScale as PayScale, grade, ...(department ? { department } : {}) },
    };
  }
  if (form.kind === 'teacher') {
    return {
      input: {
        kind: 'teacher', ...common, payScale: form.payScale as PayScale,
        grade: grade as (typeof teacherGrades)[number], educationLevel: form.educationLevel as Level,
      },
    };
  }
  return { input: { kind: 'participant', ...common } };
}

/** The API's field names (`details.issues[].field`) are the form's; anything else is shown at the top. */
export const isField = (name: string): name is Field => (fieldOrder as string[]).includes(name);
