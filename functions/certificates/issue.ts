/**
 * The contract with the learning context: a completion hands its facts to
 * `certificateIssueItems`, and writes the returned items in the SAME TransactWriteItems as the
 * completion (and its `course.complete` audit event). So there is no completion without its
 * certificate and no certificate without its completion; duplicates are impossible because
 * the first item is a once-guard per user + course code + course version.
 *
 * Item order (for reading TransactionCanceledException.CancellationReasons):
 *   0  once-guard Put, condition attribute_not_exists(pk), ReturnValuesOnConditionCheckFailure
 *      ALL_OLD: a ConditionalCheckFailed here means this completion already has its certificate
 *      (reason.Item.number.S names it: the item comes in DynamoDB's attribute-value form) — treat the duplicate completion as already done;
 *   1  certificate Put, condition attribute_not_exists(pk) (a number clash: retry with a new number);
 *   2  only with `renews`: Update of the renewed certificate (renewedBy), condition: it exists
 *      and belongs to the same user.
 * Pure: no I/O; the clock and the random source are parameters.
 */
import type { TransactItem } from '../core/audit';
import { CERT_SK, GUARD_SK, certPk, certSortKey, courseCertsPk, guardPk, userCertsPk } from './keys';
import { newCertificateNumber } from './number';

export type { TransactItem };

/** What a completion tells the certificates context. */
export type CompletionFacts = {
  userId: string;
  holderName: string; // as on the profile at completion
  icMasked?: string; // e.g. "850412-**-**23"; participants without MyKad have none
  orgId: string; // the learner's unit at completion
  course: {
    code: string; version: string; title: { ms: string; en: string }; hours: number;
    programme: '3.1' | '7.1' | '7.2'; trainingCategory: 'formal' | 'learning-session' | 'self-learning';
    validityMonths?: number;
  };
  completedAt: string; // ISO instant
  /** The certificate this one renews (refresher), if any. */
  renews?: string;
};

/** Stored state; `expired` is not stored: it follows from `expiresAt` and the clock. */
export type StoredStatus = 'valid' | 'revoked' | 'superseded';
export type CertificateStatus = StoredStatus | 'expired';

export type CertificateRecord = {
  number: string;
  userId: string;
  holderName: string;
  icMasked?: string;
  orgId: string;
  course: CompletionFacts['course'];
  completedAt: string;
  issuedAt: string;
  /** completedAt + the course's validityMonths; none = valid without end. */
  expiresAt?: string;
  status: StoredStatus;
  /** The certificate this one renews (refresher course) / the one that renewed it. */
  renews?: string;
  renewedBy?: string;
  /** Reissue after a name correction: the one this replaces / the one that replaced it. */
  reissueOf?: string;
  supersededBy?: string;
  revocation?: { at: string; by: string; reason: string };
  /** Position in the revocation status list, given when the credential is first signed. */
  statusEntry?: { list: number; index: number };
  /** The signed Open Badges credential (VC-JWT), cached once signed. */
  credential?: string;
  /** S3 key of the generated PDF, once generated. */
  pdfKey?: string;
  /** Bumped on every change: writes are conditional on it. */
  version: number;
};

/** `iso` plus whole calendar months (UTC), clamped to the month's last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const d = new Date(iso);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return target.toISOString();
}

/** What verification says now: revoked and superseded win over expired. */
export function statusAt(record: Pick<CertificateRecord, 'status' | 'expiresAt'>, now: Date): CertificateStatus {
  if (record.status !== 'valid') return record.status;
  if (record.expiresAt && Date.parse(record.expiresAt) <= now.getTime()) return 'expired';
  return 'valid';
}

/** The DynamoDB item of a record (keys and index keys added). */
export function certificateItem(c: CertificateRecord) {
  return {
    pk: certPk(c.number), sk: CERT_SK, type: 'certificate', ...c,
    gsi1pk: userCertsPk(c.userId), gsi1sk: certSortKey(c.completedAt, c.number),
    gsi2pk: courseCertsPk(c.course.code), gsi2sk: certSortKey(c.completedAt, c.number),
  };
}

/** A record from its item (keys dropped). */
export function fromItem(item: Record<string, unknown>): CertificateRecord {
  const { pk: _pk, sk: _sk, type: _t, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, ...rest } = item;
  return rest as CertificateRecord;
}

/** A new record for a completion (also used by reissue, with its own links). */
export function newCertificate(facts: CompletionFacts, now: Date, random?: () => Uint8Array): CertificateRecord {
  return {
    number: newCertificateNumber(now, random),
    userId: facts.userId,
    holderName: facts.holderName,
    ...(facts.icMasked ? { icMasked: facts.icMasked } : {}),
    orgId: facts.orgId,
    course: facts.course,
    completedAt: facts.completedAt,
    issuedAt: now.toISOString(),
    ...(facts.course.validityMonths ? { expiresAt: addMonths(facts.completedAt, facts.course.validityMonths) } : {}),
    status: 'valid',
    ...(facts.renews ? { renews: facts.renews } : {}),
    version: 1,
  };
}

/**
 * Pure: the certificate record and the DynamoDB transaction items that create it exactly once
 * (conditional on no certificate existing for this userId+code+version), to be written in the
 * SAME TransactWriteItems as the completion. No I/O.
 */
export function certificateIssueItems(tableName: string, facts: CompletionFacts, now: Date, random?: () => Uint8Array):
  { certificate: CertificateRecord; items: TransactItem[] } {
  const certificate = newCertificate(facts, now, random);
  const items: TransactItem[] = [
    {
      Put: {
        TableName: tableName,
        Item: {
          pk: guardPk(facts.userId, facts.course.code, facts.course.version), sk: GUARD_SK, type: 'certificate-guard',
          number: certificate.number, userId: facts.userId, completedAt: facts.completedAt,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
    { Put: { TableName: tableName, Item: certificateItem(certificate), ConditionExpression: 'attribute_not_exists(pk)' } },
  ];
  if (facts.renews) {
    items.push({
      Update: {
        TableName: tableName,
        Key: { pk: certPk(facts.renews), sk: CERT_SK },
        UpdateExpression: 'SET renewedBy = :n, version = version + :one',
        ConditionExpression: 'attribute_exists(pk) AND userId = :u',
        ExpressionAttributeValues: { ':n': certificate.number, ':u': facts.userId, ':one': 1 },
      },
    });
  }
  return { certificate, items };
}
