/**
 * The organisation tree, read from the units content sync wrote (one Query of the ORGS
 * listing), kept for a minute per warm Lambda: it changes only when content is synced.
 */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ORGS_GSI1PK } from '../catalogue/keys';

export type OrgUnitRecord = {
  id: string;
  kind: string;
  name: { ms: string; en: string };
  parent?: string;
  subtype?: string;
  sample: boolean;
  ancestors: string[];
};

export type OrgTree = {
  units: OrgUnitRecord[];
  get(id: string): OrgUnitRecord | undefined;
  /** The unit and every unit below it. */
  subtree(id: string): string[];
};

const TTL_MS = 60_000;
const PROJECTION = ['id', 'kind', 'name', 'parent', 'subtype', 'sample', 'ancestors'] as const;

export function orgDirectory(ddb: DynamoDBDocumentClient, tableName: string, now: () => number = Date.now) {
  let cached: { at: number; tree: OrgTree } | undefined;

  async function load(): Promise<OrgTree> {
    const units: OrgUnitRecord[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await ddb.send(
        new QueryCommand({
          TableName: tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': ORGS_GSI1PK },
          // Names for every attribute: several (name, kind, subtype…) are DynamoDB reserved words.
          ProjectionExpression: PROJECTION.map((_, i) => `#a${i}`).join(', '),
          ExpressionAttributeNames: Object.fromEntries(PROJECTION.map((a, i) => [`#a${i}`, a])),
          ExclusiveStartKey,
        }),
      );
      units.push(...((page.Items ?? []) as OrgUnitRecord[]));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    const byId = new Map(units.map((u) => [u.id, u]));
    const children = new Map<string, string[]>();
    for (const u of units) if (u.parent) children.set(u.parent, [...(children.get(u.parent) ?? []), u.id]);
    return {
      units,
      get: (id) => byId.get(id),
      subtree(id) {
        if (!byId.has(id)) return [];
        const out: string[] = [];
        const stack = [id];
        while (stack.length) {
          const next = stack.pop()!;
          out.push(next);
          stack.push(...(children.get(next) ?? []));
        }
        return out;
      },
    };
  }

  return {
    async tree(): Promise<OrgTree> {
      if (!cached || now() - cached.at > TTL_MS) cached = { at: now(), tree: await load() };
      return cached.tree;
    },
    async ancestorsOf(orgId: string): Promise<string[] | undefined> {
      return (await this.tree()).get(orgId)?.ancestors;
    },
  };
}

export type OrgDirectory = ReturnType<typeof orgDirectory>;
