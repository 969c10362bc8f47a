/**
 * Learning write routes vs the bare DynamoDB writes they must do, and the coordinator
 * dashboard over a unit of 5,000 learners — all on DynamoDB Local, in one process and run.
 *
 * The app is the platform app (same routes, same middleware, same SDK calls) on its own table
 * of the run's DynamoDB Local, trusting a test token issuer so hundreds of learners can sign
 * requests without going through the login page.
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { serve } from '@hono/node-server';
import { BatchWriteCommand, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { loadContent } from '../../functions/catalogue/content/load';
import { syncContent } from '../../functions/catalogue/content/sync';
import { createClients } from '../../functions/core/clients';
import { loadConfig, type Config } from '../../functions/core/config';
import { ensureBucket, ensureTable } from '../../functions/local/bootstrap';
import { identityDeps } from '../../functions/identity/app';
import { learningDeps } from '../../functions/learning/app';
import { repoRoot } from '../../functions/local/platform';
import { createPlatformApp } from '../../functions/platform';
import { startTestIssuer } from '../support/issuer';
import { join } from 'node:path';

type Result = { p50: number; p99: number; rps: number; non2xx: number; requests: number };

function run(opts: autocannon.Options): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon({ pipelining: 1, ...opts }, (err, r) => {
      if (err) return reject(err);
      resolve({ p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average, non2xx: r.non2xx, requests: r.requests.total });
    });
  });
}

const DASHBOARD_UNIT = 'PTG-NS';

export async function measureLearning(endpoints: { dynamodbEndpoint: string; s3Endpoint: string }, seconds = 10, connections = 10) {
  const issuer = await startTestIssuer();
  const id = `bench-${randomUUID().slice(0, 8)}`;
  const config: Config = loadConfig({
    TABLE_NAME: id, CONTENT_BUCKET: id, AWS_REGION: 'ap-southeast-5',
    DYNAMODB_ENDPOINT: endpoints.dynamodbEndpoint, S3_ENDPOINT: endpoints.s3Endpoint,
    OIDC_ISSUER: issuer.issuer, OIDC_CLIENT_ID: issuer.clientId, OIDC_JWKS_URL: issuer.jwksUrl,
    PII_HMAC_KEY: randomUUID() + randomUUID(),
  });
  const clients = createClients(config);
  await ensureTable(clients.ddb, config.tableName);
  await ensureBucket(clients.s3, config.contentBucket);
  const { content } = loadContent(join(repoRoot, 'content'));
  await syncContent(content, clients, config);

  // Learners, each enrolled in DA-301 (the writes here are setup, not measured).
  const identity = identityDeps(config, clients);
  const learning = learningDeps(config, clients);
  const users = Array.from({ length: 400 }, (_, i) => `bench-learner-${i}`);
  const tokens = new Map<string, string>();
  for (const [i, userId] of users.entries()) {
    const now = new Date().toISOString();
    const ic = `900101${String(5).padStart(2, '0')}${String(1000 + i).padStart(4, '0')}`;
    await identity.store.saveProfile(
      { userId, kind: 'civil-servant', name: `Pelajar ${i}`, ic, orgId: 'SUK-NS', email: `${userId}@bench.test`, payScale: 'SSPA', grade: '10', status: 'verified', createdAt: now, updatedAt: now, version: 1 },
      undefined, { userId: 'bench', role: 'system' }, { action: 'profile.create', orgId: 'SUK-NS', summary: {}, requestId: 'bench' },
    );
    await learning.service.enrol(userId, 'DA-301', { userId, role: 'self' }, 'bench', { approved: false });
    tokens.set(userId, await issuer.tokenFor(userId));
  }

  const app = createPlatformApp(config, clients);
  const server = serve({ port: 0, hostname: '127.0.0.1', fetch: app.fetch });
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  // The bare writes the routes must make: one TransactWriteItems with the same items (replay
  // record, enrolment, [attempt,] audit event, chain head), conditions included.
  const enrolment = (await clients.ddb.send(new GetCommand({ TableName: config.tableName, Key: { pk: 'USER#bench-learner-0', sk: 'ENROL#DA-301' } }))).Item!;
  let n = 0;
  const bare = serve({
    port: 0, hostname: '127.0.0.1',
    fetch: async (req) => {
      const k = `${Date.now()}-${++n}`;
      const path = new URL(req.url).pathname;
      const withAttempt = path === '/quiz';
      // The floor of any conditional change: read the record, then write.
      if (path === '/read-then-write') await clients.ddb.send(new GetCommand({ TableName: config.tableName, Key: { pk: 'USER#bench-learner-0', sk: 'ENROL#DA-301' }, ConsistentRead: true }));
      await clients.ddb.send(new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: config.tableName, Item: { pk: `BENCH#${k}`, sk: 'IDEM', body: { enrolment }, expiresAt: 1 }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: config.tableName, Item: { ...enrolment, pk: `BENCH#${k}`, sk: 'ENROL' }, ConditionExpression: 'attribute_not_exists(pk)' } },
          ...(withAttempt ? [{ Put: { TableName: config.tableName, Item: { pk: `BENCH#${k}`, sk: 'ATTEMPT', score: 50, answers: [] } } }] : []),
          { Put: { TableName: config.tableName, Item: { pk: `BENCH#${k}`, sk: 'EVENT', action: 'lesson.finish', summary: { after: { lessonId: 'x' } }, hash: 'h'.repeat(64), prevHash: 'p'.repeat(64) } } },
          { Put: { TableName: config.tableName, Item: { pk: `BENCHHEAD#${n % 8}`, sk: 'HEAD', seq: n, hash: 'h'.repeat(64) } } },
        ],
      }));
      return Response.json({ ok: true });
    },
  });
  await new Promise((r) => bare.once('listening', r));
  const bareUrl = `http://127.0.0.1:${(bare.address() as { port: number }).port}`;

  // Each request: the next learner, a fresh Idempotency-Key.
  let next = 0;
  const progressRequest = () => {
    const userId = users[next++ % users.length]!;
    return {
      method: 'POST' as const, path: '/api/me/enrolments/DA-301/progress',
      headers: { authorization: `Bearer ${tokens.get(userId)}`, 'content-type': 'application/json', 'idempotency-key': randomUUID().replaceAll('-', '') },
      body: JSON.stringify({ lessonId: 'asking-the-right-question', state: 'finished' }),
    };
  };
  const { content: c } = loadContent(join(repoRoot, 'content'));
  const quiz = c.courses.find((x) => x.course.code === 'DA-301')!.quiz;
  const wrong = quiz.questions.map((q) => ({ questionId: q.id, optionIds: [q.options.find((o) => !q.correct.includes(o.id))!.id] }));
  let quizNext = 0;
  const quizRequest = () => {
    const userId = users[quizNext++ % users.length]!;
    return {
      method: 'POST' as const, path: '/api/me/enrolments/DA-301/quiz/attempts',
      headers: { authorization: `Bearer ${tokens.get(userId)}`, 'content-type': 'application/json', 'idempotency-key': randomUUID().replaceAll('-', '') },
      body: JSON.stringify({ answers: wrong }),
    };
  };

  // One of each by hand first: the measured runs must be answering 2xx.
  for (const make of [progressRequest, quizRequest]) {
    const r = make();
    const res = await fetch(`${base}${r.path}`, { method: r.method, headers: r.headers, body: r.body });
    if (!res.ok) throw new Error(`bench: ${r.path} answered ${res.status} ${await res.text()}`);
  }

  // Warm-up, then the measured runs back to back.
  await run({ url: base, duration: 2, connections, requests: [{ setupRequest: (req) => ({ ...req, ...progressRequest() }) }] });
  await run({ url: `${bareUrl}/progress`, duration: 2, connections });
  const finish = await run({ url: base, duration: seconds, connections, requests: [{ setupRequest: (req) => ({ ...req, ...progressRequest() }) }] });
  const bareProgress = await run({ url: `${bareUrl}/progress`, duration: seconds, connections });
  const bareReadWrite = await run({ url: `${bareUrl}/read-then-write`, duration: seconds, connections });
  // Quiz attempts are limited (3 per learner): one wrong attempt each, three rounds at most.
  const submit = await run({ url: base, amount: users.length * 2, connections, requests: [{ setupRequest: (req) => ({ ...req, ...quizRequest() }) }] });
  const bareQuiz = await run({ url: `${bareUrl}/quiz`, amount: users.length * 2, connections });
  bare.close();

  // The dashboard of a unit of 5,000 learners, each with a learning summary.
  const now = new Date().toISOString();
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < 5000; i++) {
    const userId = `bench-officer-${i}`;
    items.push({ pk: `USER#${userId}`, sk: 'PROFILE', type: 'profile', userId, kind: 'civil-servant', name: `Pegawai ${String(i).padStart(4, '0')}`, orgId: DASHBOARD_UNIT, status: 'verified', gsi2pk: `ORGUSERS#${DASHBOARD_UNIT}`, gsi2sk: `pegawai ${i}#${userId}`, createdAt: now, updatedAt: now, version: 1 });
    items.push({ pk: `USER#${userId}`, sk: 'LEARNER', userId, name: `Pegawai ${i}`, orgId: DASHBOARD_UNIT, kind: 'civil-servant', nActive: i % 3, nCompleted: i % 5, [`h:${new Date().getFullYear()}:self-learning`]: (i % 9) * 6, gsi3pk: `ORGLEARNERS#${DASHBOARD_UNIT}`, gsi3sk: userId });
  }
  for (let i = 0; i < items.length; i += 25) {
    let pending = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    while (pending.length) {
      const out = await clients.ddb.send(new BatchWriteCommand({ RequestItems: { [config.tableName]: pending } }));
      pending = (out.UnprocessedItems?.[config.tableName] ?? []) as typeof pending;
    }
  }
  await identity.store.saveProfile(
    { userId: 'bench-coordinator', kind: 'civil-servant', name: 'Penyelaras', ic: '900101059999', orgId: DASHBOARD_UNIT, email: 'coord@bench.test', payScale: 'SSPA', grade: '12', status: 'verified', createdAt: now, updatedAt: now, version: 1 },
    undefined, { userId: 'bench', role: 'system' }, { action: 'profile.create', orgId: DASHBOARD_UNIT, summary: {}, requestId: 'bench' },
  );
  await identity.store.saveAssignment('bench-coordinator', { role: 'coordinator', orgId: DASHBOARD_UNIT }, { userId: 'bench', role: 'system' }, { action: 'role.grant', orgId: DASHBOARD_UNIT, summary: {}, requestId: 'bench' }, 'grant');
  const coordinatorToken = await issuer.tokenFor('bench-coordinator');

  // Which DynamoDB commands one dashboard request sends (Queries only, no Scan).
  const sent: string[] = [];
  clients.ddb.middlewareStack.add((nextHandler, context) => async (args) => {
    sent.push(String(context.commandName));
    return nextHandler(args);
  }, { step: 'initialize', name: 'benchRecorder' });
  const one = await fetch(`${base}/api/reports/learning?org=${DASHBOARD_UNIT}&limit=50`, { headers: { authorization: `Bearer ${coordinatorToken}` } });
  const body = (await one.json()) as { totals: { people: number } };
  const commands = [...sent];
  clients.ddb.middlewareStack.remove('benchRecorder');
  const dashboard = await run({
    // Under the route's own rate limit (60 a minute per person).
    url: `${base}/api/reports/learning?org=${DASHBOARD_UNIT}&limit=50`, amount: 50, connections: 1,
    headers: { authorization: `Bearer ${coordinatorToken}` },
  });
  server.close();
  await issuer.stop();
  return {
    seconds, connections, finish, bareProgress, bareReadWrite, submit, bareQuiz, dashboard,
    dashboardPeople: body.totals.people,
    dashboardCommands: Object.entries(commands.reduce<Record<string, number>>((m, c) => ((m[c] = (m[c] ?? 0) + 1), m), {})).map(([c, k]) => `${c} × ${k}`).join(', '),
  };
}
