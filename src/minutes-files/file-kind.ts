/**
 * Which format a file sent as minutes is in. The bytes decide where they can (a PDF starts
 * "%PDF-", a .docx is a ZIP archive), so a renamed file is read as what it is; the extension
 * only tells HTML from plain text, which have no signature. Old binary Word (.doc) is refused.
 */
import { MinutesFileRefusal } from './file-refusal.js';

export type FileKind = 'pdf' | 'docx' | 'html' | 'text';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Old Word, Excel and PowerPoint files (OLE compound documents). */
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((b, i) => bytes[offset + i] === b);
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The first characters, without a byte-order mark or leading white space, lower-cased. */
function head(bytes: Uint8Array): string {
  return new TextDecoder('utf-8')
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
}

export function detectFileKind(bytes: Uint8Array, name: string): FileKind {
  const extension = extensionOf(name);
  // A PDF may have a few bytes of junk before its header; readers look in the first kilobyte.
  if (new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, ZIP)) {
    if (extension === 'docx' || extension === '') return 'docx';
    throw new MinutesFileRefusal(
      name,
      `this is a ${extension ? `.${extension}` : 'ZIP'} file; send the minutes as PDF, Word (.docx), a saved web page (.html) or text`,
    );
  }
  if (startsWith(bytes, OLE))
    throw new MinutesFileRefusal(
      name,
      'this is an old-style Office file (.doc); save it as .docx or PDF and send that',
    );
  const start = head(bytes);
  if (extension === 'html' || extension === 'htm' || /^<(?:!doctype html|html|head|body|meta)\b/.test(start))
    return 'html';
  if (['txt', 'md', 'markdown', 'text', ''].includes(extension)) return 'text';
  throw new MinutesFileRefusal(
    name,
    `I cannot read .${extension} files as minutes; send a PDF, a Word document (.docx), a saved web page (.html or .htm), or text (.txt or .md)`,
  );
}
