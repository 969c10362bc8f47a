import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../functions/catalogue/content/load';
import { ContentFixture, courseYaml, quizYaml } from '../support/content-fixture';

const repoRoot = join(import.meta.dirname, '../..');
let fixture: ContentFixture;
afterEach(() => fixture?.cleanup());

function problemsOf(f: ContentFixture) {
  return loadContent(f.root).problems;
}

describe('content check', () => {
  it('accepts a valid tree and loads it', () => {
    fixture = new ContentFixture([{ code: 'DA-301', programme: '3.1', category: 'data-analytics' }]);
    const { content, problems } = loadContent(fixture.root);
    expect(problems).toEqual([]);
    expect(content.courses.map((c) => c.course.code)).toEqual(['DA-301']);
    expect(content.courses[0]!.lessons.get('pengenalan')?.ms).toContain('Isi pelajaran');
  });

  it('the repository content/ is valid, with at least 12 courses across the three programmes', () => {
    const { content, problems } = loadContent(join(repoRoot, 'content'));
    expect(problems).toEqual([]);
    expect(content.courses.length).toBeGreaterThanOrEqual(12);
    expect(new Set(content.courses.map((c) => c.course.programme))).toEqual(new Set(['3.1', '7.1', '7.2']));
    for (const { course, quiz } of content.courses) {
      expect(course.modules.flatMap((m) => m.lessons).length, course.code).toBeGreaterThanOrEqual(3);
      expect(quiz.questions.length, course.code).toBeGreaterThanOrEqual(3);
    }
    const kinds = new Set(content.orgUnits.map((u) => u.kind));
    expect(kinds).toEqual(new Set(['state', 'district', 'ppd', 'council', 'agency', 'school', 'community-centre']));
    expect(content.orgUnits.filter((u) => u.kind === 'district')).toHaveLength(7);
  });

  it('rejects a course without a Malay title, naming the file and field', () => {
    fixture = new ContentFixture([{ code: 'DA-301', programme: '3.1', category: 'data-analytics' }]);
    const course = courseYaml({ code: 'DA-301', programme: '3.1', category: 'data-analytics' });
    fixture.writeYaml('courses/DA-301/course.yaml', { ...course, title: { ms: '', en: 'Data' } });
    expect(problemsOf(fixture)).toEqual([
      expect.objectContaining({ file: 'courses/DA-301/course.yaml', field: 'title.ms', message: expect.objectContaining({ en: expect.stringMatching(/Malay/) }) }),
    ]);
  });

  it('rejects an unknown programme', () => {
    fixture = new ContentFixture([]);
    const course = courseYaml({ code: 'DA-301', programme: '3.1', category: 'data-analytics' });
    fixture.addCourse({ code: 'DA-301', programme: '3.1', category: 'data-analytics' });
    fixture.writeYaml('courses/DA-301/course.yaml', { ...course, programme: '9.9' });
    const problems = problemsOf(fixture);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'courses/DA-301/course.yaml', field: 'programme' });
  });

  it('rejects a quiz answer that is not among the options', () => {
    fixture = new ContentFixture([{ code: 'DA-301', programme: '3.1', category: 'data-analytics' }]);
    const quiz = quizYaml();
    quiz.questions[1]!.correct = ['z'];
    fixture.writeYaml('courses/DA-301/quiz.yaml', quiz);
    expect(problemsOf(fixture)).toEqual([
      expect.objectContaining({
        file: 'courses/DA-301/quiz.yaml',
        field: 'questions.1.correct',
        message: { ms: expect.stringContaining('"z" bukan salah satu pilihan'), en: 'answer "z" is not one of the options (a, b)' },
      }),
    ]);
  });

  it('rejects a single-answer question with two correct answers', () => {
    fixture = new ContentFixture([{ code: 'DA-301', programme: '3.1', category: 'data-analytics' }]);
    const quiz = quizYaml();
    quiz.questions[0]!.correct = ['a', 'b'];
    fixture.writeYaml('courses/DA-301/quiz.yaml', quiz);
    expect(problemsOf(fixture).map((p) => p.field)).toEqual(['questions.0.correct']);
  });

  it('rejects a missing English lesson file and an orphan lesson file', () => {
    fixture = new ContentFixture([{ code: 'DA-301', programme: '3.1', category: 'data-analytics' }]);
    fixture.remove('courses/DA-301/lessons/amalan.en.md');
    fixture.write('courses/DA-301/lessons/lama.ms.md', '## Lama\n\nPelajaran lama yang tidak lagi disenaraikan dalam kursus.');
    const problems = problemsOf(fixture);
    expect(problems.map((p) => [p.file, p.field])).toEqual([
      ['courses/DA-301/lessons/amalan.en.md', 'lessons.amalan'],
      ['courses/DA-301/lessons/lama.ms.md', '-'],
    ]);
  });

  it('rejects a folder that does not match the course code, a missing track and an unknown category', () => {
    fixture = new ContentFixture([{ code: 'KS-101', programme: '7.1', category: 'cyber-safety' }]);
    const problems = problemsOf(fixture);
    expect(problems.map((p) => p.field)).toEqual(['track']);
    fixture.writeYaml('courses/KS-101/course.yaml', { ...courseYaml({ code: 'KS-102', programme: '7.1', track: 'school', category: 'nope' }) });
    expect(problemsOf(fixture).map((p) => p.field).sort()).toEqual(['category', 'code']);
  });

  it('rejects unknown and circular prerequisites', () => {
    fixture = new ContentFixture([
      { code: 'AA-101', programme: '3.1', category: 'data-analytics', prerequisites: ['BB-101'] },
      { code: 'BB-101', programme: '3.1', category: 'data-analytics', prerequisites: ['AA-101'] },
      { code: 'CC-101', programme: '3.1', category: 'data-analytics', prerequisites: ['ZZ-999'] },
    ]);
    const problems = problemsOf(fixture);
    expect(problems.filter((p) => p.message.en.includes('cycle')).map((p) => p.file).sort()).toEqual([
      'courses/AA-101/course.yaml',
      'courses/BB-101/course.yaml',
    ]);
    expect(problems.find((p) => p.file === 'courses/CC-101/course.yaml')?.message.en).toBe('prerequisite "ZZ-999" is not an existing course');
  });

  it('reports invalid YAML with its line, and an unknown field', () => {
    fixture = new ContentFixture([{ code: 'DA-301', programme: '3.1', category: 'data-analytics' }]);
    fixture.write('courses/DA-301/quiz.yaml', 'passMark: 70\nquestions: [\n');
    fixture.writeYaml('categories.yaml', { categories: [{ id: 'data-analytics', title: { ms: 'A', en: 'A' }, colour: 'red' }] });
    const problems = problemsOf(fixture);
    expect(problems.find((p) => p.file === 'courses/DA-301/quiz.yaml')?.field).toMatch(/^line \d+$/);
    expect(problems.find((p) => p.file === 'categories.yaml')).toMatchObject({ field: 'categories.0' });
  });

  it('rejects an organisation unit whose parent does not exist', () => {
    fixture = new ContentFixture([]);
    fixture.writeYaml('org/schools.yaml', { units: [{ id: 'SCH-1', kind: 'school', name: { ms: 'SK A', en: 'SK A' }, parent: 'PPD-NOWHERE', sample: true }] });
    expect(problemsOf(fixture)).toEqual([
      expect.objectContaining({ file: 'org/schools.yaml', field: 'SCH-1.parent', message: { ms: 'induk "PPD-NOWHERE" tidak wujud', en: 'parent "PPD-NOWHERE" does not exist' } }),
    ]);
  });

  it('npm run content:check exits non-zero and prints each problem with file and field', () => {
    fixture = new ContentFixture([{ code: 'DA-301', programme: '3.1', category: 'data-analytics' }]);
    fixture.remove('courses/DA-301/quiz.yaml');
    let output = '';
    let status = 0;
    try {
      execFileSync('npx', ['tsx', 'functions/catalogue/content/cli.ts', 'check', fixture.root], { cwd: repoRoot, encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      const e = err as { status: number; stderr: string };
      status = e.status;
      output = e.stderr;
    }
    expect(status).toBe(1);
    expect(output).toContain('courses/DA-301/quiz.yaml [-]');
    expect(output).toContain('en: file is missing');
  });
});
