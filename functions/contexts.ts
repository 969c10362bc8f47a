/**
 * The bounded contexts that ship as Lambdas, and what each may touch.
 *
 * The CDK stack builds one function per entry, routes the listed paths to it and grants
 * exactly the listed access (least privilege); the local server mounts the same apps.
 * Adding a context = a folder under functions/ + one entry here.
 */
export interface ContextManifest {
  /** Folder under functions/ and the function's logical name. */
  name: string;
  /** Lambda entry file (exports `handler`), relative to the repository root. */
  entry: string;
  /** HTTP API routes, "METHOD /path" in API Gateway syntax. */
  routes: string[];
  /** Table access: read = GetItem/Query/BatchGetItem; write adds Put/Update/Delete/TransactWrite. */
  table: 'none' | 'read' | 'write';
  /** Content bucket access. */
  contentBucket: 'none' | 'read' | 'write';
  /**
   * Routes (keys of `routes`) that need no signed-in user, each with the reason, recorded on
   * its cdk-nag acknowledgement. Every other route requires a valid token (API authorizer).
   */
  publicRoutes?: Record<string, string>;
  /** Memory, MB. */
  memorySize?: number;
}

export const contexts: ContextManifest[] = [
  {
    name: 'catalogue',
    entry: 'functions/catalogue/lambda.ts',
    routes: ['GET /api/catalogue/{proxy+}'],
    table: 'read',
    contentBucket: 'none',
    publicRoutes: {
      'GET /api/catalogue/{proxy+}': 'the course catalogue is public information for anyone in Negeri Sembilan browsing courses before signing in',
    },
  },
  {
    name: 'identity',
    entry: 'functions/identity/lambda.ts',
    routes: [
      'GET /api/auth/config',
      'GET /api/orgs',
      'GET /api/me',
      'PUT /api/me/profile',
      'GET /api/me/export',
      'GET /api/users',
      'GET /api/users/{id}',
      'POST /api/users/{id}/verify',
      'GET /api/users/{id}/roles',
      'POST /api/users/{id}/roles',
      'DELETE /api/users/{id}/roles/{role}/{orgId}',
    ],
    table: 'write',
    contentBucket: 'none',
    publicRoutes: {
      'GET /api/auth/config': 'a browser needs the OIDC issuer and client id before anyone signs in',
      'GET /api/orgs': 'the organisation tree (names of state units) is public information',
    },
  },
  {
    // Bulk registration: the CSV parser and long batches live apart from the identity function.
    name: 'imports',
    entry: 'functions/identity/import-lambda.ts',
    routes: ['POST /api/users/import'],
    table: 'write',
    contentBucket: 'none',
  },
  {
    name: 'audit',
    entry: 'functions/audit/lambda.ts',
    routes: ['GET /api/audit', 'GET /api/audit/verify'],
    table: 'read',
    contentBucket: 'none',
  },
  {
    name: 'docs',
    entry: 'functions/docs/lambda.ts',
    routes: ['GET /api/openapi.json', 'GET /api/docs', 'GET /api/health'],
    table: 'none',
    contentBucket: 'none',
    publicRoutes: {
      'GET /api/openapi.json': 'the OpenAPI document describes the API and holds no personal data',
      'GET /api/docs': 'the API reference page holds no personal data',
      'GET /api/health': 'the health check returns only "ok"',
    },
  },
];
