/**
 * Single-table keys of the catalogue (docs/architecture.md has the access-pattern table).
 *
 *   programmes, categories   pk=CATALOGUE          sk=PROGRAMME#<order>#<id> | CATEGORY#<id>
 *   course (summary+outline) pk=COURSE#<code>      sk=META     gsi1pk=COURSES  gsi1sk=<programme>#<track|->#<code>
 *   lesson body              pk=COURSE#<code>      sk=LESSON#<lessonId>
 *   quiz (with answers)      pk=COURSE#<code>      sk=QUIZ
 *   training rules           pk=CATALOGUE          sk=TRAINING-RULES
 *   seats (learning)         pk=COURSE#<code>      sk=SEATS
 *   organisation unit        pk=ORG#<id>           sk=META     gsi1pk=ORGS     gsi1sk=<parent|->#<kind>#<id>
 *
 * A retired course keeps its items but loses gsi1pk/gsi1sk, so it drops out of listings
 * (sparse index) while enrolled learners can still open it by code.
 */
export const CATALOGUE_PK = 'CATALOGUE';
export const COURSES_GSI1PK = 'COURSES';
export const ORGS_GSI1PK = 'ORGS';
export const GSI1 = 'gsi1';

export const programmeSk = (order: number, id: string) => `PROGRAMME#${String(order).padStart(3, '0')}#${id}`;
export const categorySk = (id: string) => `CATEGORY#${id}`;
export const coursePk = (code: string) => `COURSE#${code}`;
export const META = 'META';
export const lessonSk = (lessonId: string) => `LESSON#${lessonId}`;
export const QUIZ_SK = 'QUIZ';
/** The learning context's index of a course's enrolments (gsi2): any item there means someone enrolled. */
export const courseEnrolmentsPk = (code: string) => `COURSEENROL#${code}`;

/** Listing order and prefix: programme, then track, then code. */
export const courseGsi1Sk = (programme: string, track: string | undefined, code: string) => `${programme}#${track ?? '-'}#${code}`;
export const courseListPrefix = (programme?: string, track?: string) =>
  programme ? (track ? `${programme}#${track}#` : `${programme}#`) : undefined;

export const orgPk = (id: string) => `ORG#${id}`;
export const orgGsi1Sk = (parent: string | undefined, kind: string, id: string) => `${parent ?? '-'}#${kind}#${id}`;

/** The gsi1sk of a course, recovered from a cursor, must look like this. */
export const COURSE_GSI1SK_PATTERN = /^(3\.1|7\.1|7\.2)#(school|rural|-)#([A-Z0-9]{2,8}(?:-[A-Z0-9]{2,8}){1,3})$/;

/** The training-day rules (content/training-rules.yaml), in the CATALOGUE partition. */
export const TRAINING_RULES_SK = 'TRAINING-RULES';

/**
 * The immutable snapshot of one course version in the content bucket: course, quiz (answers
 * included: the bucket is private) and each lesson in Markdown and rendered HTML. The learning
 * context serves enrolled learners from it, whatever version they are on.
 */
export function courseSnapshotKey(code: string, version: string) {
  return `courses/${code}/${version}/snapshot.json`;
}

export type CourseSnapshot = {
  course: import('./content/schema').CourseFile;
  quiz: import('./content/schema').QuizFile;
  lessons: Record<string, { ms: string; en: string }>;
  html: Record<string, { ms: string; en: string }>;
};
