/**
 * `npm start`: the whole platform on localhost, data kept under .data/ between runs.
 * Ctrl-C stops everything, the DynamoDB Local JVM included.
 *   PORT=3000          preferred port for the web app (the next free one is used if busy)
 *   LATIH_WEB=static   serve the built web app (npm run web:build) instead of the dev server
 */
import { join } from 'node:path';
import { progressBar } from '../catalogue/content/progress';
import { LocalSetupError } from './services';
import { repoRoot, startPlatform } from './platform';

async function main() {
  const started = Date.now();
  console.log('Latih: memulakan platform tempatan / starting the local platform…');
  const platform = await startPlatform({
    dataDir: join(repoRoot, '.data'),
    web: process.env.LATIH_WEB === 'static' ? 'static' : 'dev',
    port: Number(process.env.PORT ?? 3000),
    progress: progressBar(),
  });
  const { written, unchanged } = platform.sync;
  console.log(`Kandungan / content: ${written} written, ${unchanged} unchanged`);
  console.log(`\n  ➜ Buka / open:  ${platform.url}`);
  console.log(`  ➜ API docs:     ${new URL("/api/docs", platform.url)}`);
  console.log(`\n  Sedia dalam / ready in ${((Date.now() - started) / 1000).toFixed(1)} s. Ctrl-C untuk berhenti / to stop.`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: menghentikan / stopping…`);
    await platform.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGHUP', () => void shutdown('SIGHUP'));
}

main().catch((err) => {
  if (err instanceof LocalSetupError) console.error(`✗ ${err.message}`);
  else console.error('✗', err instanceof Error ? err.message : err);
  process.exit(1);
});
