/**
 * Reads `content/` into typed values and checks every rule a reviewer would: schema,
 * cross-references, lesson files in both languages, quiz answers among the options, the
 * organisation tree. Each problem names its file and field, in BM and EN.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { en, ms } from 'zod/locales';
import type { z } from 'zod';
import {
  CategoriesFile,
  CourseFile,
  OrgFile,
  ProgrammesFile,
  QuizFile,
  TrainingRulesFile,
  type Bilingual,
  type Category,
  type CourseFile as CourseFileT,
  type OrgUnit,
  type Programme,
  type QuizFile as QuizFileT,
  type TrainingRules,
} from './schema';

export type Problem = { file: string; field: string; message: Bilingual };

export type LoadedCourse = {
  course: CourseFileT;
  quiz: QuizFileT;
  /** lesson id -> body per language */
  lessons: Map<string, Bilingual>;
};

export type Content = {
  programmes: Programme[];
  categories: Category[];
  courses: LoadedCourse[];
  orgUnits: OrgUnit[];
  trainingRules: TrainingRules;
};

const zodLocales = { ms: ms(), en: en() };

/** Used only when training-rules.yaml is invalid (the load then reports a problem and nothing syncs). */
const defaultTrainingRules: TrainingRules = {
  hoursPerDay: 6, targetDays: 7, yearlyHourCaps: { 'learning-session': 30 }, source: { ms: '-', en: '-' },
};

/** One block per problem: file [field], then the message in both languages. */
export function formatProblems(problems: Problem[]): string {
  return problems.map((p) => `${p.file} [${p.field}]\n    ms: ${p.message.ms}\n    en: ${p.message.en}`).join('\n');
}

class Collector {
  readonly problems: Problem[] = [];
  constructor(readonly root: string) {}
  add(file: string, field: string, msText: string, enText: string) {
    this.problems.push({ file: relative(this.root, file) || file, field, message: { ms: msText, en: enText } });
  }
  /** Parse a YAML file against a schema; record every problem; undefined when invalid. */
  parse<S extends z.ZodType>(file: string, schema: S): z.output<S> | undefined {
    if (!existsSync(file)) {
      this.add(file, '-', 'fail tiada', 'file is missing');
      return undefined;
    }
    const doc = parseDocument(readFileSync(file, 'utf8'), { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length) {
      for (const err of doc.errors) {
        const where = err.linePos?.[0] ? `line ${err.linePos[0].line}` : '-';
        this.add(file, where, `YAML tidak sah: ${err.code}`, `invalid YAML: ${err.message.split('\n')[0]}`);
      }
      return undefined;
    }
    const result = schema.safeParse(doc.toJS(), { reportInput: true });
    if (!result.success) {
      for (const issue of result.error.issues) {
        // Custom messages in the schema are already bilingual; zod's own are rendered per locale.
        const custom = issue.message.includes(' / ') ? issue.message.split(' / ') : undefined;
        this.add(
          file,
          issue.path.join('.') || '-',
          custom?.[0] ?? String(zodLocales.ms.localeError(issue as never)),
          custom?.[1] ?? String(zodLocales.en.localeError(issue as never)),
        );
      }
      return undefined;
    }
    return result.data;
  }
}

function listDirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory()).sort();
}

function listFiles(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name.endsWith(suffix) && statSync(join(dir, name)).isFile()).sort();
}

