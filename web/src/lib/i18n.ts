/**
 * Every user-facing string of the shared UI, in Bahasa Melayu (default) and English, plus
 * the labels of the API's enums and the date and number formats. Plain data and pure
 * functions: the current language lives in `locale.svelte.ts`.
 *
 * `en` is typed from `ms`, so a string missing in either language is a type error.
 * Long page text (policies, FAQ) lives with its page, typed the same way, so it is only
 * downloaded by the page that shows it.
 */
import type { CourseSummary, Programme } from '$functions/catalogue/api';

export type Lang = 'ms' | 'en';
export const langs: readonly Lang[] = ['ms', 'en'];
export type Bilingual = Record<Lang, string>;

type Mode = CourseSummary['mode'];
type TrainingCategory = CourseSummary['trainingCategory'];
type Audience = CourseSummary['audience'][number];
type Level = CourseSummary['level'];
type Track = NonNullable<CourseSummary['track']>;
type ProgrammeId = Programme['id'];

/** Plural-free counting: Malay does not inflect; English picks one or many. */
const n = (count: number, one: string, many: string, lang: Lang) => `${formatNumber(count, lang)} ${count === 1 ? one : many}`;

const ms = {
  siteName: 'Latih',
  siteTagline: 'Platform Kemahiran Digital Negeri Sembilan',
  skipToContent: 'Langkau ke kandungan utama',
  mastheadOfficial: 'Portal Rasmi Kerajaan Malaysia',
  mastheadHowToKnow: 'Kenal pasti begini',
  mastheadGovTitle: 'Laman web rasmi menggunakan .gov.my',
  mastheadGovBody: 'Laman web kerajaan Malaysia yang rasmi berakhir dengan .gov.my. Jika tiada, ia bukan laman web rasmi kerajaan.',
  mastheadHttpsTitle: 'Laman web yang selamat menggunakan HTTPS',
  mastheadHttpsBody: 'Cari ikon mangga atau https:// sebagai langkah berjaga-jaga. Jika tiada, jangan kongsi maklumat sensitif.',
  navLabel: 'Navigasi utama',
  navHome: 'Utama',
  navProgrammes: 'Program',
  navCatalogue: 'Katalog Kursus',
  navFaq: 'Soalan Lazim',
  menuOpen: 'Buka menu',
  menuClose: 'Tutup menu',
  languageLabel: 'Bahasa paparan',
  languageMs: 'Bahasa Melayu',
  languageEn: 'English',
  phaseTag: 'Beta',
  phaseText: 'Ini perkhidmatan baharu. Maklum balas anda membantu kami menambah baiknya.',
  footerAgency: 'Kerajaan Negeri Sembilan',
  footerAddress: 'Wisma Negeri, 70503 Seremban, Negeri Sembilan Darul Khusus',
  footerLinks: 'Pautan',
  footerPolicies: 'Dasar',
  privacyPolicy: 'Dasar Privasi',
  securityPolicy: 'Dasar Keselamatan',
  copyright: 'Hak Cipta Terpelihara',
  lastUpdated: 'Kemaskini terakhir',

  homeTitle: 'Tingkatkan kemahiran digital anda bersama Latih',
  homeLead:
    'Latih ialah platform peningkatan kemahiran digital Kerajaan Negeri Sembilan di bawah Blueprint Ekonomi Digital Negeri Sembilan 2027. Kursus untuk penjawat awam, pendidik, pelajar dan orang awam — dalam Bahasa Melayu dan Bahasa Inggeris.',
  homeProgrammes: 'Tiga program',
  homeProgrammesLead: 'Pilih program yang sesuai dengan anda untuk melihat kursusnya.',
  homeBrowseAll: 'Lihat semua kursus',
  searchLabel: 'Cari kursus',
  searchHint: 'Cari mengikut tajuk, kod, topik atau pelajaran, contohnya “keselamatan siber”.',
  searchButton: 'Cari',
  searchTooShort: 'Masukkan sekurang-kurangnya 2 aksara.',

  programmesTitle: 'Program',
  programmesLead:
    'Latih melaksanakan tiga strategi Blueprint Ekonomi Digital Negeri Sembilan 2027. Setiap program mempunyai katalog kursusnya sendiri.',
  programmeAudience: 'Untuk',
  programmeTracks: 'Laluan',
  programmeEnrolment: 'Pendaftaran',
  enrolmentOpen: 'Daftar sendiri',
  enrolmentApproval: 'Perlu kelulusan',
  viewCourses: 'Lihat kursus',

  catalogueTitle: 'Katalog Kursus',
  catalogueLead: 'Semua kursus yang sedang ditawarkan. Tapis mengikut program, kategori, mod dan bahasa, atau cari dengan kata kunci.',
  filtersHeading: 'Tapis kursus',
  filterProgramme: 'Program',
  filterTrack: 'Laluan',
  filterCategory: 'Kategori',
  filterMode: 'Mod penyampaian',
  filterLanguage: 'Bahasa kursus',
  filterAll: 'Semua',
  clearFilters: 'Kosongkan semua',
  resultsHeading: 'Hasil',
  loadMore: 'Muatkan lagi',
  loading: 'Memuatkan…',
  emptyTitle: 'Tiada kursus dijumpai',
  emptyHint: 'Cuba kata kunci lain atau kosongkan penapis.',
  loadFailed: 'Kursus tidak dapat dimuatkan',
  retry: 'Cuba lagi',
  networkError: 'Tiada sambungan ke pelayan. Semak sambungan Internet anda dan cuba lagi.',

  backToCatalogue: 'Kembali ke Katalog Kursus',
  courseCode: 'Kod kursus',
  factsHeading: 'Maklumat kursus',
  factProgramme: 'Program',
  factTrack: 'Laluan',
  factCategory: 'Kategori',
  factMode: 'Mod penyampaian',
  factHours: 'Jam latihan',
  factTrainingCategory: 'Kategori latihan',
  factLevel: 'Tahap',
  factLanguages: 'Bahasa',
  factAudience: 'Untuk',
  factValidity: 'Tempoh sah sijil',
  noExpiry: 'Tiada had masa',
  outcomesHeading: 'Hasil pembelajaran',
  prerequisitesHeading: 'Prasyarat',
  noPrerequisites: 'Tiada prasyarat.',
  syllabusHeading: 'Sukatan pelajaran',
  optionalLesson: 'Pilihan',
  quizHeading: 'Kuiz',
  quizQuestions: 'Bilangan soalan',
  quizPassMark: 'Markah lulus',
  quizAttempts: 'Percubaan maksimum',
  completionRule: 'Untuk tamat kursus dan menerima sijil: lengkapkan semua pelajaran wajib dan lulus kuiz.',
  retiredNotice: 'Kursus ini telah ditamatkan dan tidak lagi menerima peserta baharu.',

  notFoundTitle: 'Halaman tidak dijumpai',
  notFoundBody: 'Halaman yang anda cari tidak wujud atau telah dipindahkan.',
  courseNotFoundTitle: 'Kursus tidak dijumpai',
  courseNotFoundBody: 'Tiada kursus dengan kod ini dalam katalog.',
  errorTitle: 'Ralat berlaku',
  errorBody: 'Maaf, halaman ini tidak dapat dipaparkan. Sila cuba lagi sebentar.',
  goHome: 'Ke laman utama',

  courses: (count: number) => n(count, 'kursus', 'kursus', 'ms'),
  lessons: (count: number) => n(count, 'pelajaran', 'pelajaran', 'ms'),
  hours: (count: number) => n(count, 'jam', 'jam', 'ms'),
  minutes: (count: number) => n(count, 'minit', 'minit', 'ms'),
  months: (count: number) => n(count, 'bulan', 'bulan', 'ms'),
  moduleNumber: (index: number) => `Modul ${formatNumber(index, 'ms')}`,
  resultsShown: (shown: number, more: boolean) =>
    shown === 0 ? 'Tiada kursus dijumpai.' : `${n(shown, 'kursus', 'kursus', 'ms')} dipaparkan${more ? '; ada lagi.' : '.'}`,
  moduleSummary: (lessonCount: number, minutes: number) => `${n(lessonCount, 'pelajaran', 'pelajaran', 'ms')} · ${n(minutes, 'minit', 'minit', 'ms')}`,
  pageTitle: (title: string) => `${title} | Latih`,

  mode: { 'self-paced': 'Kendiri', 'face-to-face': 'Bersemuka', blended: 'Teradun' } satisfies Record<Mode, string>,
  trainingCategory: {
    formal: 'Latihan formal',
    'learning-session': 'Sesi pembelajaran',
    'self-learning': 'Pembelajaran kendiri',
  } satisfies Record<TrainingCategory, string>,
  audience: {
    'civil-servant': 'Penjawat awam',
    teacher: 'Pendidik',
    student: 'Pelajar',
    public: 'Orang awam',
  } satisfies Record<Audience, string>,
  level: { beginner: 'Asas', intermediate: 'Pertengahan', advanced: 'Lanjutan' } satisfies Record<Level, string>,
  track: { school: 'Generasi Muda (Sekolah)', rural: 'Penduduk Luar Bandar' } satisfies Record<Track, string>,
  language: { ms: 'Bahasa Melayu', en: 'Bahasa Inggeris' } satisfies Record<Lang, string>,
  strategy: (id: ProgrammeId) => `Strategi ${id}`,
};

