/** The learning context wired from configuration, as a mountable app. */
import type { Hono } from 'hono/tiny';
import { auditLog } from '../core/audit';
import type { Clients } from '../core/clients';
import type { Config } from '../core/config';
import type { AppEnv } from '../core/http';
import { catalogueStore } from '../catalogue/store';
import { certificateIssueItems } from '../certificates/issue';
import { orgDirectory } from '../identity/orgs';
import { courseVersions, type CourseEntry } from './courses';
import { learningReports } from './reports';
import { learningRoutes } from './routes';
import { learningService, type CompletionHook } from './service';
import { learningStore } from './store';

const PROGRAMMES_TTL_MS = 5 * 60_000;

export function learningDeps(config: Config, clients: Clients, options: { clock?: () => Date; onComplete?: CompletionHook } = {}) {
  const clock = options.clock ?? (() => new Date());
  const audit = auditLog(clients.ddb, config.tableName, clock);
  const store = learningStore(clients.ddb, config.tableName);
  const courses = courseVersions(clients.ddb, clients.s3, config.tableName, config.contentBucket);
  const orgs = orgDirectory(clients.ddb, config.tableName);
  // Profiles are read, never written, here: no identity store (and no PII key) in this function.
  const identity = { getProfile: (userId: string) => store.profile(userId) };
  const catalogue = catalogueStore(clients.ddb, config.tableName);
  let programmes: { at: number; selfEnrolment: Map<string, boolean> } | undefined;
  /** Programmes that do not allow self-enrolment (7.2: subsidised, limited seats) need a decision. */
  const needsApproval = async (course: CourseEntry) => {
    if (!programmes || Date.now() - programmes.at > PROGRAMMES_TTL_MS) {
      const heads = await catalogue.listCatalogueHeads();
      programmes = { at: Date.now(), selfEnrolment: new Map(heads.programmes.map((p) => [p.id, p.selfEnrolment])) };
    }
    return programmes.selfEnrolment.get(course.programme) === false;
  };
  // A completion issues its certificate in the same transaction (functions/certificates/issue.ts).
  const onComplete: CompletionHook = options.onComplete ?? ((facts, now) => {
    const { certificate, items } = certificateIssueItems(config.tableName, facts, now);
    return { items, certificateNumber: certificate.number };
  });
  const pathCourses = async (programme: '3.1' | '7.1' | '7.2', track?: 'school' | 'rural') => {
    const found: { code: string; title: { ms: string; en: string } }[] = [];
    let cursor: string | undefined;
    do {
      const page = await catalogue.listCourses({ programme, ...(track ? { track } : {}), limit: 50, ...(cursor ? { cursor } : {}) });
      found.push(...page.items.map((c) => ({ code: c.code, title: c.title })));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return found;
  };
  const service = learningService({ store, courses, identity, audit, clock, onComplete, pathCourses, needsApproval });
  return { service, store, courses, reports: learningReports(store, orgs, courses), orgs, identity, needsApproval, clock };
}

export function mountLearning(app: Hono<AppEnv>, deps: ReturnType<typeof learningDeps>) {
  return app.route('/api', learningRoutes(deps));
}
