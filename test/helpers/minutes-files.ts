/**
 * Minutes files as the secretariat would send them, made by the tests from the seed documents
 * with real libraries (pdf-lib for PDF, docx for Word; never hand-made bytes), a saved ModernGov
 * web page built around a seed's text, and a local file server standing in for the short-lived
 * download links Teams gives bots.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';
import { sharedFolder } from '../../scripts/shared-folder.js';

export function seedText(file: string): string {
  return readFileSync(sharedFolder('seeds', file), 'utf8');
}

/** A seed's lines as a printed document shows them: no Markdown marks, no indent. */
function documentLines(text: string): { text: string; heading: boolean }[] {
  return text.split(/\r?\n/).map((line) => {
    const heading = /^#{1,6}\s/.test(line);
    return {
      text: line
        .replace(/^#{1,6}\s+/, '')
        .replace(/\*\*/g, '')
        .trim(),
      heading,
    };
  });
}

/** Characters the standard PDF fonts cannot encode become '?', as a PDF printer would substitute. */
function encodable(font: PDFFont, text: string): string {
  return [...text]
    .map((c) => {
      try {
        font.encodeText(c);
        return c;
      } catch {
        return '?';
      }
    })
    .join('');
}

/** A text PDF on A4 pages, lines wrapped at the margin, a wider gap between paragraphs, page numbers at the foot. */
export function seedPdf(file: string, maxPages = Infinity): Promise<Uint8Array> {
  return textPdf(seedText(file), maxPages);
}

export async function textPdf(text: string, maxPages = Infinity): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const size = 10;
  let page = pdf.addPage([595, 842]);
  let y = 790;
  const newPage = (): void => {
    page = pdf.addPage([595, 842]);
    y = 790;
  };
  for (const line of documentLines(text)) {
    if (line.text === '') {
      y -= 8;
      continue;
    }
    const face = line.heading ? bold : font;
    const lineSize = line.heading ? 12 : size;
    let current = '';
    const draw = (): void => {
      if (y < 60) newPage();
      page.drawText(current, { x: 50, y, size: lineSize, font: face, color: rgb(0, 0, 0) });
      y -= lineSize + 2;
      current = '';
    };
    for (const word of encodable(face, line.text).split(/\s+/)) {
      if (current !== '' && face.widthOfTextAtSize(`${current} ${word}`, lineSize) > 495) draw();
      current = current === '' ? word : `${current} ${word}`;
    }
    if (current !== '') draw();
  }
  const pages = pdf.getPages();
  pages.forEach((p, i) => p.drawText(`Page ${i + 1} of ${pages.length}`, { x: 270, y: 30, size: 8, font }));
  while (pdf.getPageCount() > maxPages) pdf.removePage(pdf.getPageCount() - 1);
  return pdf.save();
}

/** A PDF of page images only, as a scanner makes: no text layer. */
export async function scannedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  for (let i = 0; i < 40; i++)
    page.drawRectangle({ x: 50, y: 780 - i * 18, width: 300 + (i % 5) * 40, height: 8, color: rgb(0.2, 0.2, 0.2) });
  return pdf.save();
}

/** A Word document with one paragraph per line of the seed, headings as Word headings. */
export function seedDocx(file: string): Promise<Uint8Array> {
  return textDocx(seedText(file));
}

export async function textDocx(text: string): Promise<Uint8Array> {
  const paragraphs = documentLines(text)
    .filter((line) => line.text !== '')
    .map((line) =>
      line.heading
        ? new Paragraph({ text: line.text, heading: HeadingLevel.HEADING_2 })
        : new Paragraph({ children: [new TextRun(line.text)] }),
    );
  const document = new Document({ sections: [{ children: paragraphs }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The ModernGov page a browser saves ("Web page, complete"): site chrome around the committee content. */
export function seedHtml(file: string): Uint8Array {
  return textHtml(seedText(file));
}

export function textHtml(text: string): Uint8Array {
  const body = documentLines(text)
    .filter((line) => line.text !== '')
    .map((line) =>
      line.heading ? `<h2 class="mgSubTitleTxt">${escapeHtml(line.text)}</h2>` : `<p>${escapeHtml(line.text)}</p>`,
    )
    .join('\n');
  const page = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Agenda item - Kent County Council</title>
<link rel="stylesheet" href="./mgStyles.css"><script>window.dataLayer = window.dataLayer || []; function gtag(){}</script>
<style>.mgHide { display: none }</style></head>
<body class="mgBody">
<header id="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/mgListCommittees.aspx">Committees</a></li><li><a href="/mgMemberIndex.aspx">Councillors</a></li></ul></nav></header>
<div id="breadcrumb"><a href="https://democracy.kent.gov.uk/ieListDocuments.aspx">Meetings</a> &gt; Agenda item</div>
<div id="modgov"><div class="mgContent">
${body}
</div></div>
<footer><p>Kent County Council, Sessions House, Maidstone &copy; 2023</p></footer>
<script src="./modern.gov.js"></script>
</body></html>`;
  return new TextEncoder().encode(page);
}

export interface FileServer {
  url: string;
  /** Serves these bytes at /files/<name>. */
  put(name: string, bytes: Uint8Array): string;
  /** A link that answers 404 (a link that has expired). */
  missing(): string;
  /** A link that never answers. */
  stalled(): string;
  close(): Promise<void>;
}

export async function startFileServer(): Promise<FileServer> {
  const files = new Map<string, Uint8Array>();
  const stalled: import('node:http').ServerResponse[] = [];
  const server: Server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '').replace(/^\/files\//, ''));
    if (req.url?.startsWith('/stalled')) {
      stalled.push(res);
      return;
    }
    const bytes = files.get(name);
    if (!bytes) {
      // restify, loaded in the same process, patches responses so that writeHead does not chain.
      res.writeHead(404);
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length });
    res.end(Buffer.from(bytes));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    put(name, bytes) {
      files.set(name, bytes);
      return `${url}/files/${encodeURIComponent(name)}`;
    },
    missing: () => `${url}/files/expired-${Date.now()}`,
    stalled: () => `${url}/stalled/${Date.now()}`,
    close: async () => {
      stalled.forEach((res) => res.destroy());
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
