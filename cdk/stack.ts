/**
 * The Latih stack: storage, one Lambda per bounded context (from functions/contexts.ts), the
 * HTTP API routing to them, and the CloudFront-fronted web app.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { contexts as manifest, type ContextManifest } from '../functions/contexts';
import { Api } from './constructs/api';
import { Data, TABLE_INDEXES } from './constructs/data';
import { ContextFunction } from './constructs/functions';
import { Web } from './constructs/web';

export interface LatihStackProps extends StackProps {
  /** Deployment stage, e.g. `dev` or `prod`. */
  stage: string;
  /** The Lambda contexts; defaults to functions/contexts.ts (tests pass variants). */
  contexts?: readonly ContextManifest[];
  /** Built web app (web/build); omitted => the site is not deployed (synth before the web is built). */
  webAssetPath?: string;
  /** Custom domain: names and an ACM certificate in us-east-1 covering them. */
  domain?: { names: string[]; certificateArn: string };
}

export class LatihStack extends Stack {
  readonly data: Data;
  readonly functions: ReadonlyMap<string, ContextFunction>;
  readonly api: Api;
  readonly web: Web;

  constructor(scope: Construct, id: string, props: LatihStackProps) {
    super(scope, id, props);
    const { stage } = props;
    const contexts = props.contexts ?? manifest;

    this.data = new Data(this, 'Data', { stage });

    const functions = new Map<string, ContextFunction>();
    for (const context of contexts) {
      if (functions.has(context.name)) throw new Error(`Duplicate context "${context.name}" in functions/contexts.ts`);
      functions.set(
        context.name,
        new ContextFunction(this, `Context-${context.name}`, {
          context,
          stage,
          key: this.data.key,
          table: this.data.table,
          tableIndexes: TABLE_INDEXES,
          contentBucket: this.data.contentBucket,
        }),
      );
    }
    this.functions = functions;

    this.api = new Api(this, 'Api', {
      stage,
      key: this.data.key,
      contexts: contexts.map((c) => ({
        name: c.name,
        routes: c.routes,
        fn: functions.get(c.name)!.fn,
        ...(c.publicRoutes ? { publicRoutes: c.publicRoutes } : {}),
      })),
    });

    this.web = new Web(this, 'Web', {
      stage,
      key: this.data.key,
      logsBucket: this.data.logsBucket,
      httpApi: this.api.httpApi,
      ...(props.webAssetPath ? { webAssetPath: props.webAssetPath } : {}),
      ...(props.domain ? { domain: props.domain } : {}),
    });

    new CfnOutput(this, 'ApiUrl', { description: 'HTTP API ($default stage)', value: this.api.url });
    new CfnOutput(this, 'SiteUrl', {
      description: 'Web app (CloudFront)',
      value: `https://${props.domain?.names[0] ?? this.web.distribution.distributionDomainName}`,
    });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'ContentBucketName', { value: this.data.contentBucket.bucketName });
  }
}
