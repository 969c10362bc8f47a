/**
 * Storage: the customer-managed key, the single DynamoDB table, the content bucket, the
 * access-logs bucket and the key of the personal-data lookups. Everything here holds data we
 * must keep: RemovalPolicy.RETAIN throughout.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { tableKeys } from '../../functions/core/table';

export interface DataProps {
  /** Deployment stage, e.g. `dev`; names the key alias. */
  stage: string;
}

/** Global secondary indexes of the single table, by name (from functions/core/table.ts). */
export const TABLE_INDEXES = tableKeys.globalSecondaryIndexes.map((g) => g.indexName);

export class Data extends Construct {
  /** Encrypts the table, the content bucket and every log group of the stack. */
  readonly key: kms.Key;
  readonly table: dynamodb.Table;
  readonly contentBucket: s3.Bucket;
  /** Receives S3 server access logs of every other bucket. */
  readonly logsBucket: s3.Bucket;
  /**
   * HMAC key of the MyKad and email lookup items (functions/core/pii.ts). Losing or changing it
   * orphans every lookup item, so it is kept like the table itself.
   */
  readonly piiKeySecret: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: DataProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.key = new kms.Key(this, 'Key', {
      description: `Latih (${props.stage}): table, content bucket and log groups`,
      alias: `alias/latih-${props.stage}`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch Logs encrypts log groups with this key; scoped to this account's log groups
    // in this region. https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchLogsOfThisAccount',
        principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:*`,
          },
        },
      }),
    );

    // Single-table design: keys and the GSI come from the access-pattern table in docs/architecture.md.
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: tableKeys.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: tableKeys.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      deletionProtection: true,
      timeToLiveAttribute: tableKeys.ttlAttribute,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of tableKeys.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }

    // S3 server access logging can only deliver to a bucket encrypted with SSE-S3 (not SSE-KMS).
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
    this.logsBucket = new s3.Bucket(this, 'LogsBucket', {
      ...secureBucketDefaults,
      encryption: s3.BucketEncryption.S3_MANAGED,
      lifecycleRules: [
        { id: 'expire-access-logs', expiration: Duration.days(400), noncurrentVersionExpiration: Duration.days(30) },
      ],
    });
    Validations.of(this.logsBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-logs bucket itself: logging it into itself would loop; its own reads are audited by CloudTrail.',
    });

    this.contentBucket = new s3.Bucket(this, 'ContentBucket', {
      ...secureBucketDefaults,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      serverAccessLogsBucket: this.logsBucket,
      serverAccessLogsPrefix: 'content/',
      lifecycleRules: [{ id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) }],
    });

    this.piiKeySecret = new secretsmanager.Secret(this, 'PiiHmacKey', {
      description: `Latih (${props.stage}): HMAC key of the MyKad and email lookup items`,
      // 64 letters and digits, about 380 bits: no escaping issues wherever the key is handled.
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      encryptionKey: this.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.piiKeySecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Not rotated automatically: every MyKad/email lookup item is keyed by an HMAC under this key, so a new key orphans them ' +
        'all. Rotation needs a re-keying job (recompute the lookup items from the profiles under the new key) first; planned.',
    });
  }
}

/** What every bucket of the stack has: no public access, TLS only, versioning, retained on delete. */
export const secureBucketDefaults = {
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
  enforceSSL: true,
  minimumTLSVersion: 1.2,
  versioned: true,
  removalPolicy: RemovalPolicy.RETAIN,
} satisfies s3.BucketProps;
