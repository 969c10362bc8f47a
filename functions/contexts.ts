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
  /**
   * Creates sign-in accounts (CSV import of civil servants and teachers): the function gets
   * COGNITO_USER_POOL_ID and cognito-idp:AdminCreateUser/AdminGetUser on the pool, nothing more.
   */
  loginAccounts?: 'create';
  /**
   * Signs certificates' credentials: the function gets the stack's certificate signing key
   * (CERT_SIGNING_KMS_KEY_ID, kms:Sign and kms:GetPublicKey on that key only) and the site's
   * address (PUBLIC_BASE_URL) for QR codes and credential ids.
   */
  signsCertificates?: true;
  /** Needs the site's address (PUBLIC_BASE_URL, for links and QR codes) without signing anything. */
  publicBaseUrl?: true;
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
    routes: ['POST /api/users/import', 'GET /api/exports/users.csv'],
    table: 'write',
    contentBucket: 'none',
    loginAccounts: 'create',
  },
  {
    name: 'learning',
    entry: 'functions/learning/lambda.ts',
    routes: [
      'GET /api/me/learning',
      'POST /api/me/enrolments',
      'POST /api/me/paths',
      'GET /api/me/enrolments/{code}',
      'DELETE /api/me/enrolments/{code}',
      'GET /api/me/enrolments/{code}/lessons/{lessonId}',
      'POST /api/me/enrolments/{code}/progress',
      'GET /api/me/enrolments/{code}/quiz',
      'POST /api/me/enrolments/{code}/quiz/attempts',
      'GET /api/me/completions',
      'POST /api/users/{id}/enrolments',
      'POST /api/orgs/{orgId}/enrolments',
      'POST /api/users/{id}/enrolments/{code}/decision',
      'GET /api/approvals',
      'GET /api/reports/learning',
      'GET /api/reports/courses/{code}',
    ],
    table: 'write',
    // Course version snapshots (lessons and quizzes of every version learners are on).
    contentBucket: 'read',
  },
  {
    // Verification (public, latency-sensitive), keys, status lists, credentials, revoke, reissue.
    name: 'certificates',
    entry: 'functions/certificates/lambda.ts',
    routes: [
      'GET /api/certificates/verify/{number}',
      'GET /api/certificates/issuer',
      'GET /api/certificates/jwks.json',
      'GET /api/certificates/status/{list}',
      'GET /api/certificates/mine',
      'GET /api/certificates/mine/{number}/credential',
      'POST /api/certificates/{number}/revoke',
      'POST /api/certificates/{number}/reissue',
    ],
    table: 'write',
    contentBucket: 'none',
    publicRoutes: {
      'GET /api/certificates/verify/{number}': 'anyone (employers, auditors, the treasury) checks a certificate by its number or QR code without an account; rate-limited per address',
      'GET /api/certificates/issuer': 'the issuer profile with its public keys lets anyone verify a credential offline',
      'GET /api/certificates/jwks.json': 'the issuer public keys (JWKS) let anyone verify a credential offline',
      'GET /api/certificates/status/{list}': 'the signed revocation list holds only bits, no personal data, and lets verifiers see revocations',
    },
    signsCertificates: true,
  },
  {
    // PDF download and ZIP export: pdf-lib, qrcode and fflate live apart from verification.
    name: 'certificate-documents',
    entry: 'functions/certificates/document-lambda.ts',
    routes: ['GET /api/certificates/mine/{number}/pdf', 'POST /api/certificates/courses/{code}/export'],
    // Saves each PDF's key on its certificate once rendered.
    table: 'write',
    // PDFs and ZIP exports under certificates/ (functions/certificates/keys.ts).
    contentBucket: 'write',
    // PDF rendering and ZIP building.
    memorySize: 1024,
    // The verification address printed (and QR-coded) on each PDF; signs nothing.
    publicBaseUrl: true,
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
