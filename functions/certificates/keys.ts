/**
 * Keys of the certificates context (the access-pattern table is in docs/architecture.md).
 *
 *   certificate        pk=CERT#<number>        sk=CERT
 *                      gsi1pk=CERTS#USER#<userId>    gsi1sk=<completedAt>#<number>   (my certificates)
 *                      gsi2pk=CERTS#COURSE#<code>    gsi2sk=<completedAt>#<number>   (a course's certificates, ZIP)
 *   once-guard         pk=CERTFOR#<userId>#<code>#<version>  sk=CERTFOR   (number: the current certificate
 *                      of that completion; Put with attribute_not_exists = exactly one certificate per
 *                      completion of a course version; a reissue moves it to the new number)
 *   status list        pk=CERTSTATUS#<listId>  sk=LIST   (next: next free index; revoked: number set of
 *                      the indexes whose bit is 1; version: bumped on every change)
 *
 * S3 (content bucket): certificates/<number>.pdf (generated on first request, then cached),
 * certificates/exports/<uuid>.zip (ZIP downloads, fetched through short-lived presigned URLs).
 */
export const certPk = (number: string) => `CERT#${number}`;
export const CERT_SK = 'CERT';
export const userCertsPk = (userId: string) => `CERTS#USER#${userId}`;
export const courseCertsPk = (code: string) => `CERTS#COURSE#${code}`;
export const certSortKey = (completedAt: string, number: string) => `${completedAt}#${number}`;
export const guardPk = (userId: string, code: string, version: string) => `CERTFOR#${userId}#${code}#${version}`;
export const GUARD_SK = 'CERTFOR';
export const statusListPk = (listId: number) => `CERTSTATUS#${listId}`;
export const STATUS_LIST_SK = 'LIST';
export const pdfObjectKey = (number: string) => `certificates/${number}.pdf`;
export const exportObjectKey = (id: string) => `certificates/exports/${id}.zip`;
