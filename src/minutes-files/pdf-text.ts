/**
 * The text of a PDF (through unpdf, a serverless build of Mozilla's PDF.js), with its line
 * structure: the positioned pieces of text are put back into lines by their baseline, and a gap
 * wider than a line's leading becomes a blank line, which is how the importer tells paragraphs
 * apart. A PDF with no text at all (a scan) is refused: it would need OCR.
 */
import type { StructuredTextItem } from 'unpdf';
import { MinutesFileRefusal } from './file-refusal.js';

export interface PdfText {
  text: string;
  pages: number;
}

const PAGE_NUMBER = /^(?:Page\s{1,3})?\d{1,4}(?:\s{1,3}of\s{1,3}\d{1,4})?$/i;

/** The size most of the text is set in. */
function bodySize(pages: readonly StructuredTextItem[][]): number {
  const counts = new Map<number, number>();
  for (const item of pages.flat())
    counts.set(Math.round(item.fontSize), (counts.get(Math.round(item.fontSize)) ?? 0) + item.str.length);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

/**
 * Lines of one page, top to bottom, with blank lines where the gap is wider than a line. A short
 * line set larger than the body text is a heading, and is marked as Markdown marks one, which is
 * how the importer finds items in notes; page numbers at the head or foot of a page are left out.
 */
function pageLines(items: readonly StructuredTextItem[], body: number): string[] {
  const lines: { y: number; size: number; text: string }[] = [];
  for (const item of items) {
    if (item.str === '' && !item.hasEOL) continue;
    const last = lines.at(-1);
    const size = item.fontSize || item.height || 10;
    // Same baseline (within half a glyph): the same line, even when a font change split it.
    if (last && Math.abs(last.y - item.y) < size / 2) {
      const gap = last.text !== '' && !/\s$/.test(last.text) && !/^\s/.test(item.str) && item.str !== '' ? ' ' : '';
      last.text += gap + item.str;
    } else {
      lines.push({ y: item.y, size, text: item.str });
    }
  }
  const first = lines[0];
  const last = lines.at(-1);
  const kept = lines.filter((line) => !((line === first || line === last) && PAGE_NUMBER.test(line.text.trim())));
  const out: string[] = [];
  kept.forEach((line, index) => {
    const previous = kept[index - 1];
    if (previous && previous.y - line.y > Math.max(previous.size, line.size) * 1.6) out.push('');
    const text = line.text.trim();
    const heading = line.size >= body * 1.15 && text.split(/\s+/).length <= 15;
    out.push(heading ? `## ${text}` : text);
  });
  return out;
}

export async function pdfText(bytes: Uint8Array, name: string): Promise<PdfText> {
  // Loaded when a PDF first arrives: PDF.js is the largest part of the program, and most starts never need it.
  const { extractTextItems, getDocumentProxy } = await import('unpdf');
  let pages: StructuredTextItem[][];
  try {
    // PDF.js takes the buffer over; a copy leaves the caller's bytes intact.
    const document = await getDocumentProxy(new Uint8Array(bytes));
    pages = (await extractTextItems(document)).items;
  } catch (error) {
    const why =
      (error as Error).name === 'PasswordException'
        ? 'it is protected by a password'
        : 'it is damaged or not really a PDF';
    throw new MinutesFileRefusal(name, `I could not open this PDF: ${why}`);
  }
  const body = bodySize(pages);
  const text = pages.map((page) => pageLines(page, body).join('\n')).join('\n\n');
  if (text.replace(/\s/g, '') === '') {
    throw new MinutesFileRefusal(
      name,
      'this PDF has no text layer (it looks like a scan or a picture of the pages), so there is nothing to read; send the PDF the council published, or a Word or text copy',
    );
  }
  return { text, pages: pages.length };
}
