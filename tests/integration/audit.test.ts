import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChangeConditionFailed, auditLog, chainOf, chainPk, eventSk, type AuditChange, type AuditLog } from '../../functions/core/audit';
import { freshStorage, type TestStorage } from '../support/storage';

let storage: TestStorage;
let audit: AuditLog;
const table = () => storage.config.tableName;

const change = (id: string, after: Record<string, unknown> = { name: 'Aminah' }): AuditChange => ({
  actor: { userId: 'admin-1', role: 'platform-admin' },
  action: 'profile.update',
  record: { type: 'user', id },
  orgId: 'MY-05',
  summary: { after },
  requestId: `req-${id}`,
});

/** Records whose events all land in one chain, to exercise ordering and contention. */
function sameChainIds(count: number, prefix: string): string[] {
  const target = chainOf({ type: 'user', id: `${prefix}-0` });
  const ids: string[] = [];
  for (let i = 0; ids.length < count; i++) if (chainOf({ type: 'user', id: `${prefix}-${i}` }) === target) ids.push(`${prefix}-${i}`);
  return ids;
}

beforeAll(async () => {
  storage = await freshStorage('audit');
  audit = auditLog(storage.clients.ddb, table());
});

describe('audit trail', () => {
  it('writes the change and exactly one event in one transaction', async () => {
    const event = await audit.writeWithAudit(
      [{ Put: { TableName: table(), Item: { pk: 'USER#u1', sk: 'PROFILE', name: 'Aminah' }, ConditionExpression: 'attribute_not_exists(pk)' } }],
      change('u1'),
    );
    expect(event).toMatchObject({ action: 'profile.update', seq: expect.any(Number), record: { type: 'user', id: 'u1' } });
    const { Item } = await storage.clients.ddb.send(new GetCommand({ TableName: table(), Key: { pk: chainPk(event.chain), sk: eventSk(event.seq) } }));
    expect(Item?.hash).toBe(event.hash);
    expect((await storage.clients.ddb.send(new GetCommand({ TableName: table(), Key: { pk: 'USER#u1', sk: 'PROFILE' } }))).Item?.name).toBe('Aminah');
  });

  it('a failed change writes neither the change nor an event', async () => {
    const chain = chainOf({ type: 'user', id: 'u1' });
    const before = await audit.verifyChain(chain);
    await expect(
      audit.writeWithAudit(
        [
          { Put: { TableName: table(), Item: { pk: 'USER#u9', sk: 'PROFILE' } } },
          { Put: { TableName: table(), Item: { pk: 'USER#u1', sk: 'PROFILE', name: 'X' }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
        change('u1'),
      ),
    ).rejects.toMatchObject({ name: 'ChangeConditionFailed', index: 1 });
    expect((await audit.verifyChain(chain)).events).toBe(before.events);
    expect((await storage.clients.ddb.send(new GetCommand({ TableName: table(), Key: { pk: 'USER#u9', sk: 'PROFILE' } }))).Item).toBeUndefined();
  });

  it('never stores a raw IC number in a summary', async () => {
    const event = await audit.writeWithAudit([], change('u2', { note: 'IC 850412-05-5123 corrected', ic: '850412055123' }));
    expect(JSON.stringify(event)).not.toMatch(/850412-?05-?5123/);
    const { Item } = await storage.clients.ddb.send(new GetCommand({ TableName: table(), Key: { pk: chainPk(event.chain), sk: eventSk(event.seq) } }));
    expect(JSON.stringify(Item)).not.toMatch(/850412-?05-?5123/);
  });

  it('40 concurrent writers on one chain produce one gapless, verifiable chain', async () => {
    const ids = sameChainIds(40, 'conc');
    const chain = chainOf({ type: 'user', id: ids[0]! });
    const start = (await audit.verifyChain(chain)).events;
    const events = await Promise.all(ids.map((id) => audit.writeWithAudit([], change(id))));
    const seqs = events.map((e) => e.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => start + i + 1));
    expect(await audit.verifyChain(chain)).toMatchObject({ ok: true, events: start + 40, problems: [] });
  });

  describe('tampering is detected', () => {
    // Each case gets its own table, so one tampered chain cannot affect another case.
    async function freshChain(prefix: string) {
      storage = await freshStorage(`audit-${prefix}`);
      audit = auditLog(storage.clients.ddb, table());
      const ids = sameChainIds(5, prefix);
      for (const id of ids) await audit.writeWithAudit([], change(id));
      const chain = chainOf({ type: 'user', id: ids[0]! });
      const report = await audit.verifyChain(chain);
      expect(report.ok).toBe(true);
      return { chain, last: report.events };
    }

    it('an edited event', async () => {
      const { chain, last } = await freshChain('edit');
      await storage.clients.ddb.send(new UpdateCommand({
        TableName: table(), Key: { pk: chainPk(chain), sk: eventSk(last - 2) },
        UpdateExpression: 'SET summary = :s', ExpressionAttributeValues: { ':s': { after: { name: 'Someone else' } } },
      }));
      expect((await audit.verifyChain(chain)).problems).toContainEqual({ seq: last - 2, kind: 'edited' });
    });

    it('an edited event whose hash was recomputed breaks the next link', async () => {
      const { chain, last } = await freshChain('rehash');
      const { Item } = await storage.clients.ddb.send(new GetCommand({ TableName: table(), Key: { pk: chainPk(chain), sk: eventSk(last - 1) } }));
      const { hashEvent } = await import('../../functions/core/audit');
      const { pk, sk, type, gsi1pk, gsi1sk, gsi2pk, gsi2sk, gsi3pk, gsi3sk, hash: _h, ...event } = Item!;
      const forged = { ...event, action: 'profile.view' } as never;
      await storage.clients.ddb.send(new PutCommand({ TableName: table(), Item: { pk, sk, type, gsi1pk, gsi1sk, gsi2pk, gsi2sk, gsi3pk, gsi3sk, ...(forged as object), hash: hashEvent(forged) } }));
      expect((await audit.verifyChain(chain)).problems).toContainEqual({ seq: last, kind: 'broken-link' });
    });

    it('a deleted event in the middle and at the end', async () => {
      const { chain, last } = await freshChain('delete');
      await storage.clients.ddb.send(new DeleteCommand({ TableName: table(), Key: { pk: chainPk(chain), sk: eventSk(last - 3) } }));
      expect((await audit.verifyChain(chain)).problems).toContainEqual({ seq: last - 2, kind: 'missing' });
      await storage.clients.ddb.send(new DeleteCommand({ TableName: table(), Key: { pk: chainPk(chain), sk: eventSk(last) } }));
      expect((await audit.verifyChain(chain)).problems).toContainEqual({ seq: last, kind: 'head-mismatch' });
    });

    it('two events swapped', async () => {
      const { chain, last } = await freshChain('swap');
      const get = async (seq: number) => (await storage.clients.ddb.send(new GetCommand({ TableName: table(), Key: { pk: chainPk(chain), sk: eventSk(seq) } }))).Item!;
      const a = await get(last - 1);
      const b = await get(last);
      await storage.clients.ddb.send(new PutCommand({ TableName: table(), Item: { ...b, sk: a.sk } }));
      await storage.clients.ddb.send(new PutCommand({ TableName: table(), Item: { ...a, sk: b.sk } }));
      const report = await audit.verifyChain(chain);
      expect(report.ok).toBe(false);
      expect(report.problems.map((p) => p.kind)).toContain('out-of-order');
    });
  });

  it('ChangeConditionFailed carries the failed item index', () => {
    expect(new ChangeConditionFailed(2).index).toBe(2);
  });
});
