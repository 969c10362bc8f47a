/**
 * The catalogue's wire contract, in zod/mini: request schemas validate at the edge,
 * response schemas type the handlers, and both generate the OpenAPI document and type
 * the web client. Titles and summaries carry both languages so the web can switch
 * language without a refetch; error messages follow Accept-Language.
 */
import * as z from 'zod/mini';

export const programmeIds = ['3.1', '7.1', '7.2'] as const;
export const tracks = ['school', 'rural'] as const;
export const deliveryModes = ['self-paced', 'face-to-face', 'blended'] as const;
export const trainingCategories = ['formal', 'learning-session', 'self-learning'] as const;
export const audiences = ['civil-servant', 'teacher', 'student', 'public'] as const;
export const levels = ['beginner', 'intermediate', 'advanced'] as const;
export const courseStatuses = ['active', 'retired'] as const;

export const Bilingual = z.object({ ms: z.string(), en: z.string() });

export const CourseCodeParam = z.object({
  code: z.string().check(z.regex(/^[A-Z0-9]{2,8}(-[A-Z0-9]{2,8}){1,3}$/)),
});

export const ProgrammeIdParam = z.object({ id: z.enum(programmeIds) });

export const CourseListQuery = z.object({
  programme: z.optional(z.enum(programmeIds)),
  track: z.optional(z.enum(tracks)),
  category: z.optional(z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), z.maxLength(40))),
  mode: z.optional(z.enum(deliveryModes)),
  language: z.optional(z.enum(['ms', 'en'])),
  /** Free text over code, titles, summaries, category and lesson titles, in either language. */
  q: z.optional(z.string().check(z.trim(), z.minLength(2), z.maxLength(100))),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(50))),
  /** Opaque; from the previous page's `nextCursor`. */
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});
export type CourseListQuery = z.output<typeof CourseListQuery>;

export const Track = z.object({ id: z.enum(tracks), title: Bilingual, summary: Bilingual });

export const Programme = z.object({
  id: z.enum(programmeIds),
  strategy: z.string(),
  title: Bilingual,
  summary: Bilingual,
  audience: z.array(z.enum(audiences)),
  selfEnrolment: z.boolean(),
  tracks: z.array(Track),
  courseCount: z.number(),
});
export type Programme = z.output<typeof Programme>;

export const Category = z.object({ id: z.string(), title: Bilingual, courseCount: z.number() });
export type Category = z.output<typeof Category>;

export const CourseSummary = z.object({
  code: z.string(),
  title: Bilingual,
  summary: Bilingual,
  programme: z.enum(programmeIds),
  track: z.optional(z.enum(tracks)),
  category: z.string(),
  mode: z.enum(deliveryModes),
  hours: z.number(),
  trainingCategory: z.enum(trainingCategories),
  audience: z.array(z.enum(audiences)),
  level: z.enum(levels),
  languages: z.array(z.enum(['ms', 'en'])),
  lessonCount: z.number(),
  status: z.enum(courseStatuses),
});
export type CourseSummary = z.output<typeof CourseSummary>;

export const LessonOutline = z.object({ id: z.string(), title: Bilingual, minutes: z.number(), required: z.boolean() });
export const ModuleOutline = z.object({ id: z.string(), title: Bilingual, lessons: z.array(LessonOutline) });

export const CourseDetail = z.extend(CourseSummary, {
  version: z.string(),
  outcomes: z.array(Bilingual),
  prerequisites: z.array(z.object({ code: z.string(), title: Bilingual })),
  validityMonths: z.optional(z.number()),
  /** This course is the refresher of that one: completing it renews that certificate. */
  refresherFor: z.optional(z.string()),
  totalMinutes: z.number(),
  modules: z.array(ModuleOutline),
  quiz: z.object({ questionCount: z.number(), passMark: z.number(), maxAttempts: z.number() }),
  completion: z.object({ rule: z.literal('lessons-and-quiz') }),
  /** Seats, when limited (subsidised places); beyond it learners join a waiting list. */
  capacity: z.optional(z.number()),
  onNewVersion: z.optional(z.enum(['keep', 'move-forward'])),
});
export type CourseDetail = z.output<typeof CourseDetail>;

export const ProgrammeListResponse = z.object({ programmes: z.array(Programme) });
export const ProgrammeResponse = z.object({ programme: Programme });
export const CategoryListResponse = z.object({ categories: z.array(Category) });
export const CourseListResponse = z.object({ courses: z.array(CourseSummary), nextCursor: z.nullable(z.string()) });
export const CourseResponse = z.object({ course: CourseDetail });
