/**
 * npm run bench: the speed and size targets of docs/benchmarks.md, measured in one run.
 * Prints a Markdown report and writes it to .bench/latest.md.
 *   BENCH_SECONDS=10          duration of each load run
 *   BENCH_REUSE_WEB_BUILD=1   measure the existing web/build instead of rebuilding
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { logger } from '../../functions/core/logger';
import { repoRoot, startPlatform } from '../../functions/local/platform';
import { measureApi } from './api';
import { measureLearning } from './learning';
import { measureBundles } from './bundles';
import { measurePages } from './pages';

const kB = (n: number) => (n / 1024).toFixed(1);
const ms = (n: number) => n.toFixed(1);

async function main() {
  // A JSON line per request to a terminal costs more than the route itself here; in Lambda it
  // goes to CloudWatch asynchronously. Measure the route, not the terminal.
  logger.setLogLevel('WARN');
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const lines: string[] = [];
  const say = (l = '') => {
    lines.push(l);
    console.log(l);
  };
  say(`# Benchmark run ${new Date().toISOString()}`);
  say(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  say();

  say('## Lambda bundles (esbuild, minified, @aws-sdk external) — target ≤ 150 kB (KiB here)');
  say('| function | minified KiB | gzip KiB | within target |');
  say('|---|--:|--:|---|');
  for (const b of await measureBundles()) say(`| ${b.name} | ${kB(b.minified)} | ${kB(b.gzip)} | ${b.minified <= 150 * 1024 ? 'yes' : 'NO'} |`);
  say();

  if (process.env.BENCH_REUSE_WEB_BUILD !== '1') {
    console.error('building the web app…');
    execSync('npm run web:build', { cwd: repoRoot, stdio: 'inherit' });
  }
  const platform = await startPlatform({ web: 'static', port: 3900 });
  try {
    say('## Pages: first-load JS + CSS bodies over the wire (gzip, cold cache) — target ≤ 50 kB = 50,000 bytes (KiB here)');
    say('| page | JS KiB | CSS KiB | JS+CSS KiB | HTML KiB | all headers KiB | requests | within target |');
    say('|---|--:|--:|--:|--:|--:|--:|---|');
    for (const p of await measurePages(platform.url)) {
      say(`| ${p.path} | ${kB(p.js)} | ${kB(p.css)} | ${kB(p.js + p.css)} | ${kB(p.html)} | ${kB(p.headers)} | ${p.requests} | ${p.js + p.css <= 50_000 ? 'yes' : 'NO'} |`);
    }
    say();

    const r = await measureApi(platform, seconds);
    say(`## Catalogue API vs bare DynamoDB Local calls (autocannon, ${r.connections} connections, ${r.seconds} s each, same process and run) — target within 1.3×`);
    say('| target | p50 ms | p99 ms | req/s | non-2xx |');
    say('|---|--:|--:|--:|--:|');
    say(`| bare GetItem | ${ms(r.getItem.p50)} | ${ms(r.getItem.p99)} | ${r.getItem.rps.toFixed(0)} | ${r.getItem.non2xx} |`);
    say(`| bare Query (gsi1, 13 items) | ${ms(r.query.p50)} | ${ms(r.query.p99)} | ${r.query.rps.toFixed(0)} | ${r.query.non2xx} |`);
    say(`| GET /api/catalogue/courses | ${ms(r.route.p50)} | ${ms(r.route.p99)} | ${r.route.rps.toFixed(0)} | ${r.route.non2xx} |`);
    say(`| GET /api/catalogue/courses/DA-301 | ${ms(r.detail.p50)} | ${ms(r.detail.p99)} | ${r.detail.rps.toFixed(0)} | ${r.detail.non2xx} |`);
    say();
    say(`Ratios: list route / GetItem p50 ${(r.route.p50 / r.getItem.p50).toFixed(2)}×, p99 ${(r.route.p99 / r.getItem.p99).toFixed(2)}×; ` +
      `list route / bare Query p50 ${(r.route.p50 / r.query.p50).toFixed(2)}×; detail route / GetItem p50 ${(r.detail.p50 / r.getItem.p50).toFixed(2)}×, p99 ${(r.detail.p99 / r.getItem.p99).toFixed(2)}×`);
    say();

    const l = await measureLearning({ dynamodbEndpoint: platform.config.dynamodbEndpoint!, s3Endpoint: platform.config.s3Endpoint! }, seconds);
    say(`## Learning writes vs the bare DynamoDB Local transaction they must make (autocannon, ${l.connections} connections, same process and run) — target within 1.3×`);
    say('The route: token check, rate-limit counter (UpdateItem), enrolment + course reads (parallel GetItems), then one TransactWriteItems (replay record, enrolment, [attempt,] audit event, chain head); the chain head is read only when another writer moved it. The bare call: that TransactWriteItems alone.');
    say('| target | p50 ms | p99 ms | req/s | requests | non-2xx |');
    say('|---|--:|--:|--:|--:|--:|');
    const row = (name: string, x: { p50: number; p99: number; rps: number; requests: number; non2xx: number }) =>
      say(`| ${name} | ${ms(x.p50)} | ${ms(x.p99)} | ${x.rps.toFixed(0)} | ${x.requests} | ${x.non2xx} |`);
    row('bare TransactWriteItems (4 items)', l.bareProgress);
    row('bare GetItem + TransactWriteItems (4 items)', l.bareReadWrite);
    row('POST /api/me/enrolments/:code/progress (finished)', l.finish);
    row('bare TransactWriteItems (5 items)', l.bareQuiz);
    row('POST /api/me/enrolments/:code/quiz/attempts', l.submit);
    say();
    say(`Ratios: finish lesson / bare write p50 ${(l.finish.p50 / l.bareProgress.p50).toFixed(2)}×, p99 ${(l.finish.p99 / l.bareProgress.p99).toFixed(2)}×; ` +
      `finish lesson / bare read-then-write p50 ${(l.finish.p50 / l.bareReadWrite.p50).toFixed(2)}×; ` +
      `submit quiz / bare write p50 ${(l.submit.p50 / l.bareQuiz.p50).toFixed(2)}×, p99 ${(l.submit.p99 / l.bareQuiz.p99).toFixed(2)}×`);
    say();
    say(`## Coordinator dashboard, one unit of ${l.dashboardPeople.toLocaleString('en')} learners (1 connection, 50 requests)`);
    say(`DynamoDB commands per request: ${l.dashboardCommands} (no Scan). p50 ${ms(l.dashboard.p50)} ms, p99 ${ms(l.dashboard.p99)} ms, non-2xx ${l.dashboard.non2xx}.`);
  } finally {
    await platform.stop();
  }
  mkdirSync(join(repoRoot, '.bench'), { recursive: true });
  writeFileSync(join(repoRoot, '.bench', 'latest.md'), lines.join('\n') + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
