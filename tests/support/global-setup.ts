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
  const ddb = await startDynamoDbLocal({ port: await choosePort(18000) });
  const s3 = await startS3Local({ port: await choosePort(14569), directory: s3Dir });
  project.provide('dynamodbEndpoint', ddb.endpoint);
  project.provide('s3Endpoint', s3.endpoint);
  const stop = async () => {
    await Promise.allSettled([ddb.stop(), s3.stop()]);
    rmSync(s3Dir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop().then(() => process.exit(130)));
  return stop;
}
