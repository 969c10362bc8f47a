/** The certificates context wired from configuration. */
import { KMSClient } from '@aws-sdk/client-kms';
import type { Hono } from 'hono/tiny';
import { auditLog } from '../core/audit';
import type { Clients } from '../core/clients';
import { required, type Config } from '../core/config';
import type { AppEnv } from '../core/http';
import { orgDirectory } from '../identity/orgs';
import { PROFILE_SK, userPk } from '../identity/keys';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { issuerUrls } from './credential';
import { certificateRoutes, type CertificateDeps } from './routes';
import { fileSigner, kmsSigner, type Signer } from './signer';
import { certificateStore } from './store';

/** The signer the configuration names: KMS in AWS, the local key file with `npm start`. */
export function signerFor(config: Config): Signer {
  const signing = required(config.certSigning, 'CERT_SIGNING_KMS_KEY_ID or CERT_SIGNING_KEY_FILE');
  return 'kmsKeyId' in signing ? kmsSigner(new KMSClient({ region: config.region }), signing.kmsKeyId) : fileSigner(signing.keyFile);
}

/** A signer made on first use, so an app without signing configuration still starts (and says what is missing when used). */
function lazySigner(make: () => Signer): Signer {
  let signer: Signer | undefined;
  const get = () => (signer ??= make());
  return { sign: (data) => get().sign(data), publicJwk: () => get().publicJwk() };
}

export function certificateDeps(config: Config, clients: Clients, clock: () => Date = () => new Date(), signer: Signer = lazySigner(() => signerFor(config))): CertificateDeps {
  const audit = auditLog(clients.ddb, config.tableName, clock);
  return {
    store: certificateStore(clients.ddb, clients.s3, config.tableName, config.contentBucket, audit),
    orgs: orgDirectory(clients.ddb, config.tableName),
    signer,
    get urls() {
      return issuerUrls(required(config.publicBaseUrl, 'PUBLIC_BASE_URL'));
    },
    clock,
    // Read-only look at the identity context's profile item (its keys are its contract).
    async profileOf(userId) {
      const { Item } = await clients.ddb.send(new GetCommand({ TableName: config.tableName, Key: { pk: userPk(userId), sk: PROFILE_SK } }));
      return Item ? { name: String(Item.name), ...(Item.ic ? { ic: String(Item.ic) } : {}) } : undefined;
    },
  };
}

/**
 * Verification, keys, status lists, my certificates, revoke and reissue: the certificates Lambda.
 * PDF and ZIP routes mount from document-routes.ts (`mountCertificateDocuments`), never from
 * here: importing them would put pdf-lib, qrcode and fflate in this Lambda's bundle.
 */
export function mountCertificates(app: Hono<AppEnv>, deps: CertificateDeps) {
  return app.route('/api', certificateRoutes(deps));
}
