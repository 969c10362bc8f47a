import { goto } from '$app/navigation';
import { catalogueHref, SEARCH_MIN, type FilterName } from './filters';

/**
 * Submits a catalogue search form as a client-side navigation to `/kursus?…`. Returns
 * false (and navigates nowhere) when the search text is too short to search.
 */
export function submitCatalogueForm(event: SubmitEvent & { currentTarget: HTMLFormElement }): boolean {
  event.preventDefault();
  const form = event.currentTarget;
  const data = new FormData(form);
  const values: Partial<Record<FilterName, string>> = {};
  for (const [name, value] of data) if (typeof value === 'string') values[name as FilterName] = value;
  const q = values.q?.trim() ?? '';
  if (q.length > 0 && q.length < SEARCH_MIN) {
    // Back to the field, whose description now carries the error message.
    (form.elements.namedItem('q') as HTMLInputElement | null)?.focus();
    return false;
  }
  // A track belongs to programme 7.1 only.
  if (values.programme !== '7.1') delete values.track;
  const onCatalogue = location.pathname === '/kursus';
  void goto(catalogueHref(values), { keepFocus: onCatalogue, noScroll: onCatalogue });
  return true;
}
