/**
 * Starts ONE DynamoDB Local (in memory) and ONE S3 server for the whole test run, and stops
 * them at the end (the JVM included, even when the run is interrupted).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { choosePort, startDynamoDbLocal, startS3Local } from '../../functions/local/services';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    s3Endpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const s3Dir = mkdtempSync(join(tmpdir(), 'latih-s3-'));
  // Several runs may start at once (developers, helpers): a port found free can be taken
  // before we bind it, so retry on another.
  const onFreePort = async <T>(from: number, start: (port: number) => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await start(await choosePort(from + attempt * 7 + Math.floor(Math.random() * 50)));
      } catch (err) {
        if (attempt >= 5) throw err;
      }
    }
  };
  const ddb = await onFreePort(18000, (port) => startDynamoDbLocal({ port }));
  const s3 = await onFreePort(14569, (port) => startS3Local({ port, directory: s3Dir }));
  project.provide('dynamodbEndpoint', ddb.endpoint);
  project.provide('s3Endpoint', s3.endpoint);
  const stop = async () => {
    await Promise.allSettled([ddb.stop(), s3.stop()]);
    rmSync(s3Dir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop().then(() => process.exit(130)));
  return stop;
}
