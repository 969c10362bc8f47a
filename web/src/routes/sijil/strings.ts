import { bilingual } from '$lib/i18n';

/** Text of /sijil, the learner's certificates (the cards' own text is $lib/certificates/strings). */
export const strings = bilingual(
  {
    title: 'Sijil Saya',
    lead: 'Sijil kursus yang telah anda tamatkan. Muat turun PDF untuk dicetak, kelayakan digital untuk disimpan, atau kongsi pautan pengesahan.',
    none: 'Anda belum mempunyai sijil. Sijil dikeluarkan secara automatik apabila anda menamatkan kursus.',
    pdf: 'Muat turun PDF',
    credential: 'Kelayakan digital',
    share: 'Salin pautan pengesahan',
    copied: 'Pautan disalin.',
    signIn: 'Sila log masuk untuk melihat sijil anda.',
    loadFailed: 'Sijil tidak dapat dimuatkan.',
    retry: 'Cuba lagi',
    credentialHelp: 'Fail .jwt ialah kelayakan Open Badges 3.0 yang ditandatangani; ia boleh disemak tanpa internet dengan kunci awam pengeluar.',
  },
  {
    title: 'My Certificates',
    lead: 'Certificates of the courses you completed. Download the PDF to print, the digital credential to keep, or share the verification link.',
    none: 'You have no certificates yet. A certificate is issued automatically when you complete a course.',
    pdf: 'Download PDF',
    credential: 'Digital credential',
    share: 'Copy verification link',
    copied: 'Link copied.',
    signIn: 'Please sign in to see your certificates.',
    loadFailed: 'Your certificates could not be loaded.',
    retry: 'Try again',
    credentialHelp: 'The .jwt file is a signed Open Badges 3.0 credential; it can be checked offline with the issuer’s public key.',
  },
);
