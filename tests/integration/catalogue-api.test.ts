import { mockClient } from 'aws-sdk-client-mock';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../functions/catalogue/content/load';
import { syncContent } from '../../functions/catalogue/content/sync';
import { createClients } from '../../functions/core/clients';
import { createPlatformApp } from '../../functions/platform';
import { ContentFixture, type FixtureCourse } from '../support/content-fixture';
import { recordCommands } from '../support/recorder';
import { freshStorage, type TestStorage } from '../support/storage';

/** 24 courses: 10 in 3.1, 8 in 7.1 (4 school, 4 rural), 6 in 7.2, varied category, mode and language. */
function catalogue(): FixtureCourse[] {
  const list: FixtureCourse[] = [];
  for (let i = 1; i <= 10; i++) {
    list.push({ code: `DA-3${String(i).padStart(2, '0')}`, programme: '3.1', category: i % 2 ? 'data-analytics' : 'cyber-security', mode: i <= 3 ? 'blended' : 'self-paced' });
  }
  for (let i = 1; i <= 8; i++) {
    list.push({
      code: `KD-1${String(i).padStart(2, '0')}`, programme: '7.1', track: i <= 4 ? 'school' : 'rural', category: 'cyber-safety',
      mode: 'face-to-face', languages: i % 4 === 0 ? ['ms'] : ['ms', 'en'],
    });
  }
  for (let i = 1; i <= 6; i++) list.push({ code: `PK-2${String(i).padStart(2, '0')}`, programme: '7.2', category: 'coding' });
  list.push({ code: 'AI-399', programme: '3.1', category: 'data-analytics', titleMs: 'Kecerdasan Buatan Générative untuk Pegawai', titleEn: 'Generative AI for Officers', prerequisites: ['DA-301'] });
  return list;
}

let storage: TestStorage;
let fixture: ContentFixture;
let app: ReturnType<typeof createPlatformApp>;
let recorder: ReturnType<typeof recordCommands>;

