/**
 * The whole platform on localhost: storage services, table and buckets, content, the API
 * (the very Hono app the Lambdas run) and the web app. Used by `npm start`, the browser
 * tests and the benchmarks, so all three exercise the same wiring.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { IncomingMessage, Server } from 'node:http';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { contentSecurityPolicy, inlineScriptHashes } from '../../cdk/csp';
import { createClients, type Clients } from '../core/clients';
import { VIEWER_ADDRESS_HEADER } from '../core/rate-limit';
import { loadConfig, type Config } from '../core/config';
import { createPlatformApp } from '../platform';
import { formatProblems, loadContent } from '../catalogue/content/load';
import { syncContent, type SyncReport } from '../catalogue/content/sync';
import type { Progress } from '../catalogue/content/progress';
import { identityDeps } from '../identity/app';
import { ensureBucket, ensureTable } from './bootstrap';
import { seedDemoPeople } from './demo';
import { seedDemoLearning } from './demo-learning';
import { learningDeps } from '../learning/app';
import { loadDemoAccounts, orgUnitIds } from './oidc/accounts';
import { startOidcProvider } from './oidc/provider';
import { choosePort, localCredentials, startDynamoDbLocal, startS3Local, type Service } from './services';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const webBuildDir = join(repoRoot, 'web', 'build');

export type PlatformOptions = {
  /** Persist storage here (`.data/`); omit for in-memory storage. */
  dataDir?: string;
  /** Reuse running storage (tests) instead of starting it. */
  storage?: { dynamodbEndpoint: string; s3Endpoint: string };
  tableName?: string;
  contentBucket?: string;
  /** dev: Vite dev server proxying /api; static: the built web app (as CloudFront serves it); none: API only. */
  web: 'dev' | 'static' | 'none';
  port?: number;
  contentDir?: string;
  progress?: Progress;
  /** Give the demo accounts their profiles and roles (default true). */
  demo?: boolean;
};

/** The web app's client id at the local OpenID provider. */
export const LOCAL_CLIENT_ID = 'latih-web-local';

/** A random key, kept in the data folder so lookups stay valid across restarts. */
function localPiiKey(dataDir: string | undefined, name = 'pii-hmac.key'): string {
  if (!dataDir) return randomBytes(48).toString('base64url');
  const file = join(dataDir, name);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

export type Platform = {
  /** Where a person opens the platform. */
  url: string;
  apiUrl: string;
  /** The local OpenID provider (demo accounts). */
  issuer: string;
  config: Config;
  clients: Clients;
  sync: SyncReport;
  stop(): Promise<void>;
};

/**
 * What CloudFront does in AWS, done locally: /api/* to the API; any path whose last segment
 * has no extension rewritten to the SPA fallback page (the same rule as the CloudFront
 * Function in cdk/constructs/web.ts); other paths served from the web build, compressed.
 */
export function staticSite(api: Hono<any>, root = webBuildDir, options: { connect?: string[] } = {}) {
  const site = new Hono<{ Bindings: { incoming?: IncomingMessage } }>();
  const files = serveStatic({ root });
  const fallback = serveStatic({ root, path: '200.html' });
  // Like the /api/* behaviour: the API app answers everything under /api, its 404s included,
  // with the viewer's address set as CloudFront's viewer-request function sets it.
  site.all('/api/*', (c) => {
    const request = new Request(c.req.raw);
    const address = c.env?.incoming?.socket.remoteAddress?.replace(/^::ffff:/, '');
    if (address) request.headers.set(VIEWER_ADDRESS_HEADER, address);
    else request.headers.delete(VIEWER_ADDRESS_HEADER);
    return api.fetch(request);
  });
  // Like the site's response headers policy: the same Content-Security-Policy (cdk/csp.ts).
  const csp = contentSecurityPolicy({ scriptHashes: inlineScriptHashes(root), connect: options.connect ?? [] });
  site.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', csp);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
  });
  site.use('*', compress());
  site.get('*', (c, next) => {
    const last = c.req.path.slice(c.req.path.lastIndexOf('/') + 1);
    return last.includes('.') ? files(c, next) : fallback(c, next);
  });
  return site;
}

async function withRetries<T>(start: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await start();
    } catch (err) {
      if (i >= attempts || (err as { code?: string }).code !== 'EADDRINUSE') throw err;
    }
  }
}

function listen(fetch: (req: Request) => Response | Promise<Response>, port: number): Promise<Server> {
  return new Promise((resolveServer) => {
    const server = serve({ fetch, port, hostname: '127.0.0.1' }, () => resolveServer(server as Server));
  });
}

