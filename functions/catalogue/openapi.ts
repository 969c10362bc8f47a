/** The catalogue's operations, for the OpenAPI document (see core/openapi.ts). */
import type { Operation } from '../core/openapi';
import {
  CategoryListResponse,
  CourseCodeParam,
  CourseListQuery,
  CourseListResponse,
  CourseResponse,
  ProgrammeIdParam,
  ProgrammeListResponse,
  ProgrammeResponse,
} from './api';
import { CATALOGUE_BASE } from './app';

const validation = { status: 400, codes: ['VALIDATION_FAILED'] };
const access = { kind: 'public', because: 'the catalogue is public information' } as const;

export const catalogueOperations: Operation[] = [
  {
    method: 'get', path: `${CATALOGUE_BASE}/programmes`, operationId: 'listProgrammes', tag: 'catalogue',
    summary: { ms: 'Senarai program', en: 'List programmes' },
    response: { status: 200, schema: ProgrammeListResponse }, errors: [], access,
  },
  {
    method: 'get', path: `${CATALOGUE_BASE}/programmes/:id`, operationId: 'getProgramme', tag: 'catalogue',
    summary: { ms: 'Butiran program', en: 'Programme detail' }, params: ProgrammeIdParam,
    response: { status: 200, schema: ProgrammeResponse }, errors: [validation, { status: 404, codes: ['PROGRAMME_NOT_FOUND'] }], access,
  },
  {
    method: 'get', path: `${CATALOGUE_BASE}/categories`, operationId: 'listCategories', tag: 'catalogue',
    summary: { ms: 'Senarai kategori', en: 'List categories' },
    response: { status: 200, schema: CategoryListResponse }, errors: [], access,
  },
  {
    method: 'get', path: `${CATALOGUE_BASE}/courses`, operationId: 'listCourses', tag: 'catalogue',
    summary: { ms: 'Cari dan senaraikan kursus (bertapis, berhalaman)', en: 'Search and list courses (filtered, paginated)' },
    query: CourseListQuery,
    response: { status: 200, schema: CourseListResponse },
    errors: [{ status: 400, codes: ['VALIDATION_FAILED', 'INVALID_CURSOR'] }], access,
  },
  {
    method: 'get', path: `${CATALOGUE_BASE}/courses/:code`, operationId: 'getCourse', tag: 'catalogue',
    summary: { ms: 'Butiran kursus dengan modul dan pelajaran', en: 'Course detail with modules and lessons' },
    params: CourseCodeParam,
    response: { status: 200, schema: CourseResponse }, errors: [validation, { status: 404, codes: ['COURSE_NOT_FOUND'] }], access,
  },
];
