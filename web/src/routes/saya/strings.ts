import { bilingual } from '$lib/i18n';

/** "My learning": its own text. */
export const strings = bilingual(
  {
    title: 'Pembelajaran Saya',
    welcome: (name: string) => `Selamat datang, ${name}.`,
    profileTitle: 'Profil anda',
    pending: 'Profil anda sedang menunggu pengesahan oleh penyelaras unit anda. Anda akan dimaklumkan apabila ia disahkan.',
    verified: 'Profil anda telah disahkan.',
    active: 'Profil anda aktif.',
    noProfile: 'Anda belum melengkapkan profil. Lengkapkan profil sebelum mendaftar kursus.',
    completeProfile: 'Lengkapkan profil',
    viewProfile: 'Lihat profil saya',
    coursesTitle: 'Kursus saya',
    comingSoon:
      'Pendaftaran kursus dan kemajuan pembelajaran belum tersedia: ia akan datang dalam keluaran seterusnya Latih. Buat masa ini, anda boleh melihat semua kursus yang ditawarkan dalam katalog.',
    browse: 'Lihat katalog kursus',
    loadFailed: 'Halaman ini tidak dapat dimuatkan',
  },
  {
    title: 'My learning',
    welcome: (name) => `Welcome, ${name}.`,
    profileTitle: 'Your profile',
    pending: 'Your profile is awaiting verification by your unit’s coordinator. You will be told when it is verified.',
    verified: 'Your profile is verified.',
    active: 'Your profile is active.',
    noProfile: 'You have not completed your profile yet. Complete it before enrolling in courses.',
    completeProfile: 'Complete your profile',
    viewProfile: 'View my profile',
    coursesTitle: 'My courses',
    comingSoon:
      'Course enrolment and learning progress are not available yet: they come in the next release of Latih. For now, you can see every course on offer in the catalogue.',
    browse: 'Browse the course catalogue',
    loadFailed: 'This page could not be loaded',
  },
);
