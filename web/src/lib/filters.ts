/**
 * The course list's filters live in the URL (`/kursus?programme=7.1&q=siber`), so a filtered
 * list can be shared and the back button restores it. What the other pages need to link to a
 * filtered list or size a search box; reading the URL and asking the API is the list's own
 * (routes/kursus/filters.ts), so that code is not in the chunk every page loads.
 */
import type { CourseListQuery } from '$functions/catalogue/api';

export type CourseFilters = Omit<CourseListQuery, 'limit' | 'cursor'>;
export type FilterName = keyof CourseFilters;

export const SEARCH_MIN = 2;
export const SEARCH_MAX = 100;

/** `/kursus?…` for these filters, in a stable order, without empty parameters. */
export function catalogueHref(filters: Partial<Record<FilterName, string | undefined>>): string {
  const params = new URLSearchParams();
  for (const name of ['programme', 'track', 'category', 'mode', 'language', 'q'] as const) {
    const value = filters[name]?.trim();
    if (value) params.set(name, value);
  }
  const search = params.toString();
  return search ? `/kursus?${search}` : '/kursus';
}

