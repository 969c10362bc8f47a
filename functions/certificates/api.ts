/** The certificates context's wire contract (zod/mini). */
import * as z from 'zod/mini';

/** As typed or scanned: normalised by the route (./number.ts), so only the length is checked here. */
export const NumberParam = z.object({ number: z.string().check(z.minLength(1), z.maxLength(200)) });
export const ListParam = z.object({ list: z.coerce.number().check(z.int(), z.minimum(1), z.maximum(10_000)) });
export const CourseParam = z.object({ code: z.string().check(z.regex(/^[A-Z0-9][A-Z0-9-]{1,29}$/)) });
const OrgId = z.string().check(z.regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/));
export const ExportQuery = z.object({ org: z.optional(OrgId) });
/** Why: kept in the audit trail; never shown on the public verification page. */
export const ReasonBody = z.object({ reason: z.string().check(z.trim(), z.minLength(5), z.maxLength(500)) });

export const certificateStatuses = ['valid', 'expired', 'revoked', 'superseded'] as const;

const Course = z.object({
  code: z.string(), version: z.string(), title: z.object({ ms: z.string(), en: z.string() }), hours: z.number(),
  programme: z.enum(['3.1', '7.1', '7.2']), trainingCategory: z.enum(['formal', 'learning-session', 'self-learning']),
  validityMonths: z.optional(z.number()),
});

/** What anyone may learn from a certificate number (the public verification). */
export const Verification = z.object({
  number: z.string(),
  status: z.enum(certificateStatuses),
  issuer: z.string(),
  holderName: z.string(),
  icMasked: z.optional(z.string()),
  course: Course,
  completedAt: z.string(),
  issuedAt: z.string(),
  expiresAt: z.optional(z.string()),
  revokedAt: z.optional(z.string()),
  /** The certificate that replaced this one (reissue after a name correction). */
  supersededBy: z.optional(z.string()),
  /** The certificate this one replaced. */
  reissueOf: z.optional(z.string()),
  renews: z.optional(z.string()),
  renewedBy: z.optional(z.string()),
  /** The public page of this certificate (what the QR code holds). */
  verifyUrl: z.string(),
});
export type Verification = z.output<typeof Verification>;

export const MyCertificates = z.object({ certificates: z.array(Verification) });
export const DownloadLink = z.object({ url: z.string(), expiresAt: z.string() });
export const CredentialFile = z.object({ filename: z.string(), credential: z.string(), jwks: z.string(), statusList: z.string() });
export const RevokeResponse = z.object({ certificate: Verification });
export const ReissueResponse = z.object({ certificate: Verification, superseded: Verification });
export const ExportResponse = z.object({ count: z.number(), url: z.nullable(z.string()), expiresAt: z.nullable(z.string()) });
