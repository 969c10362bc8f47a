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
 * The header carrying the viewer's address to the API. CloudFront sets it on every /api/*
 * request with a viewer-request function (cdk/constructs/web.ts, VIEWER_ADDRESS_CODE), from
 * the address of the connection it accepted, overwriting anything the client sent under that
 * name; the local static server does the same (functions/local/platform.ts). A managed origin
 * request policy cannot forward CloudFront-Viewer-Address without also forwarding Host, which
 * API Gateway refuses, so the function writes our own header instead.
 */
export const VIEWER_ADDRESS_HEADER = 'x-latih-viewer-address';

/**
 * Who is calling, for a per-address limit: the viewer address set by CloudFront. Headers a
 * client sets itself (X-Forwarded-For, Forwarded, X-Real-IP) are never read: they would let
 * anyone pick a fresh address for every request. IPv6 addresses count per /64, the block one
 * household or phone is given (each address in it would otherwise be a fresh allowance).
 * Without the header (a request that did not come through CloudFront) every caller shares
 * one allowance, `direct`.
 */
export function callerAddress(headers: { get(name: string): string | undefined | null }): string {
  const raw = headers.get(VIEWER_ADDRESS_HEADER)?.trim();
  if (!raw) return 'direct';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(raw)) return raw;
  if (/^[0-9a-f:]+$/i.test(raw) && raw.includes(':')) return `${ipv6Prefix64(raw)}::/64`;
  return 'direct';
}

/** The first four groups of an IPv6 address, expanded (`2001:db8::1` -> `2001:db8:0:0`). */
function ipv6Prefix64(address: string): string {
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':');
}
