/** The certificates context's operations: contract, documentation and access in one place. */
import * as z from 'zod/mini';
import type { Operation } from '../core/openapi';
import {
  CourseParam, CredentialFile, DownloadLink, ExportQuery, ExportResponse, ListParam, MyCertificates, NumberParam, ReasonBody, ReissueResponse,
  RevokeResponse, Verification,
} from './api';

const unauth = { status: 401, codes: ['UNAUTHENTICATED'] };
const forbidden = { status: 403, codes: ['FORBIDDEN'] };
const tooMany = { status: 429, codes: ['RATE_LIMITED'] };
const notFound = { status: 404, codes: ['CERTIFICATE_NOT_FOUND'] };
const published = 'the issuer profile, its public keys and the revocation list let anyone check a credential; they hold no personal data';

export const certificateOperations: Operation[] = [
  {
    method: 'get', path: '/api/certificates/verify/:number', operationId: 'verifyCertificate', tag: 'certificates',
    summary: { ms: 'Sahkan sijil dengan nombornya (awam)', en: 'Verify a certificate by its number (public)' },
    params: NumberParam, response: { status: 200, schema: Verification }, errors: [notFound, tooMany],
    // Enumeration: 30 tries a minute per address against ~6.6 × 10^11 numbers a year.
    access: { kind: 'public', because: 'employers, auditors and the treasury check a certificate without an account', rateLimit: { max: 30, windowSeconds: 60 } },
  },
  {
    method: 'get', path: '/api/certificates/issuer', operationId: 'getCertificateIssuer', tag: 'certificates',
    summary: { ms: 'Profil pengeluar (Open Badges 3.0) dengan kunci awam', en: 'Issuer profile (Open Badges 3.0) with public keys' },
    response: { status: 200, schema: z.object({ id: z.string(), name: z.string() }) }, errors: [],
    access: { kind: 'public', because: published },
  },
  {
    method: 'get', path: '/api/certificates/jwks.json', operationId: 'getCertificateKeys', tag: 'certificates',
    summary: { ms: 'Kunci awam pengeluar (JWKS)', en: 'Issuer public keys (JWKS)' },
    response: { status: 200, schema: z.object({ keys: z.array(z.object({ kid: z.string() })) }) }, errors: [],
    access: { kind: 'public', because: published },
  },
  {
    method: 'get', path: '/api/certificates/status/:list', operationId: 'getCertificateStatusList', tag: 'certificates',
    summary: { ms: 'Senarai status pembatalan (Bitstring Status List, VC-JWT)', en: 'Revocation status list (Bitstring Status List, VC-JWT)' },
    params: ListParam, response: { status: 200, schema: z.string(), contentType: 'application/jwt' }, errors: [{ status: 400, codes: ['VALIDATION_FAILED'] }],
    access: { kind: 'public', because: published },
  },
  {
    method: 'get', path: '/api/certificates/mine', operationId: 'listMyCertificates', tag: 'certificates',
    summary: { ms: 'Sijil saya', en: 'My certificates' },
    response: { status: 200, schema: MyCertificates }, errors: [unauth], access: { kind: 'signed-in' },
  },
  {
    method: 'get', path: '/api/certificates/mine/:number/credential', operationId: 'downloadMyCredential', tag: 'certificates',
    summary: { ms: 'Kelayakan digital bertandatangan (Open Badges 3.0, VC-JWT)', en: 'Signed digital credential (Open Badges 3.0, VC-JWT)' },
    params: NumberParam, response: { status: 200, schema: CredentialFile },
    errors: [unauth, notFound, { status: 409, codes: ['CERTIFICATE_NOT_VALID'] }, tooMany],
    access: { kind: 'signed-in', rateLimit: { max: 30, windowSeconds: 60 } },
  },
  {
    method: 'post', path: '/api/certificates/:number/revoke', operationId: 'revokeCertificate', tag: 'certificates',
    summary: { ms: 'Batalkan sijil (dengan sebab)', en: 'Revoke a certificate (with a reason)' },
    params: NumberParam, body: ReasonBody, response: { status: 200, schema: RevokeResponse },
    errors: [{ status: 400, codes: ['VALIDATION_FAILED'] }, unauth, forbidden, notFound, { status: 409, codes: ['CERTIFICATE_NOT_VALID', 'EDIT_CONFLICT'] }],
    // Scope (the certificate's unit and programme) is checked by the handler: 404 outside it.
    access: { kind: 'anywhere', permission: 'certificates:revoke' },
  },
  {
    method: 'post', path: '/api/certificates/:number/reissue', operationId: 'reissueCertificate', tag: 'certificates',
    summary: { ms: 'Keluarkan semula sijil selepas pembetulan nama', en: 'Reissue a certificate after a name correction' },
    params: NumberParam, body: ReasonBody, response: { status: 201, schema: ReissueResponse },
    errors: [{ status: 400, codes: ['VALIDATION_FAILED'] }, unauth, forbidden, notFound, { status: 409, codes: ['CERTIFICATE_NOT_VALID', 'CERTIFICATE_NAME_UNCHANGED', 'EDIT_CONFLICT'] }],
    access: { kind: 'anywhere', permission: 'certificates:reissue' },
  },
];

/** PDF download and ZIP export: the certificate-documents Lambda (document-routes.ts). */
export const certificateDocumentOperations: Operation[] = [
  {
    method: 'get', path: '/api/certificates/mine/:number/pdf', operationId: 'downloadMyCertificatePdf', tag: 'certificates',
    summary: { ms: 'Pautan muat turun PDF sijil saya (5 minit)', en: 'Download link of my certificate PDF (5 minutes)' },
    params: NumberParam, response: { status: 200, schema: DownloadLink }, errors: [unauth, notFound, tooMany],
    access: { kind: 'signed-in', rateLimit: { max: 30, windowSeconds: 60 } },
  },
  {
    method: 'post', path: '/api/certificates/courses/:code/export', operationId: 'exportCourseCertificates', tag: 'certificates',
    summary: { ms: 'Semua sijil sesuatu kursus dalam skop saya, satu fail ZIP', en: 'All certificates of a course within my scope, as one ZIP' },
    params: CourseParam, query: ExportQuery, response: { status: 200, schema: ExportResponse },
    errors: [{ status: 400, codes: ['VALIDATION_FAILED', 'CERTIFICATE_EXPORT_TOO_LARGE'] }, unauth, forbidden, tooMany],
    access: { kind: 'anywhere', permission: 'certificates:download', rateLimit: { max: 10, windowSeconds: 60 } },
  },
];
