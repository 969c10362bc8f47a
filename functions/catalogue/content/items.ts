/**
 * Turns checked content into the catalogue's DynamoDB items. Pure: same content in, same
 * items out, each with a `contentHash` so a sync writes only what changed.
 */
import { canonicalJson as canonical } from '../../core/canonical';
import { createHash } from 'node:crypto';
import type { CourseDetail } from '../api';
import {
  CATALOGUE_PK,
  COURSES_GSI1PK,
  META,
  ORGS_GSI1PK,
  QUIZ_SK,
  categorySk,
  courseGsi1Sk,
  coursePk,
  lessonSk,
  orgGsi1Sk,
  orgPk,
  programmeSk,
} from '../keys';
import { normaliseText } from '../search';
import { renderLesson } from './markdown';
import { TRAINING_RULES_SK, courseSnapshotKey, type CourseSnapshot } from '../keys';

export { TRAINING_RULES_SK, courseSnapshotKey, type CourseSnapshot };
import type { Content, LoadedCourse } from './load';

export type Item = Record<string, unknown> & { pk: string; sk: string };

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function withHash<T extends Item>(item: T): T & { contentHash: string } {
  return { ...item, contentHash: sha256(canonical(item)) };
}

/** A course version names exactly what a learner studied: metadata, lessons and quiz. */
export function courseVersion({ course, quiz, lessons }: LoadedCourse): string {
  return sha256(canonical({ course, quiz, lessons: Object.fromEntries(lessons) })).slice(0, 12);
}

export function courseSnapshot(loaded: LoadedCourse): CourseSnapshot {
  const lessons = Object.fromEntries(loaded.lessons);
  const html = Object.fromEntries([...loaded.lessons].map(([id, body]) => [id, { ms: renderLesson(body.ms), en: renderLesson(body.en) }]));
  return { course: loaded.course, quiz: loaded.quiz, lessons, html };
}



function courseMeta(loaded: LoadedCourse, all: Map<string, LoadedCourse>, categoryTitles: Map<string, { ms: string; en: string }>): Item {
  const { course, quiz } = loaded;
  const lessons = course.modules.flatMap((m) => m.lessons);
  const detail: CourseDetail = {
    code: course.code,
    title: course.title,
    summary: course.summary,
    programme: course.programme,
    ...(course.track ? { track: course.track } : {}),
    category: course.category,
    mode: course.mode,
    hours: course.hours,
    trainingCategory: course.trainingCategory,
    audience: course.audience,
    level: course.level,
    languages: course.languages,
    lessonCount: lessons.length,
    status: 'active',
    version: courseVersion(loaded),
    outcomes: course.outcomes,
    prerequisites: course.prerequisites.map((code) => ({ code, title: all.get(code)?.course.title ?? { ms: code, en: code } })),
    ...(course.validityMonths ? { validityMonths: course.validityMonths } : {}),
    ...(course.refresherFor ? { refresherFor: course.refresherFor } : {}),
    totalMinutes: lessons.reduce((sum, l) => sum + l.minutes, 0),
    modules: course.modules.map((m) => ({
      id: m.id,
      title: m.title,
      lessons: m.lessons.map((l) => ({ id: l.id, title: l.title, minutes: l.minutes, required: l.required })),
    })),
    quiz: { questionCount: quiz.questions.length, passMark: quiz.passMark, maxAttempts: quiz.maxAttempts },
    completion: course.completion,
    ...(course.capacity ? { capacity: course.capacity } : {}),
    onNewVersion: course.onNewVersion,
  };
  const category = categoryTitles.get(course.category);
  const searchText = normaliseText(
    [
      course.code,
      course.title.ms, course.title.en,
      course.summary.ms, course.summary.en,
      category?.ms, category?.en,
      ...course.modules.flatMap((m) => [m.title.ms, m.title.en, ...m.lessons.flatMap((l) => [l.title.ms, l.title.en])]),
    ].filter(Boolean).join(' '),
  );
  return {
    pk: coursePk(course.code),
    sk: META,
    gsi1pk: COURSES_GSI1PK,
    gsi1sk: courseGsi1Sk(course.programme, course.track, course.code),
    ...detail,
    searchText,
  };
}

/** Every catalogue item the content describes. */
export function buildItems(content: Content): Item[] {
  const items: Item[] = [];
  const countBy = (key: (c: LoadedCourse) => string) => {
    const counts = new Map<string, number>();
    for (const c of content.courses) counts.set(key(c), (counts.get(key(c)) ?? 0) + 1);
    return counts;
  };
  const perProgramme = countBy((c) => c.course.programme);
  const perCategory = countBy((c) => c.course.category);

  for (const p of content.programmes) {
    items.push({
      pk: CATALOGUE_PK, sk: programmeSk(p.order, p.id),
      id: p.id, strategy: p.strategy, title: p.title, summary: p.summary, audience: p.audience,
      selfEnrolment: p.selfEnrolment, tracks: p.tracks, courseCount: perProgramme.get(p.id) ?? 0,
    });
  }
  items.push({ pk: CATALOGUE_PK, sk: TRAINING_RULES_SK, ...content.trainingRules });
  for (const c of content.categories) {
    items.push({ pk: CATALOGUE_PK, sk: categorySk(c.id), id: c.id, title: c.title, courseCount: perCategory.get(c.id) ?? 0 });
  }

  const byCode = new Map(content.courses.map((c) => [c.course.code, c]));
  const categoryTitles = new Map(content.categories.map((c) => [c.id, c.title]));
  for (const loaded of content.courses) {
    const pk = coursePk(loaded.course.code);
    for (const [lessonId, body] of loaded.lessons) {
      items.push({ pk, sk: lessonSk(lessonId), lessonId, body });
    }
    items.push({ pk, sk: QUIZ_SK, ...loaded.quiz });
    items.push(courseMeta(loaded, byCode, categoryTitles));
  }

  // Ancestors (nearest first) on every unit: one GetItem answers "is this unit under that one?"
  const units = new Map(content.orgUnits.map((u) => [u.id, u]));
  const ancestorsOf = (u: { parent?: string }) => {
    const chain: string[] = [];
    for (let p = u.parent; p && !chain.includes(p); p = units.get(p)?.parent) chain.push(p);
    return chain;
  };
  for (const u of content.orgUnits) {
    items.push({
      pk: orgPk(u.id), sk: META, gsi1pk: ORGS_GSI1PK, gsi1sk: orgGsi1Sk(u.parent, u.kind, u.id),
      ...u,
      ancestors: ancestorsOf(u),
    });
  }
  return items.map(withHash);
}
