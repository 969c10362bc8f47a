/**
 * Certificate documents: a learner's PDF and a course's certificates as one ZIP. Their own
 * Lambda (functions/contexts.ts `certificate-documents`): PDF rendering, QR codes and ZIP
 * building (pdf-lib, qrcode, fflate) are most of its weight and need more memory, while the
 * verification routes (routes.ts) answer the public quickly from a small one. Access is declared
 * in openapi.ts and enforced by the guard; "within their units" is checked here (404 outside).
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono/tiny';
import { zipSync } from 'fflate';
import { isAllowed, scopeRoots } from '../core/access';
import { AppError } from '../core/errors';
import { validate, type AppEnv } from '../core/http';
import { CourseParam, ExportQuery, NumberParam } from './api';
import { statusAt, type CertificateRecord } from './issue';
import { exportObjectKey, pdfObjectKey } from './keys';
import { renderCertificatePdf } from './pdf';
import { ownCertificate, type CertificateDeps } from './routes';

/** Presigned links live 5 minutes: long enough to start a download, too short to pass around. */
const LINK_SECONDS = 300;
/** One ZIP holds at most this many certificates (Lambda time and memory); narrow by unit beyond. */
export const EXPORT_MAX = 300;

const slug = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
const csvCell = (v: string) => (/^[=+\-@]/.test(v) ? `'${v}` : v).replace(/"/g, '""');

export function certificateDocumentRoutes(deps: CertificateDeps) {
  const { store, orgs, clock } = deps;

  /** The PDF of a certificate: generated once, then served from S3. */
  async function pdfOf(cert: CertificateRecord): Promise<{ key: string; bytes?: Uint8Array }> {
    if (cert.pdfKey) return { key: cert.pdfKey };
    const { bytes } = await renderCertificatePdf(cert, deps.urls.verifyPage(cert.number));
    const key = pdfObjectKey(cert.number);
    await store.putObject(key, bytes, 'application/pdf');
    await store.savePdfKey(cert.number, key);
    return { key, bytes };
  }

  return new Hono<AppEnv>()
    .get('/certificates/mine/:number/pdf', validate('param', NumberParam), async (c) => {
      const cert = await ownCertificate(store, c, c.req.valid('param').number);
      const { key } = await pdfOf(cert);
      const url = await store.presign(key, { expiresIn: LINK_SECONDS, filename: `sijil-${cert.number}.pdf`, contentType: 'application/pdf' });
      c.header('Cache-Control', 'no-store');
      return c.json({ url, expiresAt: new Date(clock().getTime() + LINK_SECONDS * 1000).toISOString() });
    })

    .post('/certificates/courses/:code/export', validate('param', CourseParam), validate('query', ExportQuery), async (c) => {
      const { code } = c.req.valid('param');
      const { org } = c.req.valid('query');
      const assignments = c.get('assignments');
      const tree = await orgs.tree();
      const roots = scopeRoots(assignments, 'certificates:download');
      const units = new Set(roots.flatMap((r) => tree.subtree(r)));
      const wanted = org ? new Set(tree.subtree(org)) : undefined;
      const all = await store.ofCourse(code, 5000);
      const chosen = all.filter((cert) =>
        (!wanted || wanted.has(cert.orgId)) && units.has(cert.orgId) &&
        isAllowed(assignments, 'certificates:download', cert.orgId, tree.get(cert.orgId)?.ancestors ?? [], cert.course.programme));
      if (chosen.length > EXPORT_MAX) throw new AppError('CERTIFICATE_EXPORT_TOO_LARGE', { count: chosen.length, max: EXPORT_MAX });
      if (chosen.length === 0) return c.json({ count: 0, url: null, expiresAt: null });

      const now = clock();
      const files: Record<string, [Uint8Array, { level: 0 }]> = {};
      const index = ['nombor_sijil,nama,kursus,versi,tarikh_tamat,status,unit'];
      for (const cert of chosen) {
        const pdf = await pdfOf(cert);
        const bytes = pdf.bytes ?? (await store.getObject(pdf.key)) ?? (await renderCertificatePdf(cert, deps.urls.verifyPage(cert.number))).bytes;
        files[`${cert.number}-${slug(cert.holderName)}.pdf`] = [bytes, { level: 0 }];
        index.push([cert.number, cert.holderName, cert.course.code, cert.course.version, cert.completedAt, statusAt(cert, now), cert.orgId].map((v) => `"${csvCell(v)}"`).join(','));
      }
      // PDFs are compressed already (level 0: stored); the index is UTF-8 with a BOM for spreadsheets.
      const zip = zipSync({ ...files, 'senarai-sijil.csv': [new TextEncoder().encode(`\uFEFF${index.join('\r\n')}\r\n`), { level: 6 }] });
      const key = exportObjectKey(randomUUID());
      await store.putObject(key, zip, 'application/zip');
      const url = await store.presign(key, { expiresIn: LINK_SECONDS, filename: `sijil-${code}${org ? `-${org}` : ''}.zip`, contentType: 'application/zip' });
      return c.json({ count: chosen.length, url, expiresAt: new Date(now.getTime() + LINK_SECONDS * 1000).toISOString() });
    });
}

/** PDF download and ZIP export: the certificate-documents Lambda (and the local platform). */
export function mountCertificateDocuments(app: Hono<AppEnv>, deps: CertificateDeps) {
  return app.route('/api', certificateDocumentRoutes(deps));
}
