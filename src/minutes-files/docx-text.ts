/**
 * The text of a Word document: mammoth turns it into plain HTML (headings, paragraphs, lists,
 * tables, without the styling), which is then read like a saved web page, so both keep the same
 * line structure.
 */
import { MinutesFileRefusal } from './file-refusal.js';
import { htmlText } from './html-text.js';

export async function docxText(bytes: Uint8Array, name: string): Promise<string> {
  // Loaded when a Word document first arrives, not at every start.
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch {
    throw new MinutesFileRefusal(name, 'I could not open this Word document: it is damaged or not really a .docx file');
  }
  return htmlText(`<body>${html}</body>`, true);
}