function duplicates<T>(values: T[]): T[] {
  const seen = new Set<T>();
  const dup = new Set<T>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

function loadCourse(c: Collector, dir: string, programmes: Programme[], categories: Category[]): LoadedCourse | undefined {
  const courseYaml = join(dir, 'course.yaml');
  const quizYaml = join(dir, 'quiz.yaml');
  const course = c.parse(courseYaml, CourseFile);
  const quiz = c.parse(quizYaml, QuizFile);
  if (!course) return undefined;

  const folder = dir.split('/').at(-1);
  if (course.code !== folder) {
    c.add(courseYaml, 'code', `kod "${course.code}" mesti sama dengan nama folder "${folder}"`, `code "${course.code}" must equal the folder name "${folder}"`);
  }
  const programme = programmes.find((p) => p.id === course.programme);
  if (!programme) {
    c.add(courseYaml, 'programme', `program "${course.programme}" tiada dalam programmes.yaml`, `programme "${course.programme}" is not in programmes.yaml`);
  } else if (programme.tracks.length && !course.track) {
    c.add(courseYaml, 'track', `program ${programme.id} memerlukan trek (${programme.tracks.map((t) => t.id).join(', ')})`, `programme ${programme.id} needs a track (${programme.tracks.map((t) => t.id).join(', ')})`);
  } else if (course.track && !programme.tracks.some((t) => t.id === course.track)) {
    c.add(courseYaml, 'track', `trek "${course.track}" bukan trek program ${programme.id}`, `track "${course.track}" is not a track of programme ${programme.id}`);
  }
  if (!categories.some((cat) => cat.id === course.category)) {
    c.add(courseYaml, 'category', `kategori "${course.category}" tiada dalam categories.yaml`, `category "${course.category}" is not in categories.yaml`);
  }
  if (course.prerequisites.includes(course.code)) {
    c.add(courseYaml, 'prerequisites', 'kursus tidak boleh menjadi prasyarat dirinya sendiri', 'a course cannot be its own prerequisite');
  }
  for (const id of duplicates(course.modules.map((m) => m.id))) {
    c.add(courseYaml, 'modules', `id modul "${id}" berulang`, `module id "${id}" is repeated`);
  }
  const lessonIds = course.modules.flatMap((m) => m.lessons.map((l) => l.id));
  for (const id of duplicates(lessonIds)) {
    c.add(courseYaml, 'modules.lessons', `id pelajaran "${id}" berulang`, `lesson id "${id}" is repeated`);
  }

  const lessonsDir = join(dir, 'lessons');
  const lessons = new Map<string, Bilingual>();
  for (const id of lessonIds) {
    const body: Partial<Bilingual> = {};
    for (const lang of ['ms', 'en'] as const) {
      const file = join(lessonsDir, `${id}.${lang}.md`);
      if (!existsSync(file)) {
        c.add(file, `lessons.${id}`, `fail pelajaran ${lang === 'ms' ? 'Bahasa Melayu' : 'Bahasa Inggeris'} tiada`, `the ${lang === 'ms' ? 'Malay' : 'English'} lesson file is missing`);
        continue;
      }
      const text = readFileSync(file, 'utf8').trim();
      if (text.length < 50) c.add(file, `lessons.${id}`, 'isi pelajaran terlalu pendek', 'the lesson body is too short');
      body[lang] = text;
    }
    if (body.ms && body.en) lessons.set(id, { ms: body.ms, en: body.en });
  }
  for (const name of listFiles(lessonsDir, '.md')) {
    const match = /^(.+)\.(ms|en)\.md$/.exec(name);
    if (!match || !lessonIds.includes(match[1]!)) {
      c.add(join(lessonsDir, name), '-', 'fail ini bukan pelajaran dalam course.yaml (namakan <id>.ms.md / <id>.en.md)', 'this file is not a lesson of course.yaml (name it <id>.ms.md / <id>.en.md)');
    }
  }

  if (quiz) {
    for (const id of duplicates(quiz.questions.map((q) => q.id))) {
      c.add(quizYaml, 'questions', `id soalan "${id}" berulang`, `question id "${id}" is repeated`);
    }
    quiz.questions.forEach((q, i) => {
      const field = `questions.${i}.correct`;
      const optionIds = q.options.map((o) => o.id);
      for (const id of duplicates(optionIds)) {
        c.add(quizYaml, `questions.${i}.options`, `id pilihan "${id}" berulang`, `option id "${id}" is repeated`);
      }
      for (const answer of q.correct) {
        if (!optionIds.includes(answer)) {
          c.add(quizYaml, field, `jawapan "${answer}" bukan salah satu pilihan (${optionIds.join(', ')})`, `answer "${answer}" is not one of the options (${optionIds.join(', ')})`);
        }
      }
      if (q.kind === 'single' && q.correct.length !== 1) {
        c.add(quizYaml, field, 'soalan jenis single mesti ada tepat satu jawapan betul', 'a single-answer question must have exactly one correct answer');
      }
      if (duplicates(q.correct).length) {
        c.add(quizYaml, field, 'jawapan betul berulang', 'a correct answer is repeated');
      }
    });
  }
  return quiz ? { course, quiz, lessons } : undefined;
}

function checkPrerequisites(c: Collector, root: string, courses: LoadedCourse[]) {
  const byCode = new Map(courses.map((lc) => [lc.course.code, lc.course]));
  for (const { course } of courses) {
    const file = join(root, 'courses', course.code, 'course.yaml');
    if (course.refresherFor && !byCode.has(course.refresherFor)) {
      c.add(file, 'refresherFor', `"${course.refresherFor}" bukan kursus yang wujud`, `"${course.refresherFor}" is not an existing course`);
    }
    if (course.refresherFor && !byCode.get(course.refresherFor)?.validityMonths) {
      c.add(file, 'refresherFor', `sijil "${course.refresherFor}" tidak tamat tempoh, jadi tiada apa untuk diperbaharui`, `"${course.refresherFor}" certificates do not expire, so there is nothing to renew`);
    }
    for (const pre of course.prerequisites) {
      if (!byCode.has(pre)) c.add(file, 'prerequisites', `prasyarat "${pre}" bukan kursus yang wujud`, `prerequisite "${pre}" is not an existing course`);
    }
    // A cycle would make a course impossible to enrol in.
    const seen = new Set<string>();
    const stack = [...course.prerequisites];
    while (stack.length) {
      const code = stack.pop()!;
      if (code === course.code) {
        c.add(file, 'prerequisites', 'prasyarat membentuk kitaran', 'the prerequisites form a cycle');
        break;
      }
      if (seen.has(code)) continue;
      seen.add(code);
      stack.push(...(byCode.get(code)?.prerequisites ?? []));
    }
  }
}

function checkOrgTree(c: Collector, root: string, units: { unit: OrgUnit; file: string }[]) {
  const byId = new Map<string, OrgUnit>();
  for (const { unit, file } of units) {
    if (byId.has(unit.id)) c.add(file, unit.id, `id unit "${unit.id}" berulang`, `unit id "${unit.id}" is repeated`);
    byId.set(unit.id, unit);
  }
  const states = units.filter(({ unit }) => unit.kind === 'state');
  if (states.length !== 1) c.add(join(root, 'org'), 'kind', 'mesti ada tepat satu unit negeri', 'there must be exactly one state unit');
  for (const { unit, file } of units) {
    if (unit.kind === 'state') {
      if (unit.parent) c.add(file, `${unit.id}.parent`, 'unit negeri tidak mempunyai induk', 'the state unit has no parent');
      continue;
    }
    if (!unit.parent) {
      c.add(file, `${unit.id}.parent`, 'induk diperlukan', 'a parent is required');
    } else if (!byId.has(unit.parent)) {
      c.add(file, `${unit.id}.parent`, `induk "${unit.parent}" tidak wujud`, `parent "${unit.parent}" does not exist`);
    } else {
      const seen = new Set([unit.id]);
      for (let p = byId.get(unit.parent); p?.parent; p = byId.get(p.parent)) {
        if (seen.has(p.id)) {
          c.add(file, `${unit.id}.parent`, 'induk membentuk kitaran', 'the parents form a cycle');
          break;
        }
        seen.add(p.id);
      }
    }
  }
}

/** Loads and checks everything under `root` (the content folder). */
export function loadContent(root: string): { content: Content; problems: Problem[] } {
  const c = new Collector(root);
  const programmes = c.parse(join(root, 'programmes.yaml'), ProgrammesFile)?.programmes ?? [];
  const categories = c.parse(join(root, 'categories.yaml'), CategoriesFile)?.categories ?? [];
  const trainingRules = c.parse(join(root, 'training-rules.yaml'), TrainingRulesFile) ?? defaultTrainingRules;
  for (const id of duplicates(programmes.map((p) => p.id))) c.add(join(root, 'programmes.yaml'), 'programmes', `program "${id}" berulang`, `programme "${id}" is repeated`);
  for (const id of duplicates(categories.map((x) => x.id))) c.add(join(root, 'categories.yaml'), 'categories', `kategori "${id}" berulang`, `category "${id}" is repeated`);

  const courses: LoadedCourse[] = [];
  for (const folder of listDirs(join(root, 'courses'))) {
    const loaded = loadCourse(c, join(root, 'courses', folder), programmes, categories);
    if (loaded) courses.push(loaded);
  }
  checkPrerequisites(c, root, courses);

  const units: { unit: OrgUnit; file: string }[] = [];
  for (const name of listFiles(join(root, 'org'), '.yaml')) {
    const file = join(root, 'org', name);
    for (const unit of c.parse(file, OrgFile)?.units ?? []) units.push({ unit, file });
  }
  checkOrgTree(c, root, units);

  return { content: { programmes, categories, courses, orgUnits: units.map((u) => u.unit), trainingRules }, problems: c.problems };
}
