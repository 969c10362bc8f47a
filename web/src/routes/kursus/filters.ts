/**
 * The course list's filters read from the URL, and the API query for them. Unknown or
 * malformed values in a hand-edited URL are dropped here rather than sent to the API to be
 * refused. Only /kursus needs this: it lives with the page, not in the shared chunk.
 */
import type { InferRequestType } from 'hono/client';
import type { catalogue } from '$lib/api';
import { SEARCH_MAX, SEARCH_MIN, type CourseFilters } from '$lib/filters';
import { enumValues } from '$lib/i18n';

/** Nine cards fill three rows of the desktop grid. */
export const PAGE_SIZE = 9;

const programmeIds = ['3.1', '7.1', '7.2'] satisfies NonNullable<CourseFilters['programme']>[];
const slug = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

export type ParsedFilters = {
  filters: CourseFilters;
  /** What the person typed, shown back in the search box even when it is too short to search. */
  text: string;
  textTooShort: boolean;
};

export function filtersFromUrl(params: URLSearchParams): ParsedFilters {
  const programme = oneOf(programmeIds, params.get('programme')) as CourseFilters['programme'];
  // Tracks exist only in programme 7.1.
  const track = programme === '7.1' ? oneOf(enumValues.track, params.get('track')) : undefined;
  const category = params.get('category') ?? '';
  const text = (params.get('q') ?? '').slice(0, SEARCH_MAX);
  const q = text.trim();
  const filters: CourseFilters = {
    programme,
    track,
    category: slug.test(category) && category.length <= 40 ? category : undefined,
    mode: oneOf(enumValues.mode, params.get('mode')),
    language: oneOf(enumValues.language, params.get('language')),
    q: q.length >= SEARCH_MIN ? q : undefined,
  };
  return { filters, text, textTooShort: q.length > 0 && q.length < SEARCH_MIN };
}

type CourseQuery = InferRequestType<typeof catalogue.courses.$get>['query'];

/** The API query for one page of these filters (no empty parameters on the wire). */
export function toQuery(filters: CourseFilters, cursor?: string): CourseQuery {
  const given = Object.fromEntries(Object.entries(filters).filter(([, value]) => value)) as CourseFilters;
  return { ...given, limit: String(PAGE_SIZE), ...(cursor ? { cursor } : {}) };
}
