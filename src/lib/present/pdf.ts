/**
 * A printable A4 certificate that verifies: one page per badge (and, for several, a CV-style list
 * first), with what the checks proved — the headline and the issuer as proven next to the name it
 * claims — dates, effort and credit, the badge image, a QR code and link to the verify page, and
 * the signed credential itself attached to the PDF (EmbeddedFiles, exact bytes, its media type).
 * The printed words are a copy; the attachment is the proof: `tsumiki verify FILE.pdf` and the
 * wallet read it back (src/lib/formats/pdf-read.ts).
 *
 * Text uses the PDF standard fonts (Helvetica), which hold Latin text only (WinAnsi): pdf-lib can
 * embed other fonts only through fontkit, which this project does not ship, and no Japanese font
 * is bundled. So the certificate is in English, the credential's English values are preferred, and
 * Japanese script that remains is left out and said to be (the attachment and the verify page
 * carry it in full). No DOM: runs in Node and in the browser.
 */
import {
  AFRelationship,
  concatTransformationMatrix,
  fill,
  LineCapStyle,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingColor,
  PDFDocument, PDFName, PDFString, rgb, StandardFonts, type PDFFont, type PDFImage, type PDFPage, type RGB } from 'pdf-lib';
import { toneOf } from '../model/headline.ts';
import { qrCode, type QrCode } from '../share/qr.ts';
import { sha256Hex } from '../util/bytes.ts';
import type { CertificateFacts } from './facts.ts';

export { readPdfAttachments as readPdfCredentials, type PdfAttachment } from '../formats/pdf-read.ts';

export interface PdfOptions {
  /** When the PDF is made (its date, and "made on"). */
  readonly now: Date;
  /**
   * The verify link for each badge (same order), or undefined: a `#/verify?data=` link when the
   * credential fits one, else the verify page itself (the PDF can be dropped on it).
   */
  readonly links?: readonly (string | undefined)[];
  /** The title of a page listing several badges (default "Learning record"). */
  readonly listTitle?: string;
}

// A4 in points, margins, and the house colours (src/ui/app.css).
const W = 595.28;
const H = 841.89;
const M = 48;
const hex = (h: string): RGB => rgb(parseInt(h.slice(1, 3), 16) / 255, parseInt(h.slice(3, 5), 16) / 255, parseInt(h.slice(5, 7), 16) / 255);
const INK = hex('#17202e');
const MUTED = hex('#586274');
const LINE = hex('#e2e6ee');
const SURFACE2 = hex('#f1f4f8');
const ACCENT = hex('#2f6fc4');
const ACCENT_DARK = hex('#1f4e8c');
const GOLD = hex('#e0a526');
const TONES: Record<'good' | 'warn' | 'bad' | 'neutral', { fg: RGB; bg: RGB }> = {
  good: { fg: hex('#1c7a4a'), bg: hex('#e7f6ee') },
  warn: { fg: hex('#8a5a00'), bg: hex('#fff6e0') },
  bad: { fg: hex('#b3261e'), bg: hex('#fdecea') },
  neutral: { fg: hex('#586274'), bg: hex('#f1f4f8') },
};
/** Points a QR module is printed at, at least (0.33 mm: a phone reads it from a printed page). */
const QR_MODULE = 0.94;

interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  readonly mono: PDFFont;
}

/** Text the standard fonts can show, and whether Japanese (or other non-Latin) script had to be left out. */
class Latin {
  dropped = false;
  readonly #allowed: Set<number>;
  constructor(font: PDFFont) {
    this.#allowed = new Set(font.getCharacterSet());
  }