type Json = any;
async function get(path: string, lang?: string): Promise<{ status: number; body: Json; headers: Headers }> {
  const res = await app.request(path, { headers: lang ? { 'Accept-Language': lang } : {} });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

async function allPages(query: string, limit: number) {
  const codes: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = query ? '&' : '';
    const { status, body } = await get(`/api/catalogue/courses?${query}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(status).toBe(200);
    expect(body.courses.length).toBeGreaterThan(0);
    expect(body.courses.length).toBeLessThanOrEqual(limit);
    codes.push(...body.courses.map((c: Json) => c.code));
    cursor = body.nextCursor;
    pages++;
  } while (cursor && pages < 50);
  return { codes, pages };
}

beforeAll(async () => {
  storage = await freshStorage('catalogue');
  fixture = new ContentFixture(catalogue());
  const { content, problems } = loadContent(fixture.root);
  expect(problems).toEqual([]);
  await syncContent(content, storage.clients, storage.config);
  app = createPlatformApp(storage.config, storage.clients);
  recorder = recordCommands(storage.clients);
});
afterAll(() => fixture.cleanup());

describe('programmes and categories', () => {
  it('lists the three programmes in order with their course counts and tracks', async () => {
    const { status, body } = await get('/api/catalogue/programmes');
    expect(status).toBe(200);
    expect(body.programmes.map((p: Json) => [p.id, p.courseCount])).toEqual([['3.1', 11], ['7.1', 8], ['7.2', 6]]);
    expect(body.programmes[1].tracks.map((t: Json) => t.id)).toEqual(['school', 'rural']);
    expect(body.programmes[0].title).toEqual({ ms: 'Penjawat Awam', en: 'Civil Servants' });
  });

  it('gets one programme, and 404s an unknown one with a 400 for a malformed id', async () => {
    expect((await get('/api/catalogue/programmes/7.2')).body.programme.selfEnrolment).toBe(false);
    const bad = await get('/api/catalogue/programmes/9.9');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('lists categories with counts', async () => {
    const { body } = await get('/api/catalogue/categories');
    expect(Object.fromEntries(body.categories.map((c: Json) => [c.id, c.courseCount]))).toEqual({
      'coding': 6, 'cyber-safety': 8, 'cyber-security': 5, 'data-analytics': 6,
    });
  });
});

describe('course search', () => {
  it('pages through every active course exactly once, in programme/track/code order', async () => {
    const { codes, pages } = await allPages('', 5);
    expect(codes).toHaveLength(25);
    expect(new Set(codes).size).toBe(25);
    expect(pages).toBe(5);
    expect(codes.slice(0, 3)).toEqual(['AI-399', 'DA-301', 'DA-302']);
    // 7.1 rural sorts before school (track in the key)
    expect(codes.slice(11, 19)).toEqual(['KD-105', 'KD-106', 'KD-107', 'KD-108', 'KD-101', 'KD-102', 'KD-103', 'KD-104']);
  });

  it('never hands out a cursor to an empty page', async () => {
    const { body } = await get('/api/catalogue/courses?programme=7.2&limit=6');
    expect(body.courses).toHaveLength(6);
    expect(body.nextCursor).toBeNull();
  });

  it('filters by programme, and by programme and track', async () => {
    expect((await allPages('programme=7.2', 4)).codes).toEqual(['PK-201', 'PK-202', 'PK-203', 'PK-204', 'PK-205', 'PK-206']);
    expect((await allPages('programme=7.1&track=school', 3)).codes).toEqual(['KD-101', 'KD-102', 'KD-103', 'KD-104']);
  });

  it('filters by track alone, category, mode and language, combined and across pages', async () => {
    expect((await allPages('track=rural', 2)).codes).toEqual(['KD-105', 'KD-106', 'KD-107', 'KD-108']);
    expect((await allPages('category=cyber-security', 2)).codes).toEqual(['DA-302', 'DA-304', 'DA-306', 'DA-308', 'DA-310']);
    expect((await allPages('mode=blended&category=data-analytics', 10)).codes).toEqual(['DA-301', 'DA-303']);
    expect((await allPages('language=en&programme=7.1', 10)).codes).toEqual(['KD-105', 'KD-106', 'KD-107', 'KD-101', 'KD-102', 'KD-103']);
  });

  it('searches free text in either language, ignoring case and accents', async () => {
    for (const q of ['generative', 'GENERATIVE ai', 'kecerdasan buatan', 'generative pegawai', 'ai-399']) {
      const { body } = await get(`/api/catalogue/courses?q=${encodeURIComponent(q)}`);
      expect(body.courses.map((c: Json) => c.code), q).toEqual(['AI-399']);
    }
    const none = await get('/api/catalogue/courses?q=blockchain');
    expect(none.body).toEqual({ courses: [], nextCursor: null });
  });

  it('returns summaries only: no lesson bodies, search text or keys', async () => {
    const { body } = await get('/api/catalogue/courses?programme=7.2&limit=1');
    expect(Object.keys(body.courses[0]).sort()).toEqual([
      'audience', 'category', 'code', 'hours', 'languages', 'lessonCount', 'level', 'mode', 'programme', 'status', 'summary', 'title', 'trainingCategory',
    ]);
  });

  it('sends cache and language headers', async () => {
    const { headers } = await get('/api/catalogue/courses', 'en');
    expect(headers.get('cache-control')).toContain('max-age=60');
    expect(headers.get('content-language')).toBe('en');
    expect(headers.get('vary')).toContain('Accept-Language');
    expect(headers.get('x-request-id')).toBeTruthy();
  });
});

describe('course detail', () => {
  it('returns the outline, quiz facts, prerequisites with titles and version', async () => {
    const { status, body } = await get('/api/catalogue/courses/AI-399');
    expect(status).toBe(200);
    expect(body.course).toMatchObject({
      code: 'AI-399', status: 'active', lessonCount: 2, totalMinutes: 35,
      prerequisites: [{ code: 'DA-301', title: { ms: 'Kursus DA-301', en: 'Course DA-301' } }],
      quiz: { questionCount: 3, passMark: 70, maxAttempts: 3 },
    });
    expect(body.course.modules[0].lessons.map((l: Json) => l.id)).toEqual(['pengenalan', 'amalan']);
    expect(body.course.version).toMatch(/^[0-9a-f]{12}$/);
    expect(JSON.stringify(body)).not.toContain('correct');
  });

  it('answers 404 COURSE_NOT_FOUND in Malay by default and English on request', async () => {
    const ms = await get('/api/catalogue/courses/ZZ-999');
    expect(ms.status).toBe(404);
    expect(ms.body).toEqual({ error: { code: 'COURSE_NOT_FOUND', message: 'Kursus tidak dijumpai.', details: {} } });
    const en = await get('/api/catalogue/courses/ZZ-999', 'en-GB,en;q=0.9,ms;q=0.5');
    expect(en.body.error.message).toBe('Course not found.');
  });
});

describe('bad input is a 4xx with the error shape, never a 500', () => {
  const cases: [string, string, string][] = [
    ['limit=0', 'limit', 'VALIDATION_FAILED'],
    ['limit=51', 'limit', 'VALIDATION_FAILED'],
    ['limit=abc', 'limit', 'VALIDATION_FAILED'],
    ['limit=2.5', 'limit', 'VALIDATION_FAILED'],
    ['programme=8.8', 'programme', 'VALIDATION_FAILED'],
    ['track=urban', 'track', 'VALIDATION_FAILED'],
    ['mode=online', 'mode', 'VALIDATION_FAILED'],
    ['language=fr', 'language', 'VALIDATION_FAILED'],
    ['category=Bad%20Category', 'category', 'VALIDATION_FAILED'],
    ['q=a', 'q', 'VALIDATION_FAILED'],
    [`q=${'x'.repeat(101)}`, 'q', 'VALIDATION_FAILED'],
    [`cursor=${'x'.repeat(201)}`, 'cursor', 'VALIDATION_FAILED'],
  ];
  it.each(cases)('%s -> 400 naming %s', async (query, field, code) => {
    const { status, body } = await get(`/api/catalogue/courses?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe(code);
    expect(body.error.message).toBe('Permintaan tidak sah. Sila semak medan yang dinyatakan.');
    expect(body.error.details.issues.map((i: Json) => i.field)).toEqual([field]);
  });

  it('names every bad field at once, in English when asked', async () => {
    const { body } = await get('/api/catalogue/courses?limit=0&mode=online', 'en');
    expect(body.error.message).toBe('The request is not valid. Please check the fields listed.');
    expect(body.error.details.issues).toEqual([
      { field: 'mode', message: 'Invalid option: expected one of "self-paced"|"face-to-face"|"blended"' },
      { field: 'limit', message: 'Too small: expected number to be >=1' },
    ]);
  });

  it('rejects a garbage cursor and a cursor from another programme as INVALID_CURSOR', async () => {
    for (const cursor of ['!!!', Buffer.from('COURSE#DA-301').toString('base64url'), Buffer.from("3.1#-#DA-301' OR 1=1").toString('base64url')]) {
      const { status, body } = await get(`/api/catalogue/courses?cursor=${encodeURIComponent(cursor)}`);
      expect(status).toBe(400);
      expect(body.error.code).toBe('INVALID_CURSOR');
    }
    const first = await get('/api/catalogue/courses?programme=3.1&limit=2');
    const foreign = await get(`/api/catalogue/courses?programme=7.2&cursor=${first.body.nextCursor}`);
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.code).toBe('INVALID_CURSOR');
  });

  it('rejects a malformed course code with 400 before touching storage', async () => {
    recorder.clear();
    for (const code of ['da-301', 'X', 'DA-301%27%20OR%201=1', 'A'.repeat(60)]) {
      const { status, body } = await get(`/api/catalogue/courses/${code}`);
      expect(status, code).toBe(400);
      expect(body.error.details.issues[0].field).toBe('code');
    }
    expect(recorder.commands).toEqual([]);
  });

  it('answers unknown routes with ROUTE_NOT_FOUND in the error shape', async () => {
    const { status, body } = await get('/api/catalogue/nothing-here');
    expect(status).toBe(404);
    expect(body.error.code).toBe('ROUTE_NOT_FOUND');
  });
});

