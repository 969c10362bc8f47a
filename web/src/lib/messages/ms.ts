/**
 * The shared strings in Bahasa Melayu, the default language. Its shape is the `Messages`
 * type that English must match (./en.ts). Loaded on demand: a page downloads only the
 * language it shows.
 */
import type { CourseSummary, Programme } from '$functions/catalogue/api';
import { count, type Lang } from '../i18n';

type Mode = CourseSummary['mode'];
type Audience = CourseSummary['audience'][number];
type Level = CourseSummary['level'];
type Track = NonNullable<CourseSummary['track']>;
type ProgrammeId = Programme['id'];

const messages = {
  siteName: 'Latih',
  siteTagline: 'Platform Kemahiran Digital Negeri Sembilan',
  skipToContent: 'Langkau ke kandungan utama',
  mastheadOfficial: 'Portal Rasmi Kerajaan Malaysia',
  mastheadHowToKnow: 'Kenal pasti begini',
  navLabel: 'Navigasi utama',
  navHome: 'Utama',
  navProgrammes: 'Program',
  navCatalogue: 'Katalog Kursus',
  navFaq: 'Soalan Lazim',
  navVerify: 'Pengesahan Sijil',
  menuOpen: 'Buka menu',
  menuClose: 'Tutup menu',
  signIn: 'Log Masuk',
  languageLabel: 'Bahasa paparan',
  phaseText: 'Ini perkhidmatan baharu. Maklum balas anda membantu kami menambah baiknya.',
  footerAgency: 'Kerajaan Negeri Sembilan',
  footerAddress: 'Wisma Negeri, 70503 Seremban, Negeri Sembilan Darul Khusus',
  footerLinks: 'Pautan',
  privacyPolicy: 'Dasar Privasi',
  securityPolicy: 'Dasar Keselamatan',
  copyright: 'Hak Cipta Terpelihara',
  lastUpdated: 'Kemaskini terakhir',

  searchLabel: 'Cari kursus',
  searchHint: 'Cari mengikut tajuk, kod, topik atau pelajaran, contohnya “keselamatan siber”.',
  searchButton: 'Cari',
  searchTooShort: 'Masukkan sekurang-kurangnya 2 aksara.',
  loading: 'Memuatkan…',
  viewCourses: 'Lihat kursus',
  programmeAudience: 'Untuk',
  programmeTracks: 'Laluan',
  programmeEnrolment: 'Pendaftaran',
  enrolmentOpen: 'Daftar sendiri',
  enrolmentApproval: 'Perlu kelulusan',

  notFoundBody: 'Halaman yang anda cari tidak wujud atau telah dipindahkan.',
  errorBody: 'Maaf, halaman ini tidak dapat dipaparkan. Sila cuba lagi sebentar.',
  networkError: 'Tiada sambungan ke pelayan. Semak sambungan Internet anda dan cuba lagi.',
  goHome: 'Ke laman utama',

  pageTitle: (title: string) => `${title} | Latih`,
  strategy: (id: ProgrammeId) => `Strategi ${id}`,
  courses: (n: number) => count(n, 'ms', 'kursus'),
  hours: (n: number) => count(n, 'ms', 'jam'),
  mode: { 'self-paced': 'Kendiri', 'face-to-face': 'Bersemuka', blended: 'Teradun' } satisfies Record<Mode, string>,
  audience: {
    'civil-servant': 'Penjawat awam',
    teacher: 'Pendidik',
    student: 'Pelajar',
    public: 'Orang awam',
  } satisfies Record<Audience, string>,
  level: { beginner: 'Asas', intermediate: 'Pertengahan', advanced: 'Lanjutan' } satisfies Record<Level, string>,
  track: { school: 'Generasi Muda (Sekolah)', rural: 'Penduduk Luar Bandar' } satisfies Record<Track, string>,
  language: { ms: 'Bahasa Melayu', en: 'Bahasa Inggeris' } satisfies Record<Lang, string>,
};

export type Messages = typeof messages;
export default messages;