  /** The text with unprintable runs left out; `fallback` when too little Latin text is left to mean anything. */
  text(value: string, fallback = '(in Japanese script: see the attached credential)'): string {
    // A text in two languages, one a line: the lines that print whole are the text.
    const paragraphs = value.split(/\r?\n/).filter((l) => l.trim() !== '');
    if (paragraphs.length > 1) {
      const whole = paragraphs.filter((l) => this.#printable(l));
      if (whole.length > 0 && whole.length < paragraphs.length) {
        this.dropped = true;
        return whole.map((l) => this.#clean(l)).join(' ');
      }
    }
    // "日本語 / English": when one side of a separator prints whole, that side is the text.
    const sides = value.split(/\s+[/|｜]\s+/);
    if (sides.length > 1) {
      const whole = sides.filter((side) => this.#printable(side));
      if (whole.length > 0 && whole.length < sides.length) {
        this.dropped = true;
        return whole.map((side) => this.#clean(side)).join(' / ');
      }
    }
    return this.#filter(value, fallback);
  }

  #clean(value: string): string {
    return value.normalize('NFKC').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim();
  }

  #printable(value: string): boolean {
    for (const ch of this.#clean(value)) if (!this.#allowed.has(ch.codePointAt(0) as number)) return false; // why: a character has a code point
    return true;
  }

  #filter(value: string, fallback: string): string {
    const normal = value.normalize('NFKC').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');
    let out = '';
    let lost = false;
    for (const ch of normal) {
      const cp = ch.codePointAt(0) as number; // why: a non-empty string has a code point
      if (this.#allowed.has(cp)) out += ch;
      else {
        lost = true;
        out += ' ';
      }
    }
    if (!lost) return normal.trim();
    this.dropped = true;
    const kept = out
      .replace(/\s+/g, ' ')
      .replace(/^[\s/|:;,.\-–—()[\]]+|[\s/|:;,\-–—([]+$/g, '')
      .replace(/\(\s*\)/g, '')
      .trim();
    return (kept.match(/[A-Za-z0-9]/g) ?? []).length >= 2 ? kept : fallback;
  }
}

/** Lines of at most `width`, breaking at spaces and, for a long token (a URL, a DID), anywhere. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const next = line === '' ? word : `${line} ${word}`;
      if (font.widthOfTextAtSize(next, size) <= width) {
        line = next;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        // The longest head that fits, by bisection (a hostile token may be thousands of characters).
        let lo = 1;
        let hi = rest.length - 1;
        while (lo < hi) {
          const mid = Math.ceil((lo + hi) / 2);
          if (font.widthOfTextAtSize(rest.slice(0, mid), size) <= width) lo = mid;
          else hi = mid - 1;
        }
        lines.push(rest.slice(0, lo));
        rest = rest.slice(lo);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "7 December 2026" for an ISO date (its calendar day as written), or the text itself when it is not one. */
export function dayOf(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1];
  return month === undefined ? iso : `${Number(m[3])} ${month} ${m[1]}`;
}

const range = (r: { min: number; max: number }) => (r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`);
const CREDIT_UNITS = {
  ects: ['ECTS credit', 'ECTS credits'],
  ucts: ['UCTS credit', 'UCTS credits'],
  'jp-tani': ['credit (Japanese tani)', 'credits (Japanese tani)'],
  'us-semester': ['US semester credit hour', 'US semester credit hours'],
  hours: ['hour', 'hours'],
} as const;

/** "24 hours", "2 ECTS credits": the value lines of a badge, or null when it states none. */
export function valueWords(marks: CertificateFacts['marks']): { effort: string | null; credit: string | null } {
  return {
    effort: marks.effortHours ? `${range(marks.effortHours)} ${marks.effortHours.max === 1 ? 'hour' : 'hours'}` : null,
    credit: marks.credit ? `${range(marks.credit.amount)} ${CREDIT_UNITS[marks.credit.unit][marks.credit.amount.max === 1 ? 0 : 1]}` : null,
  };
}

const FORMAT_WORDS: Record<CertificateFacts['format'], string> = {
  'ob3-di': 'Open Badges 3.0, Data Integrity proof',
  'ob3-jwt': 'Open Badges 3.0, VC-JWT',
  'clr2-di': 'CLR 2.0, Data Integrity proof',
  'clr2-jwt': 'CLR 2.0, VC-JWT',
  'ob2-hosted': 'Open Badges 2.0, hosted',
  'ob2-signed': 'Open Badges 2.0, signed',
};

/** The issuer as the checks prove it, in words (the headline's vocabulary). */
export function provenWords(f: CertificateFacts): string {
  const i = f.issuer;
  if (i.proven === 'listed' && i.listedAs) return `${i.listedAs.name}, on the trust list “${i.listedAs.list}”`;
  if (i.proven === 'domain' && i.domain) return `Whoever controls ${i.domain}`;
  if (i.lookalike) return `Not ${i.lookalike.name}: it uses the name of a listed issuer`;
  return 'Not confirmed: nobody the checker trusts vouches for this issuer';
}

/** A URL as a PDF literal string holds it: parentheses and backslashes percent-escaped. */
const pdfUrl = (url: string) => url.replace(/[()\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function addLink(doc: PDFDocument, page: PDFPage, x: number, y: number, w: number, h: number, url: string): void {
  const annot = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: [x, y, x + w, y + h],
    Border: [0, 0, 0],
    A: { Type: 'Action', S: 'URI', URI: PDFString.of(pdfUrl(url)) },
  });
  page.node.addAnnot(doc.context.register(annot));
}

function drawQr(page: PDFPage, code: QrCode, x: number, y: number, side: number): void {
  const quiet = 2;
  const unit = side / (code.size + 2 * quiet);
  page.drawRectangle({ x, y, width: side, height: side, color: rgb(1, 1, 1) });
  // One filled path for the whole symbol: a rectangle a run of dark modules, in module units (y down).
  const ops = [pushGraphicsState(), concatTransformationMatrix(unit, 0, 0, -unit, x + quiet * unit, y + side - quiet * unit), setFillingColor(rgb(0, 0, 0))];
  for (let r = 0; r < code.size; r++) {
    let c = 0;
    while (c < code.size) {
      if (!code.modules[r * code.size + c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < code.size && code.modules[r * code.size + c]) c++;
      ops.push(rectangle(start, r, c - start, 1));
    }
  }
  page.pushOperators(...ops, fill(), popGraphicsState());
}

/** A rounded rectangle as an SVG path (pdf-lib draws it with y down from the given origin). */
function rounded(w: number, h: number, r: number): string {
  return `M ${r} 0 H ${w - r} Q ${w} 0 ${w} ${r} V ${h - r} Q ${w} ${h} ${w - r} ${h} H ${r} Q 0 ${h} 0 ${h - r} V ${r} Q 0 0 ${r} 0 Z`;
}

/** The tone's icon: a tick, an exclamation mark or a cross, drawn (the standard fonts have none). */
function drawToneIcon(page: PDFPage, tone: keyof typeof TONES, x: number, y: number, d: number): void {
  const { fg } = TONES[tone];
  page.drawCircle({ x: x + d / 2, y: y + d / 2, size: d / 2, color: fg });
  const white = rgb(1, 1, 1);
  const s = d / 20;
  const stroke = { x, y: y + d, scale: s, borderColor: white, borderWidth: 2.6, borderLineCap: LineCapStyle.Round };
  if (tone === 'good') page.drawSvgPath('M 5.5 10.5 L 8.7 13.7 L 14.5 6.8', stroke);
  else if (tone === 'bad') page.drawSvgPath('M 6.8 6.8 L 13.2 13.2 M 13.2 6.8 L 6.8 13.2', stroke);
  else {
    page.drawSvgPath('M 10 5 L 10 11', stroke);
    page.drawCircle({ x: x + d / 2, y: y + d * 0.27, size: d * 0.075, color: white });
  }
}

/** A placeholder emblem when the badge has no PNG/JPEG image: a ribbon medal in the house colours. */
function drawEmblem(page: PDFPage, x: number, y: number, side: number): void {
  const cx = x + side / 2;
  const cy = y + side * 0.58;
  const r = side * 0.34;
  page.drawSvgPath(`M ${-r * 0.55} 0 L ${-r * 0.85} ${r * 1.55} L ${-r * 0.35} ${r * 1.3} L 0 ${r * 1.7} L ${r * 0.35} ${r * 1.3} L ${r * 0.85} ${r * 1.55} L ${r * 0.55} 0 Z`, { x: cx, y: cy, color: ACCENT_DARK });
  page.drawCircle({ x: cx, y: cy, size: r, color: GOLD });
  page.drawCircle({ x: cx, y: cy, size: r * 0.78, borderColor: rgb(1, 1, 1), borderWidth: 1.5, color: GOLD });
}

async function imageOf(doc: PDFDocument, f: CertificateFacts): Promise<PDFImage | undefined> {
  if (!f.image) return undefined;
  try {
    return f.image.mime === 'image/png' ? await doc.embedPng(f.image.bytes) : await doc.embedJpg(f.image.bytes);
  } catch {
    return undefined; // an image pdf-lib cannot embed (interlaced, 16-bit…): the emblem stands in
  }
}

function drawImage(page: PDFPage, image: PDFImage | undefined, x: number, y: number, side: number): void {
  if (!image) return drawEmblem(page, x, y, side);
  const scale = Math.min(side / image.width, side / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  page.drawImage(image, { x: x + (side - w) / 2, y: y + (side - h) / 2, width: w, height: h });
}

/** Text with letter spacing (the standard drawText has none): one glyph at a time. Returns its width. */
function spaced(page: PDFPage, text: string, x: number, y: number, size: number, font: PDFFont, color: RGB, spacing: number, draw = true): number {
  let at = x;
  for (const ch of text) {
    if (draw) page.drawText(ch, { x: at, y, size, font, color });
    at += font.widthOfTextAtSize(ch, size) + spacing;
  }
  return at - x - spacing;
}

interface Ctx {
  readonly doc: PDFDocument;
  readonly fonts: Fonts;
  readonly latin: Latin;
  readonly options: PdfOptions;
}

/** Draws lines top-down from y; returns the y below them. */
function lines(page: PDFPage, text: string[], x: number, y: number, font: PDFFont, size: number, color: RGB, leading = size * 1.35): number {
  let at = y;
  for (const line of text) {
    at -= leading;
    page.drawText(line, { x, y: at + (leading - size) * 0.6, size, font, color });
  }
  return at;
}

function header(page: PDFPage, ctx: Ctx, right: string): void {
  const { bold, regular } = ctx.fonts;
  page.drawRectangle({ x: 0, y: H - 8, width: W, height: 8, color: ACCENT });
  spaced(page, 'TSUMIKI', M, H - 40, 10, bold, ACCENT_DARK, 2.5);
  const label = right.toUpperCase();
  const width = spaced(page, label, 0, 0, 8.5, regular, MUTED, 1.2, false);
  spaced(page, label, W - M - width, H - 40, 8.5, regular, MUTED, 1.2);
  page.drawLine({ start: { x: M, y: H - 52 }, end: { x: W - M, y: H - 52 }, thickness: 0.75, color: LINE });
}

function footer(page: PDFPage, ctx: Ctx, note: string, pageNo: number, pages: number): void {
  const { regular } = ctx.fonts;
  page.drawLine({ start: { x: M, y: 46 }, end: { x: W - M, y: 46 }, thickness: 0.75, color: LINE });
  const text = wrapText(note, regular, 7.5, W - 2 * M - 60);
  lines(page, text, M, 42, regular, 7.5, MUTED, 10);
  const n = `${pageNo} / ${pages}`;
  page.drawText(n, { x: W - M - regular.widthOfTextAtSize(n, 7.5), y: 33, size: 7.5, font: regular, color: MUTED });
}

/** One badge's certificate page. */
async function certificatePage(ctx: Ctx, f: CertificateFacts, link: string | undefined, attachmentHash: string): Promise<PDFPage> {
  const { doc, fonts, latin } = ctx;
  const { regular, bold, mono } = fonts;
  const page = doc.addPage([W, H]);
  header(page, ctx, 'Digital credential certificate');
  const content = W - 2 * M;

  // The badge: image, name, issuer as named.
  const imgSide = 112;
  let y = H - 76;
  const image = await imageOf(doc, f);
  drawImage(page, image, M, y - imgSide, imgSide);
  const tx = M + imgSide + 24;
  const tw = W - M - tx;
  let ty = y;
  spaced(page, f.marks.micro ? 'MICRO-CREDENTIAL' : 'BADGE', tx, ty - 10, 8.5, bold, ACCENT, 1.5);
  ty -= 18;
  const title = latin.text(f.title || 'Untitled badge');
  const titleSize = title.length > 70 ? 18 : 22;
  ty = lines(page, wrapText(title, bold, titleSize, tw).slice(0, 4), tx, ty, bold, titleSize, INK, titleSize * 1.22);
  ty -= 6;
  const named = f.issuerName ? latin.text(f.issuerName) : 'an issuer that gives no name';
  ty = lines(page, wrapText(`Issued by ${named} (the name it gives itself)`, regular, 10.5, tw).slice(0, 3), tx, ty, regular, 10.5, MUTED);
  // What it is about: the first lines of its description.
  const about = f.description ? wrapText(latin.text(f.description, ''), regular, 9.5, tw).filter((l) => l !== '') : [];
  if (about.length > 0) {
    const shown = about.slice(0, 5);
    if (about.length > 5) shown[4] = `${(shown[4] as string).replace(/\s*\S*$/, '')} …`;
    ty = lines(page, shown, tx, ty - 6, regular, 9.5, INK, 13);
  }
  y = Math.min(y - imgSide, ty) - 22;

  // The headline, as every screen says it.
  const tone = toneOf(f.headline.headline);
  const colours = TONES[tone];
  const explanation = wrapText(latin.text(f.words.explanation), regular, 9.5, content - 64);
  const detail = f.words.detail ? wrapText(latin.text(f.words.detail), bold, 10, content - 64) : [];
  const boxH = 22 + 18 + detail.length * 13.5 + explanation.length * 12.8 + 16;
  page.drawSvgPath(rounded(content, boxH, 8), { x: M, y, color: colours.bg, borderColor: colours.fg, borderWidth: 1 });
  drawToneIcon(page, tone, M + 16, y - 36, 22);
  let hy = y - 14;
  spaced(page, f.words.label.toUpperCase(), M + 50, hy - 16, 15, bold, colours.fg, 0.6);
  hy -= 24;
  hy = lines(page, detail, M + 50, hy, bold, 10, INK, 13.5);
  hy = lines(page, explanation, M + 50, hy, regular, 9.5, MUTED, 12.8);
  y -= boxH + 8;
  const checked = `Checked by Tsumiki on ${dayOf(f.checkedAt)}, on the device that made this PDF. Check it again yourself: see below.`;
  y = lines(page, wrapText(checked, regular, 8.5, content), M, y, regular, 8.5, MUTED, 11) - 14;

  // The facts, label and value.
  const value = valueWords(f.marks);
  const rows: [string, string, PDFFont?][] = [
    ['Issuer, as proven', latin.text(provenWords(f))],
    ['Issuer, as named', f.issuerName ? `${named} (a claim)` : '—'],
    ['Issuer id', f.issuer.id ?? '—', mono],
    ['Issued', f.issued ? dayOf(f.issued) : '—'],
    ['Valid until', f.validUntil ? dayOf(f.validUntil) : 'Does not expire'],
    ...(value.effort ? ([['Learner effort', value.effort]] as [string, string][]) : []),
    ...(value.credit ? ([['Credit', value.credit]] as [string, string][]) : []),
    ['Micro-credential', f.marks.micro ? 'Yes' : 'No'],
    ['Format', FORMAT_WORDS[f.format]],
    ...(f.credentialId ? ([['Credential id', f.credentialId, mono]] as [string, string, PDFFont][]) : []),
  ];
  const labelW = 118;
  for (const [label, text, font] of rows) {
    const size = font === mono ? 8.5 : 10;
    const wrapped = wrapText(font === mono ? text : text, font ?? regular, size, content - labelW - 8).slice(0, 3);
    const rowH = wrapped.length * 14 + 7;
    page.drawText(label, { x: M, y: y - 14 + 3.5, size: 9, font: bold, color: MUTED });
    lines(page, wrapped, M + labelW, y, font ?? regular, size, INK, 14);
    y -= rowH;
    page.drawLine({ start: { x: M, y: y + 2 }, end: { x: W - M, y: y + 2 }, thickness: 0.5, color: LINE });
  }
  y -= 10;

  // Verify it: QR, link, the attachment.
  const code = link === undefined ? undefined : qrCode(link, 'L');
  const qrSide = code === undefined ? 0 : Math.max(120, (code.size + 4) * QR_MODULE);
  const py = 66;
  const ph = Math.max(qrSide + 28, 120);
  page.drawSvgPath(rounded(content, ph, 10), { x: M, y: py + ph, color: SURFACE2 });
  let vx = M + 18;
  if (code !== undefined && link !== undefined) {
    drawQr(page, code, M + 14, py + (ph - qrSide) / 2, qrSide);
    addLink(doc, page, M + 14, py + (ph - qrSide) / 2, qrSide, qrSide, link);
    vx = M + 14 + qrSide + 16;
  }
  const vw = W - M - 18 - vx;
  let vy = py + ph - 16;
  page.drawText('Check it yourself', { x: vx, y: vy - 12, size: 13, font: bold, color: INK });
  vy -= 22;
  const how = link === undefined
    ? 'This PDF carries the signed credential as an attached file. Open this PDF with Tsumiki (its Verify page, or “tsumiki verify” on the command line) and the signature is checked on your own device.'
    : link.includes('?data=')
      ? 'Scan the code or open the link: the credential travels inside the link and is checked on your own device; nothing is sent to a server. The signed credential is also attached to this PDF.'
      : 'Open the verify page below and drop this PDF on it: the signed credential attached to this PDF is checked on your own device; nothing is sent to a server.';
  vy = lines(page, wrapText(how, regular, 9, vw), vx, vy, regular, 9, INK, 12) - 4;
  if (link !== undefined) {
    // Courier: every glyph is as wide as the next, so the characters that fit are counted once.
    const fit = Math.max(8, Math.floor(vw / mono.widthOfTextAtSize('M', 8)));
    const shown = link.length > fit ? `${link.slice(0, fit - 1)}…` : link;
    const top = vy;
    vy = lines(page, [shown], vx, vy, mono, 8, ACCENT_DARK, 11);
    addLink(doc, page, vx, vy, vw, top - vy, link);
    vy -= 4;
  }
  const file = `Attached file: ${f.file.name} (${f.file.mime}, ${f.file.bytes.length.toLocaleString('en')} bytes, SHA-256 ${attachmentHash.slice(0, 16)}…). The printed words are a copy; the attached credential is the proof.`;
  lines(page, wrapText(file, regular, 8, vw).slice(0, 4), vx, vy, regular, 8, MUTED, 10.5);
  return page;
}

/** The CV-style list of several badges; returns its pages. */
function listPages(ctx: Ctx, facts: readonly CertificateFacts[]): PDFPage[] {
  const { doc, fonts, latin, options } = ctx;
  const { regular, bold } = fonts;
  const pages: PDFPage[] = [];
  let page = doc.addPage([W, H]);
  pages.push(page);
  header(page, ctx, 'Learning record');
  let y = H - 80;
  page.drawText(latin.text(options.listTitle ?? 'Learning record'), { x: M, y: y - 22, size: 24, font: bold, color: INK });
  y -= 34;
  const hours = facts.reduce((a, f) => a + (f.marks.effortHours?.min ?? 0), 0);
  const genuine = facts.filter((f) => f.headline.headline === 'GENUINE').length;
  const sub = `${facts.length} badges, ${genuine} of them genuine when checked on ${dayOf(options.now.toISOString())}${hours > 0 ? `; at least ${hours} hours of learning` : ''}. Each badge has its own page after this list, and each signed credential is attached to this PDF.`;
  y = lines(page, wrapText(sub, regular, 10, W - 2 * M), M, y, regular, 10, MUTED) - 16;
  facts.forEach((f, i) => {
    const tw = W - 2 * M - 56 - 130;
    const title = wrapText(latin.text(f.title || 'Untitled badge'), bold, 12, tw).slice(0, 2);
    const named = f.issuerName ? latin.text(f.issuerName) : 'an issuer that gives no name';
    const value = valueWords(f.marks);
    const meta = [f.issued ? dayOf(f.issued) : null, value.effort, value.credit].filter((s): s is string => s !== null).join(' · ');
    const sub2 = wrapText(`${named} — proven: ${latin.text(provenWords(f))}`, regular, 9, tw).slice(0, 2);
    const rowH = Math.max(56, title.length * 15 + sub2.length * 12 + (meta ? 13 : 0) + 16);
    if (y - rowH < 70) {
      page = doc.addPage([W, H]);
      pages.push(page);
      header(page, ctx, 'Learning record');
      y = H - 76;
    }
    const tone = TONES[toneOf(f.headline.headline)];
    page.drawSvgPath(rounded(W - 2 * M, rowH - 8, 8), { x: M, y, color: rgb(1, 1, 1), borderColor: LINE, borderWidth: 0.75 });
    page.drawRectangle({ x: M, y: y - rowH + 8, width: 4, height: rowH - 8, color: tone.fg });
    page.drawText(String(i + 1), { x: M + 16, y: y - 22, size: 14, font: bold, color: ACCENT });
    let ry = lines(page, title, M + 44, y - 6, bold, 12, INK, 15);
    ry = lines(page, sub2, M + 44, ry, regular, 9, MUTED, 12);
    if (meta) lines(page, [meta], M + 44, ry, regular, 9, INK, 13);
    // The headline as a pill on the right.
    const label = f.words.label;
    const pw = bold.widthOfTextAtSize(label, 9) + 32;
    page.drawSvgPath(rounded(pw, 20, 10), { x: W - M - 12 - pw, y: y - 12, color: tone.bg, borderColor: tone.fg, borderWidth: 0.75 });
    drawToneIcon(page, toneOf(f.headline.headline), W - M - 12 - pw + 5, y - 29, 14);
    page.drawText(label, { x: W - M - 12 - pw + 23, y: y - 25, size: 9, font: bold, color: tone.fg });
    y -= rowH;
  });
  return pages;
}

/**
 * The certificate PDF of one badge, or of several (a list first, then one page each). Each
 * badge's file is attached byte for byte, in order.
 */
export async function makeCertificatePdf(facts: readonly CertificateFacts[], options: PdfOptions): Promise<Uint8Array> {
  if (facts.length === 0) throw new RangeError('no badge to print');
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
  const latin = new Latin(fonts.regular);
  const ctx: Ctx = { doc, fonts, latin, options };
  const hashes = await Promise.all(facts.map((f) => sha256Hex(f.file.bytes)));
  const pages = facts.length > 1 ? listPages(ctx, facts) : [];
  for (const [i, f] of facts.entries()) pages.push(await certificatePage(ctx, f, options.links?.[i], hashes[i] as string));
  const note = `Made with Tsumiki on ${dayOf(options.now.toISOString())}. What is printed is a copy of what the checks found then; the signed credential${facts.length > 1 ? 's are' : ' is'} attached to this PDF.${latin.dropped ? ' Text in Japanese script is not printed here (no Japanese font is bundled); the attached credential and the verify page show it in full.' : ''}`;
  pages.forEach((p, i) => footer(p, ctx, note, i + 1, pages.length));

  const names = new Set<string>();
  for (const [i, f] of facts.entries()) {
    let name = facts.length > 1 ? `${String(i + 1).padStart(2, '0')}-${f.file.name}` : f.file.name;
    while (names.has(name)) name = `x-${name}`;
    names.add(name);
    await doc.attach(f.file.bytes, name, {
      mimeType: f.file.mime,
      description: `The signed credential${facts.length > 1 ? ` of badge ${i + 1}` : ''}, exactly as issued`,
      creationDate: options.now,
      modificationDate: options.now,
      afRelationship: AFRelationship.Source,
    });
  }
  const first = facts[0] as CertificateFacts; // why: facts.length > 0 checked above
  doc.setTitle(facts.length > 1 ? latin.text(options.listTitle ?? 'Learning record') : latin.text(first.title || 'Badge'), { showInWindowTitleBar: true });
  doc.setSubject('A digital credential with its signed original attached');
  doc.setCreator('Tsumiki');
  doc.setProducer('Tsumiki (pdf-lib)');
  doc.setLanguage('en');
  doc.setCreationDate(options.now);
  doc.setModificationDate(options.now);
  // Open with the attachments panel: where the proof is.
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseAttachments'));
  return doc.save();
}
