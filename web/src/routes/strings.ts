import { bilingual } from '$lib/i18n';

/** The home page's own text. */
export const strings = bilingual(
  {
    title: 'Tingkatkan kemahiran digital anda bersama Latih',
    lead: 'Latih ialah platform peningkatan kemahiran digital Kerajaan Negeri Sembilan di bawah Blueprint Ekonomi Digital Negeri Sembilan 2027. Kursus untuk penjawat awam, pendidik, pelajar dan orang awam — dalam Bahasa Melayu dan Bahasa Inggeris.',
    programmes: 'Tiga program',
    programmesLead: 'Pilih program yang sesuai dengan anda untuk melihat kursusnya.',
    browseAll: 'Lihat semua kursus',
  },
  {
    title: 'Build your digital skills with Latih',
    lead: 'Latih is the digital upskilling platform of the Negeri Sembilan state government, under the Negeri Sembilan Digital Economy Blueprint 2027. Courses for civil servants, educators, students and the public — in Bahasa Melayu and English.',
    programmes: 'Three programmes',
    programmesLead: 'Choose the programme that fits you to see its courses.',
    browseAll: 'See all courses',
  },
);