describe('storage access', () => {
  it('no request path scans: every read is a Query or a GetItem', async () => {
    recorder.clear();
    await get('/api/catalogue/programmes');
    await get('/api/catalogue/categories');
    await get('/api/catalogue/programmes/3.1');
    await allPages('', 7);
    await allPages('q=kursus&mode=face-to-face', 3);
    await allPages('programme=7.1&language=en', 2);
    await get('/api/catalogue/courses/DA-301');
    expect(new Set(recorder.commands)).toEqual(new Set(['QueryCommand', 'GetItemCommand']));
  });

  it('a DynamoDB failure is a 500 with the request id and no internals; throttling is a 503', async () => {
    const clients = createClients(storage.config);
    const mock = mockClient(clients.ddb);
    const faulty = createPlatformApp(storage.config, clients);

    mock.on(QueryCommand).rejects(Object.assign(new Error('socket hang up near 850412-05-5123'), { name: 'TimeoutError' }));
    const res = await faulty.request('/api/catalogue/courses', { headers: { 'X-Request-Id': 'req-123' } });
    expect(res.status).toBe(500);
    const body = await res.json() as Json;
    expect(body).toEqual({ error: { code: 'INTERNAL', message: expect.stringContaining('ID permintaan'), details: { requestId: 'req-123' } } });
    expect(JSON.stringify(body)).not.toContain('socket');

    mock.on(QueryCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ProvisionedThroughputExceededException' }));
    const busy = await faulty.request('/api/catalogue/programmes', { headers: { 'Accept-Language': 'en' } });
    expect(busy.status).toBe(503);
    expect(((await busy.json()) as Json).error.code).toBe('SERVICE_BUSY');
    mock.restore();
  });
});
