/**
 * Where a saved web page was published: its canonical link, its Open Graph address, or the
 * "saved from url" note browsers write into a saved page. Answers link to it. Only an http(s)
 * address is taken; anything else (a file path, a script) is not an address to send members to.
 */
import { DomUtils, parseDocument } from 'htmlparser2';

const SAVED_FROM = /<!-- saved from url=\(\d{1,5}\)(https?:\/\/[^\s>]{1,2000}) -->/i;
const MAX_LENGTH = 2_000;

function webAddress(value: string | undefined): string | undefined {
  if (!value || value.length > MAX_LENGTH) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function publishedPageAddress(html: string): string | undefined {
  const document = parseDocument(html, { decodeEntities: true });
  const attribute = (test: (attribs: Record<string, string>) => boolean, name: string) =>
    DomUtils.findOne((e) => test(e.attribs), document.children, true)?.attribs[name];
  const canonical = attribute((a) => (a['rel'] ?? '').toLowerCase().split(/\s+/).includes('canonical'), 'href');
  const openGraph = attribute((a) => a['property'] === 'og:url', 'content');
  return webAddress(canonical) ?? webAddress(openGraph) ?? webAddress(SAVED_FROM.exec(html.slice(0, 4_000))?.[1]);
}
