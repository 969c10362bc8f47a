/**
 * Certificate routes: public verification and the issuer's published keys and revocation list;
 * a learner's own certificates (signed credential, share link); revocation and reissue for
 * administrators within their units. PDF download and ZIP export are in document-routes.ts
 * (their own Lambda: pdf-lib, qrcode and fflate stay out of this one). Access is declared in
 * openapi.ts and enforced by the guard (core/http.ts); "within their units" is checked here,
 * answering 404 for a certificate outside them, as the guard does for scoped routes.
 */
import type { Context } from 'hono';
import { Hono } from 'hono/tiny';
import type { ExtractSchema } from 'hono/types';
import { isAllowed, type Assignment, type Permission } from '../core/access';
import { AppError } from '../core/errors';
import { validate, type AppEnv } from '../core/http';
import { maskMyKad } from '../core/mykad';
import type { OrgDirectory } from '../identity/orgs';
import { ListParam, NumberParam, ReasonBody, type Verification } from './api';
import { ISSUER_NAME, issuerProfile, signCredential, signStatusList, type IssuerUrls } from './credential';
import { newCertificate, statusAt, type CertificateRecord } from './issue';
import { normaliseCertificateNumber } from './number';
import type { Signer } from './signer';
import type { certificateDocumentRoutes } from './document-routes';
import type { CertificateStore } from './store';

export type CertificateDeps = {
  store: CertificateStore;
  orgs: OrgDirectory;
  signer: Signer;
  urls: IssuerUrls;
  clock: () => Date;
  /** The holder's current profile (name, MyKad) for a reissue after a name correction. */
  profileOf(userId: string): Promise<{ name: string; ic?: string } | undefined>;
};

export function present(c: CertificateRecord, urls: IssuerUrls, now: Date): Verification {
  return {
    number: c.number, status: statusAt(c, now), issuer: ISSUER_NAME, holderName: c.holderName,
    ...(c.icMasked ? { icMasked: c.icMasked } : {}),
    course: c.course, completedAt: c.completedAt, issuedAt: c.issuedAt,
    ...(c.expiresAt ? { expiresAt: c.expiresAt } : {}),
    ...(c.revocation ? { revokedAt: c.revocation.at } : {}),
    ...(c.supersededBy ? { supersededBy: c.supersededBy } : {}),
    ...(c.reissueOf ? { reissueOf: c.reissueOf } : {}),
    ...(c.renews ? { renews: c.renews } : {}),
    ...(c.renewedBy ? { renewedBy: c.renewedBy } : {}),
    verifyUrl: urls.verifyPage(c.number),
  };
}

/** The certificate with this number (in any accepted spelling), else 404. */
export async function findCertificate(store: CertificateStore, raw: string): Promise<CertificateRecord> {
  const number = normaliseCertificateNumber(raw);
  const c = number ? await store.get(number) : undefined;
  if (!c) throw new AppError('CERTIFICATE_NOT_FOUND');
  return c;
}

/** The caller's own certificate with this number, else 404 (someone else's is not found either). */
export async function ownCertificate(store: CertificateStore, c: Context<AppEnv>, raw: string): Promise<CertificateRecord> {
  const cert = await findCertificate(store, raw);
  if (cert.userId !== c.get('principal').userId) throw new AppError('CERTIFICATE_NOT_FOUND');
  return cert;
}

/**
 * Verification, the issuer's keys and status lists, the holder's certificates and credentials,
 * revoke and reissue: the certificates Lambda. PDFs and ZIP exports are in document-routes.ts.
 */
