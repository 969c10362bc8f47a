/**
 * Text shared by the learning pages (my learning, a course, its quiz, the coordinator's and
 * the course reports): the API's enum values as labels and the figures of a training year.
 * The lesson player has its own few strings (weight budget), see routes/belajar/[...path].
 */
import type { EnrolmentStatus } from '$functions/learning/api';
import type { trainingCategories } from '$functions/catalogue/api';
import { bilingual, count } from '$lib/i18n';

type Category = (typeof trainingCategories)[number];

export const common = bilingual(
  {
    myLearning: 'Pembelajaran Saya',
    coordinator: 'Papan Pemuka Penyelaras',
    courseReports: 'Laporan Kursus',
    retry: 'Cuba lagi',
    loadFailed: 'Halaman ini tidak dapat dimuatkan',
    forbidden: 'Anda tidak mempunyai akses ke halaman ini.',
    code: 'Kod kursus',
    status: {
      'pending-approval': 'Menunggu kelulusan',
      waitlisted: 'Senarai menunggu',
      active: 'Sedang belajar',
      completed: 'Tamat',
      withdrawn: 'Ditarik diri',
      rejected: 'Ditolak',
    } satisfies Record<EnrolmentStatus, string>,
    category: {
      formal: 'Latihan formal',
      'learning-session': 'Sesi pembelajaran',
      'self-learning': 'Pembelajaran kendiri',
    } satisfies Record<Category, string>,
    hours: (n: number) => count(n, 'ms', 'jam'),
    days: (n: number) => count(n, 'ms', 'hari'),
    lessonsDone: (done: number, all: number) => `${done} daripada ${all} pelajaran wajib selesai`,
    position: (n: number) => `Kedudukan ${n} dalam senarai menunggu`,
    certificate: 'Sijil',
    completedOn: (date: string) => `Tamat pada ${date}`,
    percent: (n: number) => `${n}%`,
  },
  {
    myLearning: 'My learning',
    coordinator: 'Coordinator dashboard',
    courseReports: 'Course reports',
    retry: 'Try again',
    loadFailed: 'This page could not be loaded',
    forbidden: 'You do not have access to this page.',
    code: 'Course code',
    status: {
      'pending-approval': 'Awaiting approval',
      waitlisted: 'Waiting list',
      active: 'In progress',
      completed: 'Completed',
      withdrawn: 'Withdrawn',
      rejected: 'Rejected',
    },
    category: { formal: 'Formal training', 'learning-session': 'Learning session', 'self-learning': 'Self-learning' },
    hours: (n) => count(n, 'en', 'hour', 'hours'),
    days: (n) => count(n, 'en', 'day', 'days'),
    lessonsDone: (done, all) => `${done} of ${all} required lessons finished`,
    position: (n) => `Number ${n} on the waiting list`,
    certificate: 'Certificate',
    completedOn: (date) => `Completed on ${date}`,
    percent: (n) => `${n}%`,
  },
);
