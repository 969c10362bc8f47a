/**
 * The certificates' signing key: an asymmetric KMS key (ECC_NIST_P256, SIGN_VERIFY) whose
 * private half never leaves KMS. The one context that signs (functions/contexts.ts
 * `signsCertificates`) gets kms:Sign and kms:GetPublicKey on it and nothing else; the public
 * key is published at /api/certificates/jwks.json. Retained: credentials already issued must
 * stay verifiable, so the key is never deleted with the stack.
 */
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export interface CertificatesProps {
  stage: string;
}

export class Certificates extends Construct {
  readonly signingKey: kms.Key;

  constructor(scope: Construct, id: string, props: CertificatesProps) {
    super(scope, id);
    this.signingKey = new kms.Key(this, 'SigningKey', {
      description: `Latih (${props.stage}): signs certificates' Open Badges credentials (ES256)`,
      alias: `alias/latih-${props.stage}-certificates`,
      keySpec: kms.KeySpec.ECC_NIST_P256,
      keyUsage: kms.KeyUsage.SIGN_VERIFY,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.signingKey).acknowledge({
      id: 'AwsSolutions-KMS5',
      reason:
        'Asymmetric signing keys cannot be rotated automatically by KMS. A new key is added (published next to the old one in the JWKS) ' +
        'and the old one kept for credentials already issued.',
    });
  }
}