export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  try {
    // The SDK wants credentials even where nobody checks them.
    process.env.AWS_ACCESS_KEY_ID ??= localCredentials.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY ??= localCredentials.secretAccessKey;
    // Node 20 still runs the pinned SDK; the notice is in docs/architecture.md, not on every start.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

    let storage = options.storage;
    if (!storage) {
      const ddb: Service = await startDynamoDbLocal({
        port: await choosePort(8000),
        ...(options.dataDir ? { dataDir: join(options.dataDir, 'ddb') } : {}),
      });
      stops.push(ddb.stop);
      const s3Dir = options.dataDir ? join(options.dataDir, 's3') : mkdtempSync(join(tmpdir(), 'latih-s3-'));
      if (!options.dataDir) stops.push(async () => rmSync(s3Dir, { recursive: true, force: true }));
      const s3: Service = await startS3Local({ port: await choosePort(4569), directory: s3Dir });
      stops.push(s3.stop);
      storage = { dynamodbEndpoint: ddb.endpoint, s3Endpoint: s3.endpoint };
    }

    // The web origin first: the OpenID client's redirect URIs name it.
    const webPort = await choosePort(options.port ?? 3000);
    const origins = [`http://127.0.0.1:${webPort}`, `http://localhost:${webPort}`];
    // The imports' way to create sign-in accounts (Cognito's AdminCreateUser in AWS).
    const accountAdminSecret = localPiiKey(options.dataDir, 'account-admin.secret');
    const accounts = loadDemoAccounts(join(repoRoot, 'content', 'demo', 'accounts.yaml'), { orgIds: orgUnitIds(join(options.contentDir ?? join(repoRoot, 'content'), 'org')) });
    // Two platforms starting at once may pick the same free port: retry on another.
    const oidc = await withRetries(async () => startOidcProvider({
      port: await choosePort(9400 + Math.floor(Math.random() * 50)),
      accounts,
      clientId: LOCAL_CLIENT_ID,
      redirectUris: origins.map((o) => `${o}/auth/callback`),
      postLogoutRedirectUris: origins.map((o) => `${o}/`),
      ...(options.dataDir ? { keysFile: join(options.dataDir, 'oidc-keys.json'), importedAccountsFile: join(options.dataDir, 'oidc-imported-accounts.json') } : {}),
      adminSecret: accountAdminSecret,
    }));
    stops.push(oidc.stop);

    const config = loadConfig({
      ...process.env,
      TABLE_NAME: options.tableName ?? process.env.TABLE_NAME ?? 'latih-local',
      CONTENT_BUCKET: options.contentBucket ?? process.env.CONTENT_BUCKET ?? 'latih-content-local',
      DYNAMODB_ENDPOINT: storage.dynamodbEndpoint,
      S3_ENDPOINT: storage.s3Endpoint,
      OIDC_ISSUER: oidc.issuer,
      OIDC_CLIENT_ID: LOCAL_CLIENT_ID,
      OIDC_JWKS_URL: oidc.jwksUri,
      PII_HMAC_KEY: localPiiKey(options.dataDir),
      ACCOUNT_ADMIN_URL: oidc.accountAdminUrl,
      ACCOUNT_ADMIN_SECRET: accountAdminSecret,
      // Certificates: QR codes point at this web origin; the signing key is a file kept in .data
      // (created on first start), or a throwaway one without a data folder.
      PUBLIC_BASE_URL: origins[0],
      CERT_SIGNING_KEY_FILE: join(options.dataDir ?? mkdtempSync(join(tmpdir(), 'latih-cert-key-')), 'cert-signing-key.json'),
    });
    const clients = createClients(config);
    await ensureTable(clients.ddb, config.tableName);
    await ensureBucket(clients.s3, config.contentBucket);

    const { content, problems } = loadContent(options.contentDir ?? join(repoRoot, 'content'));
    if (problems.length) throw new Error(`content/ has problems:\n${formatProblems(problems)}`);
    const sync = await syncContent(content, clients, config, options.progress);
    if (options.demo ?? true) {
      const identity = identityDeps(config, clients);
      await seedDemoPeople(accounts, identity);
      await seedDemoLearning(learningDeps(config, clients), identity.store);
    }

    const api = createPlatformApp(config, clients);
    let url: string;
    let apiUrl: string;
    if (options.web === 'dev') {
      const apiServer = await listen(api.fetch, await choosePort(webPort + 1));
      const apiPort = (apiServer.address() as { port: number }).port;
      stops.push(() => new Promise((r) => apiServer.close(() => r())));
      apiUrl = `http://127.0.0.1:${apiPort}`;
      const { createServer } = await import('vite');
      // SvelteKit reads svelte.config.js from the working directory; every path here is absolute.
      process.chdir(join(repoRoot, 'web'));
      const vite = await createServer({
        root: join(repoRoot, 'web'),
        configFile: join(repoRoot, 'web', 'vite.config.ts'),
        server: {
          host: '127.0.0.1',
          port: webPort,
          strictPort: true,
          proxy: { '/api': { target: apiUrl, changeOrigin: false } },
        },
        logLevel: 'warn',
      });
      await vite.listen();
      stops.push(() => vite.close());
      url = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${vite.config.server.port}/`;
    } else {
      if (options.web === 'static' && !existsSync(join(webBuildDir, '200.html'))) {
        throw new Error('web/build is missing: run `npm run web:build` first');
      }
      const app = options.web === 'static' ? staticSite(api, webBuildDir, { connect: [oidc.issuer] }) : api;
      const server = await listen(app.fetch, webPort);
      const port = (server.address() as { port: number }).port;
      stops.push(() => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }));
      url = `http://127.0.0.1:${port}/`;
      apiUrl = `http://127.0.0.1:${port}`;
    }
    return { url, apiUrl, issuer: oidc.issuer, config, clients, sync, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
