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
   * Why this context's routes need no signed-in user. Absent = every route requires a valid
   * token (API authorizer). The reason is recorded with the cdk-nag acknowledgement.
   */
  publicBecause?: string;
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
    publicBecause: 'the course catalogue is public information for anyone in Negeri Sembilan browsing courses before signing in',
  },
  {
    name: 'docs',
    entry: 'functions/docs/lambda.ts',
    routes: ['GET /api/openapi.json', 'GET /api/docs', 'GET /api/health'],
    table: 'none',
    contentBucket: 'none',
    publicBecause: 'the OpenAPI document, API reference page and health check are public and return no personal data',
  },
];
