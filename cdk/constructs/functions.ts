/**
 * One Lambda per bounded context of functions/contexts.ts, each with its own role, log group
 * and exactly the data access its manifest entry lists (least privilege: no Scan anywhere);
 * plus, where the context needs them (cdk/manifest.ts), the token issuer and the PII HMAC key.
 */
import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { ContextManifest } from '../../functions/contexts';
import { acknowledge, bucketObjectsFinding } from '../nag';
import { repoRoot } from '../paths';

/**
 * The newest Node.js runtime this aws-cdk-lib offers (cdk-nag AwsSolutions-L1 requires the
 * newest of the family). `Runtime.NODEJS_LATEST` is deliberately not used: it means "newest in
 * every region" and currently lags one major behind. A test fails when aws-cdk-lib offers a newer
 * one, so upgrading is a deliberate change.
 */
export const LAMBDA_RUNTIME = lambda.Runtime.NODEJS_26_X;

/** IAM actions per manifest access level. Scan is never granted: every read goes by key or index. */
export const TABLE_ACTIONS = {
  none: [],
  read: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'],
  // There is no TransactWriteItems IAM action: a transaction is authorised per item action,
  // and a ConditionCheck inside it needs ConditionCheckItem.
  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html
  write: [
    'dynamodb:GetItem',
    'dynamodb:Query',
    'dynamodb:BatchGetItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:ConditionCheckItem',
  ],
} as const satisfies Record<ContextManifest['table'], readonly string[]>;

export const BUCKET_ACTIONS = {
  none: [],
  read: ['s3:GetObject'],
  write: ['s3:GetObject', 's3:PutObject'],
} as const satisfies Record<ContextManifest['contentBucket'], readonly string[]>;

/** KMS actions on the data key that go with a data access level (table or bucket). */
export const KMS_ACTIONS = {
  none: [],
  read: ['kms:Decrypt'],
  write: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
} as const satisfies Record<ContextManifest['table'], readonly string[]>;

export interface ContextFunctionProps {
  context: ContextManifest;
  stage: string;
  key: kms.IKey;
  table: dynamodb.ITable;
  tableIndexes: readonly string[];
  contentBucket: s3.IBucket;
  /**
   * Where signed-in users' tokens come from; given => OIDC_ISSUER and OIDC_CLIENT_ID (the app
   * verifies every token itself, functions/core/auth.ts).
   */
  auth?: { issuer: string; clientId: string; logoutUrl?: string };
  /**
   * The PII HMAC key; given => PII_HMAC_KEY_SECRET_ARN and secretsmanager:GetSecretValue on this
   * secret only (plus kms:Decrypt on the data key that encrypts it).
   */
  piiKeySecret?: secretsmanager.ISecret;
  /**
   * The user pool in which the function creates sign-in accounts (manifest `loginAccounts`);
   * given => COGNITO_USER_POOL_ID and exactly AdminCreateUser/AdminGetUser on this pool.
   */
  userPool?: cognito.IUserPool;
  /**
   * For the context that signs certificates (manifest `signsCertificates`): its KMS signing key
   * (CERT_SIGNING_KMS_KEY_ID, exactly kms:Sign and kms:GetPublicKey on it) and the site's address
   * (PUBLIC_BASE_URL, for QR codes and credential ids).
   */
  certificates?: { signingKey: kms.IKey; publicBaseUrl: string };
  /**
   * The site's address (PUBLIC_BASE_URL) for a context that prints links and QR codes but signs
   * nothing (manifest `publicBaseUrl`): no key, no KMS permission.
   */
  publicBaseUrl?: string;
}

