/**
 * Fixed-window rate limits shared by every Lambda instance: one atomic counter per caller and
 * window in DynamoDB (ADD, with a TTL so counters clean themselves up). One small write per
 * limited request; used where abuse matters (searching people, public lookups, profile writes),
 * not on every catalogue read.
 */
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export type RateRule = { name: string; max: number; windowSeconds: number };

export type RateLimiter = (rule: RateRule, caller: string) => Promise<{ allowed: boolean; retryAfter: number }>;

export function dynamoRateLimiter(ddb: DynamoDBDocumentClient, tableName: string, now: () => number = Date.now): RateLimiter {
  return async (rule, caller) => {
    const t = Math.floor(now() / 1000);
    const window = Math.floor(t / rule.windowSeconds);
    const { Attributes } = await ddb.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: `RATE#${rule.name}#${caller}`, sk: `W#${window}` },
        UpdateExpression: 'ADD hits :one SET expiresAt = if_not_exists(expiresAt, :exp)',
        ExpressionAttributeValues: { ':one': 1, ':exp': (window + 2) * rule.windowSeconds },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const hits = Number(Attributes?.hits ?? 1);
    return { allowed: hits <= rule.max, retryAfter: (window + 1) * rule.windowSeconds - t };
  };
}

/**
 * Who is calling, for a per-IP limit. Behind CloudFront the viewer's address is in
 * CloudFront-Viewer-Address (forwarded by the /api/* origin request policy); a client-set
 * X-Forwarded-For is not trusted for this.
 */
export function callerAddress(headers: { get(name: string): string | undefined | null }): string {
  const viewer = headers.get('cloudfront-viewer-address');
  if (viewer) return viewer.replace(/:\d+$/, '');
  return 'direct';
}
