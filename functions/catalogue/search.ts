/**
 * Free-text search over the catalogue without a search engine: each course carries a
 * normalised `searchText`; a query becomes up to five tokens that must all appear.
 * Good for a state catalogue of hundreds of courses (see docs/architecture.md for when
 * to move to OpenSearch).
 */

/** Lowercase, accents stripped, punctuation to spaces, whitespace collapsed. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function searchTokens(query: string): string[] {
  const tokens = normaliseText(query).split(' ').filter((t) => t.length >= 2);
  return [...new Set(tokens)].slice(0, 5);
}
