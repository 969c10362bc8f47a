/**
 * Keys of the learning context (the access-pattern table is in docs/architecture.md).
 *
 *   enrolment      pk=USER#<userId>  sk=ENROL#<code>
 *                  gsi1pk=ORGENROL#<orgId>     gsi1sk=<code>#<userId>                     coordinator: a unit's enrolments, by course
 *                  gsi2pk=COURSEENROL#<code>   gsi2sk=<status>#<requestedAt>#<userId>     course report; approval queue and waiting list, oldest first
 *   quiz attempt   pk=USER#<userId>  sk=ATTEMPT#<code>#<nnn>
 *   completion     pk=USER#<userId>  sk=COMPLETION#<yyyy>#<code>#<version>              the training record, by Malaysian calendar year
 *                  gsi1pk=COMPLETIONS#<yyyy-mm>  gsi1sk=<completedAt>#<userId>             exports (EPSA) by month
 *   learner        pk=USER#<userId>  sk=LEARNER                                           counts and hours per year, for dashboards
 *                  gsi3pk=ORGLEARNERS#<orgId>  gsi3sk=<userId>
 *   seats          pk=COURSE#<code>  sk=SEATS                                             seats taken (capacity is the course's)
 *   path           pk=USER#<userId>  sk=PATH#<programme>#<track|->                    a programme path: its courses are enrolled as prerequisites allow
 *   idempotency    pk=USER#<userId>  sk=IDEM#<key>     expiresAt (TTL, 24 h)              the first answer to a submission, replayed on retries
 */
import { coursePk } from '../catalogue/keys';
import { userPk } from '../identity/keys';

export { coursePk, userPk };
export const ENROL_PREFIX = 'ENROL#';
export const enrolSk = (code: string) => `${ENROL_PREFIX}${code}`;
export const orgEnrolPk = (orgId: string) => `ORGENROL#${orgId}`;
export { courseEnrolmentsPk as courseEnrolPk } from '../catalogue/keys';
export const courseEnrolSk = (status: string, requestedAt: string, userId: string) => `${status}#${requestedAt}#${userId}`;
export const attemptSk = (code: string, n: number) => `ATTEMPT#${code}#${String(n).padStart(3, '0')}`;
export const attemptPrefix = (code: string) => `ATTEMPT#${code}#`;
export const COMPLETION_PREFIX = 'COMPLETION#';
export const completionSk = (year: number, code: string, version: string) => `${COMPLETION_PREFIX}${year}#${code}#${version}`;
export const completionsMonthPk = (yearMonth: string) => `COMPLETIONS#${yearMonth}`;
export const LEARNER_SK = 'LEARNER';
export const orgLearnersPk = (orgId: string) => `ORGLEARNERS#${orgId}`;
export const SEATS_SK = 'SEATS';
export const idemSk = (key: string) => `IDEM#${key}`;
export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
export const PATH_PREFIX = 'PATH#';
export const pathSk = (programme: string, track?: string) => `${PATH_PREFIX}${programme}#${track ?? '-'}`;
