/**
 * Catalogue routes, public (no login): programmes, categories, course search and detail.
 * Mounted at /api/catalogue by the Lambda entry and by the local server.
 */
import { Hono } from 'hono/tiny';
import { etag } from 'hono/etag';
import { AppError } from '../core/errors';
import { validate, type AppEnv } from '../core/http';
import { CourseCodeParam, CourseListQuery, ProgrammeIdParam } from './api';
import type { CatalogueStore } from './store';

/** Catalogue data changes only when content is synced: a short browser cache saves rural 3G. */
const CACHE = 'public, max-age=60, stale-while-revalidate=300';

export function catalogueRoutes(store: CatalogueStore) {
  return new Hono<AppEnv>()
    .use(etag())
    .use(async (c, next) => {
      await next();
      if (c.res.status === 200) c.header('Cache-Control', CACHE);
    })
    .get('/programmes', async (c) => {
      const { programmes } = await store.listCatalogueHeads();
      return c.json({ programmes });
    })
    .get('/programmes/:id', validate('param', ProgrammeIdParam), async (c) => {
      const { id } = c.req.valid('param');
      const { programmes } = await store.listCatalogueHeads();
      const programme = programmes.find((p) => p.id === id);
      if (!programme) throw new AppError('PROGRAMME_NOT_FOUND');
      return c.json({ programme });
    })
    .get('/categories', async (c) => {
      const { categories } = await store.listCatalogueHeads();
      return c.json({ categories });
    })
    .get('/courses', validate('query', CourseListQuery), async (c) => {
      const { items, nextCursor } = await store.listCourses(c.req.valid('query'));
      return c.json({ courses: items, nextCursor });
    })
    .get('/courses/:code', validate('param', CourseCodeParam), async (c) => {
      const course = await store.getCourse(c.req.valid('param').code);
      if (!course) throw new AppError('COURSE_NOT_FOUND');
      return c.json({ course });
    });
}

export type CatalogueApi = ReturnType<typeof catalogueRoutes>;
