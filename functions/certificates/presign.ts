/**
 * Presigned S3 GET URLs (SigV4 query signing, UNSIGNED-PAYLOAD), built on the SDK's own signer
 * (@smithy/signature-v4) with the S3 client's credentials, region and endpoint: what
 * @aws-sdk/s3-request-presigner does, without adding that package. Swap for it when installed.
 * Note: the local S3 server does not check signatures (docs/architecture.md); a URL is never
 * treated as authorisation, each is asked for by a route that checked access first.
 */
import { createHash, createHmac, type BinaryLike } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import { SignatureV4 } from '@smithy/signature-v4';

class Sha256 {
  private readonly h;
  constructor(secret?: BinaryLike) {
    this.h = secret === undefined ? createHash('sha256') : createHmac('sha256', secret as BinaryLike);
  }
  update(data: BinaryLike) {
    this.h.update(data);
  }
  async digest() {
    return new Uint8Array(this.h.digest());
  }
}

/** Escapes an S3 key for a URL path (slashes kept). */
const keyPath = (key: string) => key.split('/').map(encodeURIComponent).join('/');

export async function presignGet(
  s3: S3Client, bucket: string, key: string,
  options: { expiresIn: number; filename?: string; contentType?: string; now?: Date },
): Promise<string> {
  const region = await s3.config.region();
  const endpoint = s3.config.endpoint ? await s3.config.endpoint() : undefined;
  const pathStyle = Boolean(s3.config.forcePathStyle);
  const host = endpoint ? `${endpoint.hostname}${endpoint.port ? `:${endpoint.port}` : ''}` : pathStyle ? `s3.${region}.amazonaws.com` : `${bucket}.s3.${region}.amazonaws.com`;
  const protocol = endpoint?.protocol ?? 'https:';
  const path = pathStyle || endpoint ? `/${bucket}/${keyPath(key)}` : `/${keyPath(key)}`;
  const query: Record<string, string> = {};
  if (options.filename) query['response-content-disposition'] = `attachment; filename="${options.filename}"`;
  if (options.contentType) query['response-content-type'] = options.contentType;
  const signer = new SignatureV4({ service: 's3', region, credentials: s3.config.credentials, sha256: Sha256 as never, uriEscapePath: false, applyChecksum: false });
  const signed = await signer.presign(
    { method: 'GET', protocol, hostname: host.replace(/:\d+$/, ''), ...(endpoint?.port ? { port: endpoint.port } : {}), path, query, headers: { host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } } as never,
    { expiresIn: options.expiresIn, ...(options.now ? { signingDate: options.now } : {}) },
  );
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(signed.query ?? {})) params.append(k, String(v));
  return `${protocol}//${host}${path}?${params.toString().replace(/\+/g, '%20')}`;
}
