/**
 * The printable certificate: one A4 page, Bahasa Melayu first and English beneath, with the
 * state as issuer, programme, holder, masked MyKad, course, hours, completion date, expiry,
 * number and a QR code to the public verification page (drawn as vector squares, so it
 * prints sharp at any size).
 *
 * Fonts: the PDF standard fonts (Helvetica, Times), which need no embedding and cover Latin
 * script with accents (WinAnsi). A character they cannot show (e.g. a name in Chinese or Tamil
 * script) is degraded safely: accents are dropped where that gives a Latin letter, anything
 * else becomes "?", and `fallbackUsed` says so. Embedding a Unicode font needs @pdf-lib/fontkit
 * (not installed yet: docs/architecture.md, certificates).
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { programmeName, ISSUER_NAME } from './credential';
import type { CertificateRecord } from './issue';

const MM = 72 / 25.4;
const A4 = { w: 210 * MM, h: 297 * MM };
const navy = rgb(0x1e / 255, 0x3a / 255, 0x8a / 255);
const gold = rgb(0xa1 / 255, 0x62 / 255, 0x07 / 255);
const ink = rgb(0x18 / 255, 0x18 / 255, 0x1b / 255);
const grey = rgb(0x52 / 255, 0x52 / 255, 0x5b / 255);
const wash = rgb(0xef / 255, 0xf6 / 255, 0xff / 255);

const months = {
  ms: ['Januari', 'Februari', 'Mac', 'April', 'Mei', 'Jun', 'Julai', 'Ogos', 'September', 'Oktober', 'November', 'Disember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** The Malaysian calendar day (UTC+8) of an instant, written out: `12 Mac 2027` / `12 March 2027`. */
