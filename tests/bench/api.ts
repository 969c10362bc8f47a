/**
 * Catalogue list route vs a bare DynamoDB Local GetItem, both behind an HTTP server in the
 * same process and loaded by autocannon in the same run, so the machine's noise hits both.
 */
import autocannon from 'autocannon';
import { serve } from '@hono/node-server';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Platform } from '../../functions/local/platform';

type Result = { p50: number; p99: number; rps: number; non2xx: number };

function load(url: string, seconds: number, connections: number): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, duration: seconds, connections, pipelining: 1 }, (err, r) => {
      if (err) return reject(err);
      resolve({ p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average, non2xx: r.non2xx });
    });
  });
}

export async function measureApi(platform: Platform, seconds = 10, connections = 10) {
  const { ddb } = platform.clients;
  const table = platform.config.tableName;
  // The bare storage calls, each behind the thinnest HTTP server Node offers.
  const bare = serve({
    port: 0, hostname: '127.0.0.1',
    fetch: async (req) => {
      if (new URL(req.url).pathname === '/query') {
        const out = await ddb.send(new QueryCommand({ TableName: table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': 'COURSES' }, Limit: 13 }));
        return Response.json(out.Items);
      }
      const out = await ddb.send(new GetCommand({ TableName: table, Key: { pk: 'COURSE#DA-301', sk: 'META' } }));
      return Response.json(out.Item);
    },
  });
  await new Promise((r) => bare.once('listening', r));
  const port = (bare.address() as { port: number }).port;
  const api = platform.apiUrl;

  // Warm-up, then measured runs interleaved so drift affects both.
  await load(`${api}/api/catalogue/courses`, 2, connections);
  await load(`http://127.0.0.1:${port}/get`, 2, connections);
  const route = await load(`${api}/api/catalogue/courses`, seconds, connections);
  const getItem = await load(`http://127.0.0.1:${port}/get`, seconds, connections);
  const query = await load(`http://127.0.0.1:${port}/query`, seconds, connections);
  const detail = await load(`${api}/api/catalogue/courses/DA-301`, seconds, connections);
  bare.close();
  return { route, getItem, query, detail, seconds, connections };
}
