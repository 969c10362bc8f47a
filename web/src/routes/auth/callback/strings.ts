import { bilingual } from '$lib/i18n';

/** The sign-in callback's own text. */
export const strings = bilingual(
  {
    title: 'Log masuk',
    busy: 'Sedang log masuk…',
    cancelledTitle: 'Log masuk dibatalkan',
    cancelled: 'Anda membatalkan log masuk. Anda boleh terus melayari katalog kursus atau log masuk semula.',
    expiredTitle: 'Permintaan log masuk telah tamat',
    expired: 'Pautan log masuk ini sudah digunakan atau telah tamat. Sila log masuk semula.',
    failedTitle: 'Log masuk tidak berjaya',
    failed: 'Log masuk tidak dapat diselesaikan. Sila cuba lagi.',
    unreachableTitle: 'Log masuk tidak dapat dimulakan',
    unreachable: 'Pelayan log masuk tidak dapat dihubungi. Semak sambungan Internet anda dan cuba lagi sebentar.',
    again: 'Log masuk semula',
  },
  {
    title: 'Sign in',
    busy: 'Signing you in…',
    cancelledTitle: 'Sign-in cancelled',
    cancelled: 'You cancelled signing in. You can keep browsing the course catalogue or sign in again.',
    expiredTitle: 'The sign-in request has expired',
    expired: 'This sign-in link was already used or has expired. Please sign in again.',
    failedTitle: 'Sign-in did not succeed',
    failed: 'Signing in could not be completed. Please try again.',
    unreachableTitle: 'Signing in could not start',
    unreachable: 'The sign-in server could not be reached. Check your Internet connection and try again shortly.',
    again: 'Sign in again',
  },
);
