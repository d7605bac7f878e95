/**
 * The visible text of a saved web page, as a browser lays it out in lines: parsed with
 * htmlparser2 (a real, forgiving HTML parser), scripts, styles and navigation left out, a line
 * break after each block element and a blank line after each paragraph, heading and list. From a
 * ModernGov page only the committee content (`#modgov`, or the main content) is read, so the
 * site's menus do not push the page's landmarks out of sight.
 */
import { parseDocument, DomUtils } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';

const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'head',
  'svg',
  'iframe',
  'button',
  'form',
  'select',
]);
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'blockquote', 'pre', 'dl']);
const BLOCK = new Set([
  'div',
  'section',
  'article',
  'main',
  'aside',
  'li',
  'tr',
  'dt',
  'dd',
  'br',
  'hr',
  'address',
  'figure',
  'figcaption',
  'caption',
  'body',
]);

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** The element holding the page's content: ModernGov's container, else <main>, else the body. */
function contentRoot(nodes: AnyNode[]): AnyNode[] {
  const find = (test: (e: Element) => boolean): Element | null => DomUtils.findOne(test, nodes, true);
  const root =
    find((e) => e.attribs['id'] === 'modgov') ??
    find((e) => e.name === 'main' || e.attribs['role'] === 'main') ??
    find((e) => e.attribs['id'] === 'content' || e.attribs['id'] === 'main-content') ??
    find((e) => e.name === 'body');
  return root ? [root] : nodes;
}

/** A paragraph whose text is all inside <strong> or <b>. */
function isAllBold(node: Element): boolean {
  const children = node.children.filter(
    (c) => !(c.type === 'text' && (c as unknown as { data: string }).data.trim() === ''),
  );
  return children.length > 0 && children.every((c) => isElement(c) && (c.name === 'strong' || c.name === 'b'));
}

/**
 * `markHeadings` marks headings ("## ") and paragraphs wholly in bold ("**...**") as Markdown does,
 * for documents (Word) whose items the importer finds by their headings; a saved web page is read
 * as the browser shows it.
 */
export function htmlText(html: string, markHeadings = false): string {
  const document = parseDocument(html, { decodeEntities: true });
  const out: string[] = [''];
  const newline = (blank: boolean): void => {
    if (out.at(-1) !== '') out.push('');
    if (blank && out.at(-2) !== '') out.push('');
  };
  const walk = (node: AnyNode, listDepth: number): void => {
    if (node.type === 'text') {
      const text = (node as unknown as { data: string }).data.replace(/[\s\u00A0]+/g, ' ');
      const current = out.at(-1) ?? '';
      out[out.length - 1] = current === '' ? text.trimStart() : current + text;
      return;
    }
    if (!isElement(node)) return;
    const name = node.name.toLowerCase();
    if (SKIPPED.has(name) || node.attribs['hidden'] !== undefined || node.attribs['aria-hidden'] === 'true') return;
    if (name === 'br') return newline(false);
    const paragraph = PARAGRAPH.has(name);
    const block = paragraph || BLOCK.has(name);
    if (block) newline(paragraph && listDepth === 0);
    if (name === 'li') out[out.length - 1] = '- ';
    if (markHeadings && /^h[1-6]$/.test(name)) out[out.length - 1] = '## ';
    if (markHeadings && name === 'p' && isAllBold(node)) {
      const text = DomUtils.textContent(node)
        .replace(/[\s\u00A0]+/g, ' ')
        .trim();
      if (text !== '') out[out.length - 1] = `**${text}**`;
      newline(listDepth === 0);
      return;
    }
    if (name === 'td' || name === 'th')
      out[out.length - 1] = `${(out.at(-1) ?? '').trimEnd()}${out.at(-1) ? '  ' : ''}`;
    for (const child of node.children) walk(child, name === 'ul' || name === 'ol' ? listDepth + 1 : listDepth);
    if (block) newline(paragraph && listDepth === 0);
  };
  for (const node of contentRoot(document.children)) walk(node, 0);
  return out
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
