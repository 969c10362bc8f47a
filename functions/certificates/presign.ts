/**
 * Presigned S3 GET URLs through the official presigner (@aws-sdk/s3-request-presigner): the S3
 * client's credentials, region, endpoint and path style; the download's file name and type ride
 * in the signed `response-content-disposition` / `response-content-type`.
 * Note: the local S3 server does not check signatures (docs/architecture.md); a URL is never
 * treated as authorisation, each is asked for by a route that checked access first.
 */
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export async function presignGet(
  s3: S3Client, bucket: string, key: string,
  options: { expiresIn: number; filename?: string; contentType?: string; now?: Date },
): Promise<string> {
  const command = new GetObjectCommand({
    Bucket: bucket, Key: key,
    ...(options.filename ? { ResponseContentDisposition: `attachment; filename="${options.filename}"` } : {}),
    ...(options.contentType ? { ResponseContentType: options.contentType } : {}),
  });
  return getSignedUrl(s3, command, { expiresIn: options.expiresIn, ...(options.now ? { signingDate: options.now } : {}) });
}