export type Messages = {
  [K in keyof typeof ms]: (typeof ms)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : (typeof ms)[K] extends string
      ? string
      : { [L in keyof (typeof ms)[K]]: string };
};

const en: Messages = {
  siteName: 'Latih',
  siteTagline: 'Negeri Sembilan Digital Skills Platform',
  skipToContent: 'Skip to main content',
  mastheadOfficial: 'Official Malaysian Government Website',
  mastheadHowToKnow: 'Here’s how you know',
  mastheadGovTitle: 'Official websites use .gov.my',
  mastheadGovBody: 'An official Malaysian government website ends with .gov.my. If it does not, it is not an official government website.',
  mastheadHttpsTitle: 'Secure websites use HTTPS',
  mastheadHttpsBody: 'Look for a lock icon or https:// as an added precaution. If it is not there, do not share sensitive information.',
  navLabel: 'Main navigation',
  navHome: 'Home',
  navProgrammes: 'Programmes',
  navCatalogue: 'Course Catalogue',
  navFaq: 'FAQ',
  menuOpen: 'Open menu',
  menuClose: 'Close menu',
  languageLabel: 'Display language',
  languageMs: 'Bahasa Melayu',
  languageEn: 'English',
  phaseTag: 'Beta',
  phaseText: 'This is a new service. Your feedback helps us improve it.',
  footerAgency: 'Government of Negeri Sembilan',
  footerAddress: 'Wisma Negeri, 70503 Seremban, Negeri Sembilan Darul Khusus',
  footerLinks: 'Links',
  footerPolicies: 'Policies',
  privacyPolicy: 'Privacy Policy',
  securityPolicy: 'Security Policy',
  copyright: 'All Rights Reserved',
  lastUpdated: 'Last updated',

  homeTitle: 'Build your digital skills with Latih',
  homeLead:
    'Latih is the digital upskilling platform of the Negeri Sembilan state government, under the Negeri Sembilan Digital Economy Blueprint 2027. Courses for civil servants, educators, students and the public — in Bahasa Melayu and English.',
  homeProgrammes: 'Three programmes',
  homeProgrammesLead: 'Choose the programme that fits you to see its courses.',
  homeBrowseAll: 'See all courses',
  searchLabel: 'Search courses',
  searchHint: 'Search by title, code, topic or lesson, for example “cyber security”.',
  searchButton: 'Search',
  searchTooShort: 'Enter at least 2 characters.',

  programmesTitle: 'Programmes',
  programmesLead:
    'Latih delivers three strategies of the Negeri Sembilan Digital Economy Blueprint 2027. Each programme has its own course catalogue.',
  programmeAudience: 'For',
  programmeTracks: 'Tracks',
  programmeEnrolment: 'Enrolment',
  enrolmentOpen: 'Self-enrolment',
  enrolmentApproval: 'Approval required',
  viewCourses: 'View courses',

  catalogueTitle: 'Course Catalogue',
  catalogueLead: 'Every course on offer. Filter by programme, category, mode and language, or search by keyword.',
  filtersHeading: 'Filter courses',
  filterProgramme: 'Programme',
  filterTrack: 'Track',
  filterCategory: 'Category',
  filterMode: 'Delivery mode',
  filterLanguage: 'Course language',
  filterAll: 'All',
  clearFilters: 'Clear all',
  resultsHeading: 'Results',
  loadMore: 'Load more',
  loading: 'Loading…',
  emptyTitle: 'No courses found',
  emptyHint: 'Try another keyword or clear the filters.',
  loadFailed: 'The courses could not be loaded',
  retry: 'Try again',
  networkError: 'The server could not be reached. Check your Internet connection and try again.',

  backToCatalogue: 'Back to the Course Catalogue',
  courseCode: 'Course code',
  factsHeading: 'Course facts',
  factProgramme: 'Programme',
  factTrack: 'Track',
  factCategory: 'Category',
  factMode: 'Delivery mode',
  factHours: 'Training hours',
  factTrainingCategory: 'Training category',
  factLevel: 'Level',
  factLanguages: 'Languages',
  factAudience: 'For',
  factValidity: 'Certificate validity',
  noExpiry: 'Does not expire',
  outcomesHeading: 'Learning outcomes',
  prerequisitesHeading: 'Prerequisites',
  noPrerequisites: 'No prerequisites.',
  syllabusHeading: 'Syllabus',
  optionalLesson: 'Optional',
  quizHeading: 'Quiz',
  quizQuestions: 'Questions',
  quizPassMark: 'Pass mark',
  quizAttempts: 'Maximum attempts',
  completionRule: 'To complete the course and receive a certificate: finish every required lesson and pass the quiz.',
  retiredNotice: 'This course has been retired and no longer takes new learners.',

  notFoundTitle: 'Page not found',
  notFoundBody: 'The page you are looking for does not exist or has moved.',
  courseNotFoundTitle: 'Course not found',
  courseNotFoundBody: 'There is no course with this code in the catalogue.',
  errorTitle: 'Something went wrong',
  errorBody: 'Sorry, this page could not be shown. Please try again shortly.',
  goHome: 'Go to the home page',

  courses: (count) => n(count, 'course', 'courses', 'en'),
  lessons: (count) => n(count, 'lesson', 'lessons', 'en'),
  hours: (count) => n(count, 'hour', 'hours', 'en'),
  minutes: (count) => n(count, 'minute', 'minutes', 'en'),
  months: (count) => n(count, 'month', 'months', 'en'),
  moduleNumber: (index) => `Module ${formatNumber(index, 'en')}`,
  resultsShown: (shown, more) =>
    shown === 0 ? 'No courses found.' : `${n(shown, 'course', 'courses', 'en')} shown${more ? '; more available.' : '.'}`,
  moduleSummary: (lessonCount, minutes) => `${n(lessonCount, 'lesson', 'lessons', 'en')} · ${n(minutes, 'minute', 'minutes', 'en')}`,
  pageTitle: (title) => `${title} | Latih`,

  mode: { 'self-paced': 'Self-paced', 'face-to-face': 'Face-to-face', blended: 'Blended' },
  trainingCategory: { formal: 'Formal training', 'learning-session': 'Learning session', 'self-learning': 'Self-learning' },
  audience: { 'civil-servant': 'Civil servants', teacher: 'Educators', student: 'Students', public: 'General public' },
  level: { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' },
  track: { school: 'Younger Generation (Schools)', rural: 'Rural Population' },
  language: { ms: 'Malay', en: 'English' },
  strategy: (id) => `Strategy ${id}`,
};

export const messages: Record<Lang, Messages> = { ms, en };

/** The values of an enum, in the dictionary's (display) order; exhaustive by construction. */
export const enumValues = {
  mode: Object.keys(ms.mode) as Mode[],
  level: Object.keys(ms.level) as Level[],
  track: Object.keys(ms.track) as Track[],
  language: Object.keys(ms.language) as Lang[],
};

const months: Record<Lang, readonly string[]> = {
  ms: ['Jan', 'Feb', 'Mac', 'Apr', 'Mei', 'Jun', 'Jul', 'Ogo', 'Sep', 'Okt', 'Nov', 'Dis'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/**
 * A calendar date as MYDS shows it: `12 Mac 2027` / `12 Mar 2027`. Takes `YYYY-MM-DD`
 * (a date, not an instant) so no time zone can move it to the next or previous day.
 */
export function formatDate(isoDate: string, lang: Lang): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return `${day} ${months[lang][month - 1]} ${year}`;
}

const numberFormats = new Map<Lang, Intl.NumberFormat>();

/** 1,250 and 1.5 in both languages (Malaysia groups with commas and uses a decimal point). */
export function formatNumber(value: number, lang: Lang): string {
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'ms' ? 'ms-MY' : 'en-MY', { maximumFractionDigits: 1 });
    numberFormats.set(lang, format);
  }
  return format.format(value);
}

/** Picks one language from API text that carries both. */
export const pick = (text: Bilingual, lang: Lang) => text[lang];
