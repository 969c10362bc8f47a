/**
 * Helpers to acknowledge cdk-nag findings precisely. cdk-nag v3 names each IAM5 wildcard
 * finding by the flattened resource (`Resource::<LogicalId.Arn>/*`), so an acknowledgement must
 * spell the exact string; these build it from the constructs instead of hard-coding logical ids.
 */
import { type CfnResource, DefaultStackSynthesizer, Stack, Token, Validations } from 'aws-cdk-lib';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';

/** `AwsSolutions-IAM5[Resource::<Bucket.Arn>/*]` for a bucket defined in this app. */
export function bucketObjectsFinding(bucket: s3.IBucket): string {
  const cfn = bucket.node.defaultChild as CfnResource;
  const logicalId = Stack.of(bucket).resolve(Stack.of(bucket).getLogicalId(cfn)) as string;
  return `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/*]`;
}

/**
 * The IAM5 finding for objects of the CDK bootstrap asset bucket, as a BucketDeployment grants it
 * (default synthesizer and bucket name; account and region literal when known, else pseudo-parameters).
 */
export function assetBucketObjectsFinding(stack: Stack): string {
  const synthesizer = stack.synthesizer;
  if (!(synthesizer instanceof DefaultStackSynthesizer)) {
    throw new Error('The asset-bucket acknowledgement assumes the DefaultStackSynthesizer');
  }
  const literal = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<${pseudo}>` : value);
  const bucketName = DefaultStackSynthesizer.DEFAULT_FILE_ASSETS_BUCKET_NAME.replace(
    '${Qualifier}',
    synthesizer.bootstrapQualifier ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER,
  )
    .replace('${AWS::AccountId}', literal(stack.account, 'AWS::AccountId'))
    .replace('${AWS::Region}', literal(stack.region, 'AWS::Region'));
  const partition = literal(stack.partition, 'AWS::Partition');
  return `AwsSolutions-IAM5[Resource::arn:${partition}:s3:::${bucketName}/*]`;
}

export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}
