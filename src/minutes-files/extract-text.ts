/**
 * A minutes file's text, whatever its format (PDF, Word .docx, saved web page, text or Markdown),
 * with one line per line of the document, ready for the minutes importer. Refuses, with the
 * reason, a format it does not read or a file with no text in it.
 */
import { docxText } from './docx-text.js';
import { detectFileKind, type FileKind } from './file-kind.js';
import { MinutesFileRefusal } from './file-refusal.js';
import { htmlText } from './html-text.js';
import { pdfText } from './pdf-text.js';
import { publishedPageAddress } from './page-address.js';

export { MinutesFileRefusal } from './file-refusal.js';
export type { FileKind } from './file-kind.js';

export interface ExtractedText {
  kind: FileKind;
  text: string;
  /** Pages of a PDF; otherwise 1. */
  pages: number;
  /** Where a saved web page was published, when the page says (see page-address.ts). */
  url?: string;
}

function decodeText(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Windows-1252 is what text saved on a council PC without UTF-8 usually is.
    const text = new TextDecoder('windows-1252').decode(bytes);
    if (/[\u0000-\u0008\u000E-\u001F]/.test(text))
      throw new MinutesFileRefusal(
        name,
        'this is binary data, not text; send the minutes as PDF, Word (.docx), a saved web page or text',
      );
    return text;
  }
}

export async function extractMinutesText(bytes: Uint8Array, name: string): Promise<ExtractedText> {
  if (bytes.length === 0) throw new MinutesFileRefusal(name, 'the file is empty');
  const kind = detectFileKind(bytes, name);
  let text: string;
  let pages = 1;
  let url: string | undefined;
  switch (kind) {
    case 'pdf':
      ({ text, pages } = await pdfText(bytes, name));
      break;
    case 'docx':
      text = await docxText(bytes, name);
      break;
    case 'html': {
      const html = decodeText(bytes, name);
      text = htmlText(html);
      url = publishedPageAddress(html);
      break;
    }
    case 'text':
      text = decodeText(bytes, name);
      break;
  }
  if (text.trim() === '') throw new MinutesFileRefusal(name, 'there is no text in this file');
  return { kind, text, pages, ...(url ? { url } : {}) };
}
