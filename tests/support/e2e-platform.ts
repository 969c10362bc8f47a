/**
 * The whole platform for one browser test file: the built web app served as CloudFront serves
 * it, on a fresh table and bucket of the run's shared DynamoDB Local and S3 server.
 *
 * startPlatform picks the local OpenID provider's port (from 9400) by probing, so two files
 * starting at the same instant can pick the same one: each file waits its `staggerMs` first (the
 * files share one web build, so they would otherwise start together) and tries again on a clash.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { startPlatform, type Platform } from '../../functions/local/platform';
import { choosePort } from '../../functions/local/services';
import { storageEndpoints } from './storage';
import { buildWebOnce } from './web-build';

export async function startE2ePlatform(label: string, preferredPort: number, staggerMs: number): Promise<Platform> {
  await buildWebOnce();
  await sleep(staggerMs);
  for (let attempt = 1; ; attempt++) {
    const id = `e2e-${label}-${randomUUID().slice(0, 8)}`;
    try {
      return await startPlatform({ web: 'static', storage: storageEndpoints(), tableName: id, contentBucket: id, port: await choosePort(preferredPort) });
    } catch (err) {
      if (attempt >= 3 || !String(err).includes('EADDRINUSE')) throw err;
      await sleep(1500 * attempt);
    }
  }
}
