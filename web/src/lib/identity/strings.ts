/**
 * Text shared by the signed-in pages (profile, users, audit, account menu): the API's enum
 * values as labels, page names. Downloaded with those pages only, never with the catalogue.
 */
import type { Role } from '$functions/core/access';
import type { educationLevels, payScales, personKinds, profileStatuses } from '$functions/identity/api';
import { bilingual } from '$lib/i18n';

type Kind = (typeof personKinds)[number];
type Status = (typeof profileStatuses)[number];
type PayScale = (typeof payScales)[number];
type Level = (typeof educationLevels)[number];

export const labels = bilingual(
  {
    myProfile: 'Profil Saya',
    myLearning: 'Pembelajaran Saya',
    users: 'Pengguna',
    audit: 'Jejak Audit',
    coordinator: 'Papan Pemuka Penyelaras',
    courseReports: 'Laporan Kursus',
    signOut: 'Log Keluar',
    accountMenu: 'Menu akaun',
    signingIn: 'Mengalihkan ke halaman log masuk…',
    forbidden: 'Anda tidak mempunyai akses ke halaman ini.',
    retry: 'Cuba lagi',
    stateLevel: 'Peringkat negeri',
    kind: {
      'civil-servant': 'Penjawat awam',
      teacher: 'Guru',
      participant: 'Peserta',
    } satisfies Record<Kind, string>,
    status: {
      'pending-verification': 'Menunggu pengesahan',
      verified: 'Disahkan',
      active: 'Aktif',
    } satisfies Record<Status, string>,
    role: {
      learner: 'Pelajar',
      facilitator: 'Fasilitator',
      coordinator: 'Penyelaras',
      'programme-admin': 'Pentadbir program',
      'finance-officer': 'Pegawai kewangan',
      auditor: 'Juruaudit',
      'platform-admin': 'Pentadbir platform',
      self: 'Diri sendiri',
      system: 'Sistem',
    } satisfies Record<Role | 'self' | 'system', string>,
    payScale: {
      SSM: 'SSM (Sistem Saraan Malaysia)',
      SSPA: 'SSPA (Sistem Saraan Perkhidmatan Awam)',
    } satisfies Record<PayScale, string>,
    level: {
      primary: 'Sekolah rendah',
      secondary: 'Sekolah menengah',
      tertiary: 'Pengajian tinggi',
    } satisfies Record<Level, string>,
    programme: (id: string) => `Program ${id}`,
  },
  {
    myProfile: 'My profile',
    myLearning: 'My learning',
    users: 'Users',
    audit: 'Audit trail',
    coordinator: 'Coordinator dashboard',
    courseReports: 'Course reports',
    signOut: 'Sign out',
    accountMenu: 'Account menu',
    signingIn: 'Taking you to the sign-in page…',
    forbidden: 'You do not have access to this page.',
    retry: 'Try again',
    stateLevel: 'State level',
    kind: { 'civil-servant': 'Civil servant', teacher: 'Teacher', participant: 'Participant' },
    status: { 'pending-verification': 'Awaiting verification', verified: 'Verified', active: 'Active' },
    role: {
      learner: 'Learner',
      facilitator: 'Facilitator',
      coordinator: 'Coordinator',
      'programme-admin': 'Programme administrator',
      'finance-officer': 'Finance officer',
      auditor: 'Auditor',
      'platform-admin': 'Platform administrator',
      self: 'Self',
      system: 'System',
    },
    payScale: { SSM: 'SSM (Malaysian Remuneration System)', SSPA: 'SSPA (Public Service Remuneration System)' },
    level: { primary: 'Primary school', secondary: 'Secondary school', tertiary: 'Tertiary' },
    programme: (id) => `Programme ${id}`,
  },
);
