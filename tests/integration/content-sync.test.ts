import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../functions/catalogue/content/load';
import { syncContent } from '../../functions/catalogue/content/sync';
import { catalogueStore } from '../../functions/catalogue/store';
import { ContentFixture, lessonBody } from '../support/content-fixture';
import { recordCommands } from '../support/recorder';
import { freshStorage, type TestStorage } from '../support/storage';

let storage: TestStorage;
let fixture: ContentFixture;

const courses = [
  { code: 'DA-301', programme: '3.1' as const, category: 'data-analytics' },
  { code: 'CS-301', programme: '3.1' as const, category: 'cyber-security' },
  { code: 'KS-101', programme: '7.1' as const, track: 'school' as const, category: 'cyber-safety' },
];

async function sync() {
  const { content, problems } = loadContent(fixture.root);
  expect(problems).toEqual([]);
  return syncContent(content, storage.clients, storage.config);
}

beforeEach(async () => {
  storage = await freshStorage('sync');
  fixture = new ContentFixture(courses);
});
afterEach(() => fixture.cleanup());

describe('content sync', () => {
  it('loads everything, then a second run writes nothing', async () => {
    const first = await sync();
    // 3 programmes + 4 categories + 3 courses x (2 lessons + quiz + meta) + 2 org units
    expect(first).toEqual({ written: 22, deleted: 0, retired: 0, unchanged: 0, snapshots: 3 });

    const recorder = recordCommands(storage.clients);
    const second = await sync();
    expect(second).toEqual({ written: 0, deleted: 0, retired: 0, unchanged: 22, snapshots: 0 });
    expect(recorder.writes()).toEqual([]);
    expect(recorder.commands).not.toContain('ScanCommand');
  });

  it('stores an immutable snapshot of each course version in the content bucket', async () => {
    await sync();
    const store = catalogueStore(storage.clients.ddb, storage.config.tableName);
    const course = await store.getCourse('DA-301');
    const snapshot = await storage.clients.s3.send(
      new GetObjectCommand({ Bucket: storage.config.contentBucket, Key: `courses/DA-301/${course!.version}/snapshot.json` }),
    );
    const body = JSON.parse(await snapshot.Body!.transformToString());
    expect(body.course.code).toBe('DA-301');
    expect(body.lessons.pengenalan.en).toContain('This lesson explains');
    // rendered once here, so no Lambda or page carries a Markdown parser
    expect(body.html.pengenalan.en).toMatch(/<h2>|<p>/);
  });

  it('rewrites only what changed when a lesson is edited, and keeps the old version snapshot', async () => {
    await sync();
    const store = catalogueStore(storage.clients.ddb, storage.config.tableName);
    const before = await store.getCourse('DA-301');
    fixture.write('courses/DA-301/lessons/amalan.en.md', `${lessonBody('en', 'amalan')}\nA new paragraph.\n`);

    const report = await sync();
    // the lesson itself and the course META (its version changed); a new snapshot
    expect(report).toMatchObject({ written: 2, deleted: 0, snapshots: 1 });
    const after = await store.getCourse('DA-301');
    expect(after!.version).not.toBe(before!.version);
    const listed = await storage.clients.s3.send(new ListObjectsV2Command({ Bucket: storage.config.contentBucket, Prefix: 'courses/DA-301/' }));
    expect(listed.KeyCount).toBe(2);
  });

  it('deletes the items of a lesson removed from a course', async () => {
    await sync();
    const course = JSON.parse(JSON.stringify((await import('../support/content-fixture')).courseYaml(courses[0]!)));
    course.modules[0].lessons.pop();
    fixture.writeYaml('courses/DA-301/course.yaml', course);
    fixture.remove('courses/DA-301/lessons/amalan.ms.md');
    fixture.remove('courses/DA-301/lessons/amalan.en.md');
    const report = await sync();
    expect(report.deleted).toBe(1);
    const { Item } = await storage.clients.ddb.send(new GetCommand({ TableName: storage.config.tableName, Key: { pk: 'COURSE#DA-301', sk: 'LESSON#amalan' } }));
    expect(Item).toBeUndefined();
  });

  it('deletes a removed course nobody is enrolled in', async () => {
    await sync();
    fixture.removeCourse('CS-301');
    const report = await sync();
    expect(report).toMatchObject({ deleted: 4, retired: 0 });
    const store = catalogueStore(storage.clients.ddb, storage.config.tableName);
    expect(await store.getCourse('CS-301')).toBeUndefined();
  });

  it('retires, never deletes, a removed course that learners are enrolled in', async () => {
    await sync();
    await storage.clients.ddb.send(
      new PutCommand({ TableName: storage.config.tableName, Item: { pk: 'USER#user-1', sk: 'ENROL#CS-301', status: 'active', gsi2pk: 'COURSEENROL#CS-301', gsi2sk: 'active#2026-12-04T00:00:00Z#user-1' } }),
    );
    fixture.removeCourse('CS-301');
    const report = await sync();
    expect(report).toMatchObject({ deleted: 0, retired: 1 });

    const store = catalogueStore(storage.clients.ddb, storage.config.tableName);
    const retired = await store.getCourse('CS-301');
    expect(retired?.status).toBe('retired');
    const listed = await store.listCourses({ limit: 50 });
    expect(listed.items.map((c) => c.code)).not.toContain('CS-301');
    // the enrolment is untouched, and a third run leaves the retired course alone
    const { Item } = await storage.clients.ddb.send(new GetCommand({ TableName: storage.config.tableName, Key: { pk: 'USER#user-1', sk: 'ENROL#CS-301' } }));
    expect(Item).toBeDefined();
    expect(await sync()).toMatchObject({ written: 0, deleted: 0, retired: 0 });
  });

  it('brings a retired course back when it returns to content', async () => {
    await sync();
    await storage.clients.ddb.send(new PutCommand({ TableName: storage.config.tableName, Item: { pk: 'COURSE#CS-301', sk: 'ENROL#user-1' } }));
    fixture.removeCourse('CS-301');
    await sync();
    fixture.addCourse(courses[1]!);
    await sync();
    const store = catalogueStore(storage.clients.ddb, storage.config.tableName);
    expect((await store.getCourse('CS-301'))?.status).toBe('active');
    expect((await store.listCourses({ limit: 50 })).items.map((c) => c.code)).toContain('CS-301');
  });
});
