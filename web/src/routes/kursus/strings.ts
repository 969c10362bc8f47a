import { bilingual, count } from '$lib/i18n';

/** The course list's own text. */
export const strings = bilingual(
  {
    title: 'Katalog Kursus',
    lead: 'Semua kursus yang sedang ditawarkan. Tapis mengikut program, kategori, mod dan bahasa, atau cari dengan kata kunci.',
    filtersHeading: 'Tapis kursus',
    programme: 'Program',
    track: 'Laluan',
    category: 'Kategori',
    mode: 'Mod penyampaian',
    language: 'Bahasa kursus',
    all: 'Semua',
    clearFilters: 'Kosongkan semua',
    results: 'Hasil',
    loadMore: 'Muatkan lagi',
    emptyTitle: 'Tiada kursus dijumpai',
    emptyHint: 'Cuba kata kunci lain atau kosongkan penapis.',
    loadFailed: 'Kursus tidak dapat dimuatkan',
    retry: 'Cuba lagi',
    shown: (shown: number, more: boolean) =>
      shown === 0 ? 'Tiada kursus dijumpai.' : `${count(shown, 'ms', 'kursus')} dipaparkan${more ? '; ada lagi.' : '.'}`,
  },
  {
    title: 'Course Catalogue',
    lead: 'Every course on offer. Filter by programme, category, mode and language, or search by keyword.',
    filtersHeading: 'Filter courses',
    programme: 'Programme',
    track: 'Track',
    category: 'Category',
    mode: 'Delivery mode',
    language: 'Course language',
    all: 'All',
    clearFilters: 'Clear all',
    results: 'Results',
    loadMore: 'Load more',
    emptyTitle: 'No courses found',
    emptyHint: 'Try another keyword or clear the filters.',
    loadFailed: 'The courses could not be loaded',
    retry: 'Try again',
    shown: (shown, more) =>
      shown === 0 ? 'No courses found.' : `${count(shown, 'en', 'course', 'courses')} shown${more ? '; more available.' : '.'}`,
  },
);
