/**
 * Writes a small, valid content tree into a temporary folder: tests change one thing in it
 * and see what the checker and the sync do. Course files follow content/ exactly.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

export type FixtureCourse = {
  code: string;
  programme: '3.1' | '7.1' | '7.2';
  track?: 'school' | 'rural';
  category: string;
  mode?: 'self-paced' | 'face-to-face' | 'blended';
  languages?: ('ms' | 'en')[];
  titleMs?: string;
  titleEn?: string;
  prerequisites?: string[];
};

const bi = (ms: string, en: string) => ({ ms, en });

export function courseYaml(c: FixtureCourse) {
  return {
    code: c.code,
    title: bi(c.titleMs ?? `Kursus ${c.code}`, c.titleEn ?? `Course ${c.code}`),
    summary: bi(`Ringkasan kursus ${c.code}.`, `Summary of course ${c.code}.`),
    programme: c.programme,
    ...(c.track ? { track: c.track } : {}),
    category: c.category,
    mode: c.mode ?? 'self-paced',
    hours: 6,
    trainingCategory: 'self-learning',
    audience: c.programme === '3.1' ? ['civil-servant'] : c.programme === '7.2' ? ['teacher'] : ['public'],
    level: 'beginner',
    languages: c.languages ?? ['ms', 'en'],
    prerequisites: c.prerequisites ?? [],
    outcomes: [bi('Memahami asas.', 'Understand the basics.')],
    modules: [
      {
        id: 'asas',
        title: bi('Asas', 'Basics'),
        lessons: [
          { id: 'pengenalan', title: bi('Pengenalan', 'Introduction'), minutes: 15 },
          { id: 'amalan', title: bi('Amalan', 'Practice'), minutes: 20 },
        ],
      },
    ],
  };
}

export function quizYaml() {
  const q = (id: string) => ({
    id,
    prompt: bi(`Soalan ${id}?`, `Question ${id}?`),
    options: [
      { id: 'a', text: bi('Ya', 'Yes') },
      { id: 'b', text: bi('Tidak', 'No') },
    ],
    correct: ['a'],
  });
  return { passMark: 70, maxAttempts: 3, showCorrectAnswers: true, questions: [q('q1'), q('q2'), q('q3')] };
}

export const programmesYaml = {
  programmes: [
    { id: '3.1', strategy: 'Strategi 3.1', order: 1, title: bi('Penjawat Awam', 'Civil Servants'), summary: bi('Untuk penjawat awam.', 'For civil servants.'), audience: ['civil-servant'], selfEnrolment: true },
    {
      id: '7.1', strategy: 'Strategi 7.1', order: 2, title: bi('Kelas Digital', 'Digital Classes'), summary: bi('Kelas percuma.', 'Free classes.'), audience: ['public', 'student'], selfEnrolment: true,
      tracks: [
        { id: 'school', title: bi('Sekolah', 'Schools'), summary: bi('Sekolah.', 'Schools.') },
        { id: 'rural', title: bi('Luar Bandar', 'Rural'), summary: bi('Luar bandar.', 'Rural.') },
      ],
    },
    { id: '7.2', strategy: 'Strategi 7.2', order: 3, title: bi('Pendidik', 'Educators'), summary: bi('Untuk pendidik.', 'For educators.'), audience: ['teacher'], selfEnrolment: false },
  ],
};

export const categoriesYaml = {
  categories: [
    { id: 'data-analytics', title: bi('Analitik Data', 'Data Analytics') },
    { id: 'cyber-security', title: bi('Keselamatan Siber', 'Cyber Security') },
    { id: 'cyber-safety', title: bi('Keselamatan Dalam Talian', 'Cyber Safety') },
    { id: 'coding', title: bi('Pengekodan', 'Coding') },
  ],
};

export const orgYaml = {
  units: [
    { id: 'MY-05', kind: 'state', name: bi('Negeri Sembilan', 'Negeri Sembilan'), code: 'MY-05' },
    { id: 'D-0505', kind: 'district', name: bi('Seremban', 'Seremban'), parent: 'MY-05', code: '0505', districts: ['0505'] },
  ],
};

export const lessonBody = (lang: string, id: string) =>
  `## ${id}\n\n${lang === 'ms' ? 'Isi pelajaran ini menerangkan perkara asas dengan contoh yang jelas.' : 'This lesson explains the basics with a clear example.'}\n`;

export class ContentFixture {
  readonly root = mkdtempSync(join(tmpdir(), 'latih-content-'));

  constructor(courses: FixtureCourse[]) {
    this.writeYaml('programmes.yaml', programmesYaml);
    this.writeYaml('categories.yaml', categoriesYaml);
    this.writeYaml('org/state.yaml', orgYaml);
    this.writeYaml('training-rules.yaml', {
      hoursPerDay: 6, targetDays: 7, yearlyHourCaps: { 'learning-session': 30 },
      source: bi('Pekeliling Perkhidmatan Bil. 6/2005', 'Service Circular No. 6/2005'),
    });
    for (const c of courses) this.addCourse(c);
  }

  /** A copy of the repository's real content/ instead of the generated one. */
  static fromDirectory(dir: string): ContentFixture {
    const f = new ContentFixture([]);
    rmSync(f.root, { recursive: true, force: true });
    cpSync(dir, f.root, { recursive: true });
    return f;
  }

  addCourse(c: FixtureCourse) {
    const course = courseYaml(c);
    this.writeYaml(`courses/${c.code}/course.yaml`, course);
    this.writeYaml(`courses/${c.code}/quiz.yaml`, quizYaml());
    for (const lesson of course.modules.flatMap((m) => m.lessons)) {
      for (const lang of ['ms', 'en']) this.write(`courses/${c.code}/lessons/${lesson.id}.${lang}.md`, lessonBody(lang, lesson.id));
    }
  }

  removeCourse(code: string) {
    rmSync(join(this.root, 'courses', code), { recursive: true, force: true });
  }

  writeYaml(path: string, data: unknown) {
    this.write(path, stringify(data));
  }

  write(path: string, text: string) {
    const file = join(this.root, path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
  }

  remove(path: string) {
    rmSync(join(this.root, path), { force: true });
  }

  cleanup() {
    rmSync(this.root, { recursive: true, force: true });
  }
}
