import { bilingual } from '$lib/i18n';

/** The programme list's own text. */
export const strings = bilingual(
  {
    title: 'Program',
    lead: 'Latih melaksanakan tiga strategi Blueprint Ekonomi Digital Negeri Sembilan 2027. Setiap program mempunyai katalog kursusnya sendiri.',
  },
  {
    title: 'Programmes',
    lead: 'Latih delivers three strategies of the Negeri Sembilan Digital Economy Blueprint 2027. Each programme has its own course catalogue.',
  },
);
