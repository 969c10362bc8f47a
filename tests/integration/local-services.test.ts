import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalSetupError, choosePort, requireJava, startDynamoDbLocal } from '../../functions/local/services';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

describe('local services', () => {
  it('a missing java gives one clear line on how to install it', () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(() => requireJava()).toThrow(LocalSetupError);
      expect(() => requireJava()).toThrow('apt-get install -y openjdk-17-jre-headless');
    } finally {
      process.env.PATH = path;
    }
  });

  it('a busy port is skipped for the next free one', async () => {
    const busy = await choosePort(23000);
    server = createServer();
    await new Promise<void>((r) => server!.listen(busy, '127.0.0.1', () => r()));
    const chosen = await choosePort(busy);
    expect(chosen).not.toBe(busy);
    expect(chosen).toBeGreaterThan(busy);
  });

  it('stopping DynamoDB Local leaves no Java process behind', async () => {
    const ddb = await startDynamoDbLocal({ port: await choosePort(24000) });
    expect(ddb.pid && alive(ddb.pid)).toBe(true);
    await ddb.stop();
    expect(alive(ddb.pid!)).toBe(false);
  });
});
