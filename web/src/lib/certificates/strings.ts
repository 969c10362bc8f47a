import { bilingual } from '$lib/i18n';

/**
 * Text of a verification result (/sahkan/<number>, and the cards on /sijil). The form on /sahkan
 * and the wallet on /sijil keep their own text with them: each page downloads only what it shows.
 */
export const strings = bilingual(
  {
    verifyTitle: 'Pengesahan Sijil',
    status: { valid: 'Sah', expired: 'Tamat tempoh', revoked: 'Dibatalkan', superseded: 'Digantikan', unknown: 'Tidak dijumpai' },
    statusText: {
      valid: 'Sijil ini sah dan dikeluarkan oleh Kerajaan Negeri Sembilan.',
      expired: 'Sijil ini tulen tetapi tempoh sahnya telah tamat.',
      revoked: 'Sijil ini telah dibatalkan oleh pengeluar dan tidak lagi sah.',
      superseded: 'Sijil ini telah digantikan dengan sijil baharu (contohnya selepas pembetulan nama) dan tidak lagi sah.',
    },
    holder: 'Pemegang',
    ic: 'MyKad',
    course: 'Kursus',
    hours: 'Jam latihan',
    completed: 'Tarikh tamat kursus',
    validUntil: 'Sah hingga',
    noExpiry: 'Tiada tarikh luput',
    revokedOn: 'Dibatalkan pada',
    replacedBy: 'Digantikan oleh',
    replaces: 'Menggantikan',
    renews: 'Memperbaharui',
    renewedBy: 'Diperbaharui oleh',
    number: 'Nombor sijil',
    issuer: 'Pengeluar',
    issuerName: 'Kerajaan Negeri Sembilan',
    another: 'Semak sijil lain',
    notFound: 'Sijil tidak dijumpai',
    notFoundBody: 'Tiada sijil dengan nombor ini dalam rekod Latih. Semak nombor seperti tercetak pada sijil, atau imbas semula kod QR.',
  },
  {
    verifyTitle: 'Certificate Verification',
    status: { valid: 'Valid', expired: 'Expired', revoked: 'Revoked', superseded: 'Superseded', unknown: 'Not found' },
    statusText: {
      valid: 'This certificate is valid and was issued by the Government of Negeri Sembilan.',
      expired: 'This certificate is genuine but its validity has ended.',
      revoked: 'This certificate has been revoked by the issuer and is no longer valid.',
      superseded: 'This certificate has been replaced by a new one (e.g. after a name correction) and is no longer valid.',
    },
    holder: 'Holder',
    ic: 'MyKad',
    course: 'Course',
    hours: 'Training hours',
    completed: 'Course completed on',
    validUntil: 'Valid until',
    noExpiry: 'No expiry',
    revokedOn: 'Revoked on',
    replacedBy: 'Replaced by',
    replaces: 'Replaces',
    renews: 'Renews',
    renewedBy: 'Renewed by',
    number: 'Certificate number',
    issuer: 'Issuer',
    issuerName: 'Government of Negeri Sembilan',
    another: 'Check another certificate',
    notFound: 'Certificate not found',
    notFoundBody: 'There is no certificate with this number in Latih’s records. Check the number as printed on the certificate, or scan the QR code again.',
  },
);
