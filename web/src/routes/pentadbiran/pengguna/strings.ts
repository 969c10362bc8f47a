import { bilingual, count } from '$lib/i18n';

/** The users page's own text (the user detail page has its own). */
export const strings = bilingual(
  {
    title: 'Pengguna',
    lead: 'Pengguna dalam unit anda dan unit di bawahnya. Cari untuk melihat profil, mengesahkan profil atau mengurus peranan.',
    search: 'Cari pengguna',
    searchHint: 'Awalan nama (contohnya “Nurul”), nombor MyKad penuh atau alamat e-mel.',
    searchButton: 'Cari',
    tooShort: 'Masukkan sekurang-kurangnya 2 aksara.',
    showAll: 'Papar semua',
    results: 'Senarai pengguna',
    name: 'Nama',
    ic: 'MyKad',
    unit: 'Unit',
    kind: 'Jenis',
    status: 'Status',
    found: (n: number, q: string, more: boolean) =>
      n === 0 ? (q ? `Tiada pengguna sepadan dengan “${q}”.` : 'Tiada pengguna dalam skop anda.') : `${count(n, 'ms', 'pengguna')} dipaparkan${more ? '; ada lagi' : ''}.`,
    onlyWaiting: 'Hanya yang menunggu pengesahan',
    loadMore: 'Muatkan lagi',
    loadMoreFailed: 'Tidak dapat memuatkan lagi. Cuba semula.',
    loadFailed: 'Senarai pengguna tidak dapat dimuatkan',
  },
  {
    title: 'Users',
    lead: 'Users in your unit and the units below it. Search to see a profile, verify it or manage roles.',
    search: 'Search users',
    searchHint: 'Start of a name (for example “Nurul”), a full MyKad number or an email address.',
    searchButton: 'Search',
    tooShort: 'Enter at least 2 characters.',
    showAll: 'Show all',
    results: 'User list',
    name: 'Name',
    ic: 'MyKad',
    unit: 'Unit',
    kind: 'Type',
    status: 'Status',
    found: (n, q, more) =>
      n === 0 ? (q ? `No users match “${q}”.` : 'No users in your scope.') : `${count(n, 'en', 'user', 'users')} shown${more ? '; there are more' : ''}.`,
    onlyWaiting: 'Only those waiting for verification',
    loadMore: 'Load more',
    loadMoreFailed: 'Could not load more. Try again.',
    loadFailed: 'The user list could not be loaded',
  },
);