export function longDate(iso: string, lang: 'ms' | 'en'): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  return `${d.getUTCDate()} ${months[lang][d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

type Fonts = { regular: PDFFont; bold: PDFFont; italic: PDFFont; serif: PDFFont; serifBold: PDFFont };

export type RenderedPdf = { bytes: Uint8Array; fallbackUsed: boolean };

export async function renderCertificatePdf(c: CertificateRecord, verifyUrl: string): Promise<RenderedPdf> {
  const doc = await PDFDocument.create();
  const number = c.number;
  doc.setTitle(`Sijil ${number} — ${c.course.title.ms}`);
  doc.setAuthor(ISSUER_NAME);
  doc.setSubject('Sijil Tamat Kursus / Certificate of Course Completion');
  doc.setCreator('Latih');
  doc.setProducer('Latih (pdf-lib)');
  doc.setKeywords([number, c.course.code]);
  doc.setCreationDate(new Date(c.issuedAt));
  doc.setModificationDate(new Date(c.issuedAt));
  doc.setLanguage('ms-MY');

  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
    serif: await doc.embedFont(StandardFonts.TimesRoman),
    serifBold: await doc.embedFont(StandardFonts.TimesRomanBold),
  };
  let fallbackUsed = false;
  /** Text the font can show: accents dropped where needed, anything else "?". */
  const safe = (text: string, font: PDFFont) => {
    const known = new Set(font.getCharacterSet());
    let out = '';
    for (const ch of text) {
      if (known.has(ch.codePointAt(0)!)) { out += ch; continue; }
      const plain = ch.normalize('NFD').replace(/\p{M}/gu, '');
      fallbackUsed = true;
      out += [...plain].every((p) => known.has(p.codePointAt(0)!)) && plain ? plain : '?';
    }
    return out;
  };

  const page = doc.addPage([A4.w, A4.h]);
  const centre = (text: string, y: number, font: PDFFont, size: number, color = ink, maxWidth = A4.w - 60 * MM) => {
    let s = size;
    const t = safe(text, font);
    while (font.widthOfTextAtSize(t, s) > maxWidth && s > 7) s -= 0.5;
    page.drawText(t, { x: (A4.w - font.widthOfTextAtSize(t, s)) / 2, y, size: s, font, color });
    return s;
  };

  frame(page);
  seal(page, fonts, A4.w / 2, A4.h - 44 * MM);

  centre('KERAJAAN NEGERI SEMBILAN', A4.h - 70 * MM, fonts.serifBold, 20, navy);
  centre('Government of the State of Negeri Sembilan', A4.h - 77 * MM, fonts.italic, 10.5, grey);
  const programme = programmeName(c.course.programme);
  centre(programme.ms, A4.h - 86 * MM, fonts.bold, 9.5, gold);
  centre(programme.en, A4.h - 91 * MM, fonts.italic, 8.5, grey);

  centre('SIJIL TAMAT KURSUS', A4.h - 110 * MM, fonts.serifBold, 26, ink);
  centre('Certificate of Course Completion', A4.h - 118 * MM, fonts.serif, 14, grey);

  centre('Dengan ini disahkan bahawa', A4.h - 134 * MM, fonts.regular, 11, ink);
  centre('This is to certify that', A4.h - 139.5 * MM, fonts.italic, 9.5, grey);
  centre(c.holderName.toUpperCase(), A4.h - 154 * MM, fonts.serifBold, 22, navy);
  page.drawLine({ start: { x: 45 * MM, y: A4.h - 157 * MM }, end: { x: A4.w - 45 * MM, y: A4.h - 157 * MM }, thickness: 0.6, color: gold });
  if (c.icMasked) centre(`No. MyKad / MyKad No.: ${c.icMasked}`, A4.h - 163 * MM, fonts.regular, 9.5, grey);

  centre('telah menamatkan kursus', A4.h - 175 * MM, fonts.regular, 11, ink);
  centre('has completed the course', A4.h - 180.5 * MM, fonts.italic, 9.5, grey);
  centre(c.course.title.ms, A4.h - 192 * MM, fonts.bold, 16, ink);
  centre(c.course.title.en, A4.h - 199 * MM, fonts.italic, 11.5, grey);
  centre(`${c.course.code}  ·  ${formatHours(c.course.hours)} jam / hours`, A4.h - 206 * MM, fonts.regular, 10, ink);

  // Details: label (BM / EN) and value, in a washed panel.
  const rows: [string, string][] = [
    ['Tarikh tamat / Date completed', `${longDate(c.completedAt, 'ms')} / ${longDate(c.completedAt, 'en')}`],
    ['Sah hingga / Valid until', c.expiresAt ? `${longDate(c.expiresAt, 'ms')} / ${longDate(c.expiresAt, 'en')}` : 'Tiada tarikh luput / No expiry'],
    ['No. sijil / Certificate no.', number],
  ];
  if (c.renews) rows.push(['Memperbaharui / Renews', c.renews]);
  if (c.reissueOf) rows.push(['Menggantikan / Replaces', c.reissueOf]);
  const panelTop = A4.h - 214 * MM;
  const rowH = 6.5 * MM;
  const panelH = rows.length * rowH + 4 * MM;
  page.drawRectangle({ x: 30 * MM, y: panelTop - panelH, width: A4.w - 60 * MM, height: panelH, color: wash, borderColor: rgb(0.76, 0.84, 1), borderWidth: 0.5 });
  rows.forEach(([label, value], i) => {
    const y = panelTop - 2 * MM - (i + 1) * rowH + 2 * MM;
    page.drawText(safe(label, fonts.regular), { x: 35 * MM, y, size: 9, font: fonts.regular, color: grey });
    const font = label.startsWith('No.') ? fonts.bold : fonts.regular;
    page.drawText(safe(value, font), { x: 92 * MM, y, size: label.startsWith('No.') ? 11 : 9.5, font, color: ink });
  });

  // Foot: issuer statement on the left, QR code on the right.
  const qrSize = 30 * MM;
  const qrX = A4.w - 28 * MM - qrSize;
  const qrY = 24 * MM;
  drawQr(page, verifyUrl, qrX, qrY, qrSize);
  const small = (text: string, x: number, y: number, font = fonts.regular, size = 7.5, color = grey) =>
    page.drawText(safe(text, font), { x, y, size, font, color });
  small('Imbas untuk mengesahkan', qrX, qrY - 4 * MM, fonts.bold, 7.5, ink);
  small('Scan to verify', qrX, qrY - 7.5 * MM, fonts.italic);

  const left = 28 * MM;
  small(`Dikeluarkan oleh ${ISSUER_NAME} melalui platform Latih`, left, 49 * MM, fonts.bold, 8.5, ink);
  small(`Issued by the ${ISSUER_NAME.replace('Kerajaan', 'Government of')} through the Latih platform`, left, 45.5 * MM, fonts.italic, 8);
  small(`Tarikh dikeluarkan / Issued on: ${longDate(c.issuedAt, 'ms')} / ${longDate(c.issuedAt, 'en')}`, left, 40 * MM, fonts.regular, 8);
  small('Sijil ini dijana secara digital dan tidak memerlukan tandatangan.', left, 33 * MM);
  small('This certificate is digitally generated and requires no signature.', left, 29.5 * MM, fonts.italic);
  small('Sahkan di / Verify at:', left, 24 * MM);
  small(verifyUrl, left, 20.5 * MM, fonts.regular, 7.5, navy);

  return { bytes: await doc.save({ useObjectStreams: true }), fallbackUsed };
}

const formatHours = (h: number) => (Number.isInteger(h) ? String(h) : h.toFixed(1));

function frame(page: PDFPage) {
  const m = 10 * MM;
  page.drawRectangle({ x: m, y: m, width: A4.w - 2 * m, height: A4.h - 2 * m, borderColor: navy, borderWidth: 3 });
  page.drawRectangle({ x: m + 3 * MM, y: m + 3 * MM, width: A4.w - 2 * m - 6 * MM, height: A4.h - 2 * m - 6 * MM, borderColor: gold, borderWidth: 0.8 });
  // A band across the top, as on printed state documents.
  page.drawRectangle({ x: m + 3 * MM, y: A4.h - m - 3 * MM - 4 * MM, width: A4.w - 2 * m - 6 * MM, height: 4 * MM, color: navy });
  page.drawRectangle({ x: m + 3 * MM, y: A4.h - m - 3 * MM - 5.2 * MM, width: A4.w - 2 * m - 6 * MM, height: 0.8 * MM, color: gold });
  page.drawRectangle({ x: m + 3 * MM, y: m + 3 * MM, width: A4.w - 2 * m - 6 * MM, height: 1.5 * MM, color: navy });
}

/** A plain round seal with the platform's initials: not the state crest, which we may not reproduce. */
function seal(page: PDFPage, fonts: Fonts, cx: number, cy: number) {
  page.drawCircle({ x: cx, y: cy, size: 14 * MM, color: navy });
  page.drawCircle({ x: cx, y: cy, size: 12.6 * MM, borderColor: gold, borderWidth: 1.2, color: navy });
  page.drawCircle({ x: cx, y: cy, size: 9.5 * MM, borderColor: rgb(1, 1, 1), borderWidth: 0.5 });
  const t = 'NS';
  page.drawText(t, { x: cx - fonts.serifBold.widthOfTextAtSize(t, 22) / 2, y: cy - 2.5 * MM, size: 22, font: fonts.serifBold, color: rgb(1, 1, 1) });
  const sub = 'LATIH';
  page.drawText(sub, { x: cx - fonts.bold.widthOfTextAtSize(sub, 6) / 2, y: cy - 6.8 * MM, size: 6, font: fonts.bold, color: gold });
}

function drawQr(page: PDFPage, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = size / (n + 2 * quiet);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  for (let r = 0; r < n; r++) {
    for (let col = 0; col < n; col++) {
      if (qr.modules.get(r, col)) {
        page.drawRectangle({ x: x + (col + quiet) * cell, y: y + size - (r + 1 + quiet) * cell, width: cell + 0.05, height: cell + 0.05, color: rgb(0, 0, 0) });
      }
    }
  }
}