export function certificateRoutes(deps: CertificateDeps) {
  const { store, orgs, signer, clock } = deps;

  /** Signed status lists per warm Lambda, re-signed only when the list changes. */
  const signedLists = new Map<number, { version: number; jwt: string }>();

  const find = (raw: string) => findCertificate(store, raw);
  const mine = (c: Context<AppEnv>, raw: string) => ownCertificate(store, c, raw);

  /** A certificate within the caller's units (and programme, for programme administrators), else 404. */
  const managed = async (c: Context<AppEnv>, raw: string, permission: Permission) => {
    const cert = await find(raw);
    const ancestors = (await orgs.ancestorsOf(cert.orgId)) ?? [];
    if (!isAllowed(c.get('assignments'), permission, cert.orgId, ancestors, cert.course.programme)) throw new AppError('CERTIFICATE_NOT_FOUND');
    return cert;
  };

  const actingRole = (assignments: Assignment[], permission: Permission, cert: CertificateRecord, ancestors: string[]) =>
    assignments.find((a) => isAllowed([a], permission, cert.orgId, ancestors, cert.course.programme))?.role;

  /** The signed credential: signed once (after its status list entry is given), then kept. */
  async function credentialOf(cert: CertificateRecord): Promise<{ jwt: string; list: number }> {
    if (cert.credential && cert.statusEntry) return { jwt: cert.credential, list: cert.statusEntry.list };
    if (cert.status !== 'valid') throw new AppError('CERTIFICATE_NOT_VALID');
    const withEntry = await store.ensureStatusEntry(cert);
    const jwt = await signCredential(withEntry, deps.urls, signer);
    await store.saveCredential(cert.number, jwt);
    return { jwt: (await store.get(cert.number))?.credential ?? jwt, list: withEntry.statusEntry!.list };
  }

  return new Hono<AppEnv>()
    .get('/certificates/verify/:number', validate('param', NumberParam), async (c) => {
      const cert = await find(c.req.valid('param').number);
      c.header('Cache-Control', 'no-store');
      return c.json(present(cert, deps.urls, clock()));
    })

    .get('/certificates/issuer', async (c) => {
      c.header('Cache-Control', 'public, max-age=3600');
      return c.json(issuerProfile(deps.urls, [await signer.publicJwk()]));
    })

    .get('/certificates/jwks.json', async (c) => {
      c.header('Cache-Control', 'public, max-age=3600');
      return c.json({ keys: [await signer.publicJwk()] });
    })

    .get('/certificates/status/:list', validate('param', ListParam), async (c) => {
      const { list } = c.req.valid('param');
      const { revoked, version } = await store.revokedIndexes(list);
      let cached = signedLists.get(list);
      if (!cached || cached.version !== version) {
        cached = { version, jwt: await signStatusList(list, revoked, deps.urls, signer, clock()) };
        signedLists.set(list, cached);
      }
      c.header('Cache-Control', 'public, max-age=300');
      c.header('Content-Disposition', `inline; filename="latih-status-${list}.jwt"`);
      return c.body(cached.jwt, 200, { 'Content-Type': 'application/jwt' });
    })

    .get('/certificates/mine', async (c) => {
      const now = clock();
      const all = await store.ofUser(c.get('principal').userId);
      c.header('Cache-Control', 'no-store');
      return c.json({ certificates: all.map((cert) => present(cert, deps.urls, now)) });
    })

    .get('/certificates/mine/:number/credential', validate('param', NumberParam), async (c) => {
      const cert = await mine(c, c.req.valid('param').number);
      const { jwt, list } = await credentialOf(cert);
      c.header('Cache-Control', 'no-store');
      return c.json({ filename: `sijil-${cert.number}.jwt`, credential: jwt, jwks: deps.urls.jwks, statusList: deps.urls.statusList(list) });
    })

    .post('/certificates/:number/revoke', validate('param', NumberParam), validate('json', ReasonBody), async (c) => {
      const { reason } = c.req.valid('json');
      const { userId } = c.get('principal');
      for (let attempt = 1; ; attempt++) {
        const cert = await managed(c, c.req.valid('param').number, 'certificates:revoke');
        if (cert.status !== 'valid') throw new AppError('CERTIFICATE_NOT_VALID');
        const at = clock().toISOString();
        const ancestors = (await orgs.ancestorsOf(cert.orgId)) ?? [];
        try {
          await store.revoke(cert, { at, by: userId, reason }, { userId, role: actingRole(c.get('assignments'), 'certificates:revoke', cert, ancestors) }, {
            action: 'certificate.revoke', orgId: cert.orgId, requestId: c.get('requestId'),
            summary: { before: { status: 'valid' }, after: { status: 'revoked', reason, course: cert.course.code } },
          });
        } catch (err) {
          // The credential may have been signed meanwhile (its status entry given): read again, once or twice.
          if (err instanceof AppError && err.code === 'EDIT_CONFLICT' && attempt < 3) continue;
          throw err;
        }
        const after = (await store.get(cert.number))!;
        return c.json({ certificate: present(after, deps.urls, clock()) });
      }
    })

    .post('/certificates/:number/reissue', validate('param', NumberParam), validate('json', ReasonBody), async (c) => {
      const { reason } = c.req.valid('json');
      const { userId } = c.get('principal');
      const old = await managed(c, c.req.valid('param').number, 'certificates:reissue');
      if (old.status !== 'valid') throw new AppError('CERTIFICATE_NOT_VALID');
      const profile = await deps.profileOf(old.userId);
      if (!profile || profile.name === old.holderName) throw new AppError('CERTIFICATE_NAME_UNCHANGED');
      const now = clock();
      const next: CertificateRecord = {
        ...newCertificate({
          userId: old.userId, holderName: profile.name, orgId: old.orgId, course: old.course, completedAt: old.completedAt,
          ...(profile.ic ? { icMasked: maskMyKad(profile.ic) } : old.icMasked ? { icMasked: old.icMasked } : {}),
          ...(old.renews ? { renews: old.renews } : {}),
        }, now),
        // The same completion: the same validity, not a new period.
        ...(old.expiresAt ? { expiresAt: old.expiresAt } : {}),
        reissueOf: old.number,
      };
      const ancestors = (await orgs.ancestorsOf(old.orgId)) ?? [];
      await store.reissue(old, next, { userId, role: actingRole(c.get('assignments'), 'certificates:reissue', old, ancestors) }, {
        action: 'certificate.reissue', orgId: old.orgId, requestId: c.get('requestId'),
        // Names are personal data, but the correction is what is being audited; no MyKad here.
        summary: { before: { number: old.number, holderName: old.holderName }, after: { number: next.number, holderName: next.holderName, reason } },
      });
      return c.json({ certificate: present(next, deps.urls, now), superseded: present((await store.get(old.number))!, deps.urls, now) }, 201);
    });
}

/** Every certificates route, as the web's typed client sees them (two Lambdas, one API). */
export type CertificatesApi = Hono<AppEnv, ExtractSchema<ReturnType<typeof certificateRoutes>> & ExtractSchema<ReturnType<typeof certificateDocumentRoutes>>>;