export class ContextFunction extends Construct {
  readonly fn: nodejs.NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ContextFunctionProps) {
    super(scope, id);
    const { context, key, table, contentBucket } = props;

    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      // A year of function logs: the audit window for the state's training records.
      retention: logs.RetentionDays.ONE_YEAR,
      encryptionKey: key,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // An explicit role instead of AWSLambdaBasicExecutionRole: logging is scoped to this
    // function's own log group rather than to every log group of the account.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Latih ${context.name} function (${props.stage})`,
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'WriteOwnLogs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );

    const tableActions = TABLE_ACTIONS[context.table];
    if (tableActions.length > 0) {
      this.role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'Table',
          actions: [...tableActions],
          // Indexes are listed by name so no wildcard resource is needed.
          resources: [table.tableArn, ...props.tableIndexes.map((name) => `${table.tableArn}/index/${name}`)],
        }),
      );
    }
    const bucketActions = BUCKET_ACTIONS[context.contentBucket];
    if (bucketActions.length > 0) {
      this.role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'ContentBucketObjects',
          actions: [...bucketActions],
          resources: [contentBucket.arnForObjects('*')],
        }),
      );
      acknowledge(
        this.role,
        bucketObjectsFinding(contentBucket),
        `The ${context.name} context has ${context.contentBucket} access to objects of the content bucket (functions/contexts.ts); ` +
          'object keys are course ids and versions decided at run time, and the bucket holds nothing else.',
      );
    }
    if (props.piiKeySecret) {
      this.role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'PiiHmacKey',
          actions: ['secretsmanager:GetSecretValue'],
          resources: [props.piiKeySecret.secretArn],
        }),
      );
    }
    if (props.certificates) {
      this.role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'SignCertificates',
          actions: ['kms:Sign', 'kms:GetPublicKey'],
          resources: [props.certificates.signingKey.keyArn],
        }),
      );
    }
    if (props.userPool) {
      this.role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'CreateLoginAccounts',
          actions: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminGetUser'],
          resources: [props.userPool.userPoolArn],
        }),
      );
    }
    const kmsActions = [
      ...new Set([
        ...KMS_ACTIONS[context.table],
        ...KMS_ACTIONS[context.contentBucket],
        // The secret is encrypted with the data key; Secrets Manager decrypts it as the caller.
        ...(props.piiKeySecret ? (['kms:Decrypt'] as const) : []),
      ]),
    ];
    if (kmsActions.length > 0) {
      this.role.addToPolicy(new iam.PolicyStatement({ sid: 'DataKey', actions: kmsActions, resources: [key.keyArn] }));
    }

    this.fn = new nodejs.NodejsFunction(this, 'Function', {
      description: `Latih ${context.name} context (${props.stage})`,
      entry: join(repoRoot, context.entry),
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, 'package-lock.json'),
      runtime: LAMBDA_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: context.memorySize ?? 512,
      // API Gateway gives up after 30 s; a request that takes longer than 10 s is a bug.
      timeout: Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      // Plain names, no secrets: Lambda's default at-rest encryption is enough, and a CMK here
      // would add a KMS call to every cold start and kms:Decrypt to every role.
      environment: {
        TABLE_NAME: table.tableName,
        CONTENT_BUCKET: contentBucket.bucketName,
        POWERTOOLS_SERVICE_NAME: `latih-${context.name}`,
        LOG_LEVEL: 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
        ...(props.auth ? { OIDC_ISSUER: props.auth.issuer, OIDC_CLIENT_ID: props.auth.clientId } : {}),
        ...(props.auth?.logoutUrl ? { OIDC_LOGOUT_URL: props.auth.logoutUrl } : {}),
        ...(props.userPool ? { COGNITO_USER_POOL_ID: props.userPool.userPoolId } : {}),
        ...(props.certificates
          ? { CERT_SIGNING_KMS_KEY_ID: props.certificates.signingKey.keyArn, PUBLIC_BASE_URL: props.certificates.publicBaseUrl }
          : {}),
        ...(props.publicBaseUrl ? { PUBLIC_BASE_URL: props.publicBaseUrl } : {}),
        // The ARN, not the key: the function reads the value at cold start.
        ...(props.piiKeySecret ? { PII_HMAC_KEY_SECRET_ARN: props.piiKeySecret.secretArn } : {}),
      },
      bundling: {
        forceDockerBundling: false,
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        format: nodejs.OutputFormat.ESM,
        mainFields: ['module', 'main'],
        // CommonJS dependencies bundled into an ES module still call require().
        banner: "import { createRequire as __latihCreateRequire } from 'node:module'; const require = __latihCreateRequire(import.meta.url);",
        // The runtime ships the AWS SDK v3 (and its @smithy dependencies).
        externalModules: ['@aws-sdk/*', '@smithy/*'],
      },
    });
  }
}
