import { expect } from 'chai';
import { publishedPageAddress } from '../../src/minutes-files/page-address.js';

describe('the published address of a saved web page', () => {
  it('reads the canonical link, else the Open Graph address, else the note a browser writes when saving', () => {
    expect(
      publishedPageAddress(
        '<html><head><link rel="canonical" href="https://a.example/m?x=1&amp;y=2"><meta property="og:url" content="https://b.example/"></head></html>',
      ),
    ).to.equal('https://a.example/m?x=1&y=2');
    expect(publishedPageAddress('<meta property="og:url" content="https://b.example/page">')).to.equal(
      'https://b.example/page',
    );
    expect(
      publishedPageAddress(
        '<!DOCTYPE html>\n<!-- saved from url=(0031)https://c.example/minutes.aspx -->\n<html></html>',
      ),
    ).to.equal('https://c.example/minutes.aspx');
  });

  it('takes no address that is not a web page: none, a script, a file path', () => {
    expect(publishedPageAddress('<html><body>Minutes</body></html>')).to.equal(undefined);
    expect(publishedPageAddress('<link rel="canonical" href="javascript:alert(1)">')).to.equal(undefined);
    expect(publishedPageAddress('<link rel="canonical" href="file:///C:/minutes.html">')).to.equal(undefined);
    expect(publishedPageAddress(`<link rel="canonical" href="https://x.example/${'a'.repeat(5000)}">`)).to.equal(
      undefined,
    );
  });
});
