import { bilingual } from '$lib/i18n';

/** Text of /sahkan, the form to type a certificate number. */
export const strings = bilingual(
  {
    title: 'Pengesahan Sijil',
    lead: 'Semak sijil yang dikeluarkan oleh Kerajaan Negeri Sembilan melalui Latih. Tiada log masuk diperlukan.',
    label: 'Nombor sijil',
    hint: 'Seperti tercetak pada sijil, contohnya NS-2027-7K4M-QX9D. Huruf kecil dan ruang dibenarkan.',
    invalid: 'Nombor ini tidak berbentuk nombor sijil. Nombor sijil tidak mengandungi 0, O, 1, I, L atau U.',
    check: 'Semak',
  },
  {
    title: 'Certificate Verification',
    lead: 'Check a certificate issued by the Government of Negeri Sembilan through Latih. No sign-in needed.',
    label: 'Certificate number',
    hint: 'As printed on the certificate, e.g. NS-2027-7K4M-QX9D. Lower case and spaces are fine.',
    invalid: 'This is not shaped like a certificate number. Certificate numbers never contain 0, O, 1, I, L or U.',
    check: 'Check',
  },
);
