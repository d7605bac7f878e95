import { expect } from 'chai';
import { extractMinutesText, MinutesFileRefusal } from '../../src/minutes-files/extract-text.js';
import { htmlText } from '../../src/minutes-files/html-text.js';
import { scannedPdf, seedDocx, seedPdf } from '../helpers/minutes-files.js';

async function refusal(bytes: Uint8Array, name: string): Promise<string> {
  try {
    await extractMinutesText(bytes, name);
  } catch (error) {
    if (error instanceof MinutesFileRefusal) return error.reason;
    throw error;
  }
  return 'not refused';
}

describe('minutes files: text from each format', () => {
  it('reads a PDF by its bytes whatever its name, with headings marked and page numbers left out', async () => {
    const result = await extractMinutesText(await seedPdf('003_0941d698233bc959.txt'), 'minutes.txt');
    expect(result.kind).to.equal('pdf');
    expect(result.pages).to.be.greaterThan(1);
    expect(result.text).to.match(/^## B2 Kent Community Safety Partnership Working Group Update$/m);
    expect(result.text).to.not.match(/^Page \d+ of \d+$/m);
  });

  it('reads a Word document with its headings, and refuses a scan, an old .doc, an empty file and unknown formats', async () => {
    expect((await extractMinutesText(await seedDocx('003_0941d698233bc959.txt'), 'notes.docx')).text).to.match(
      /^## B3 Multiagency Risk Assessment/m,
    );
    expect(await refusal(await scannedPdf(), 'scan.pdf')).to.contain('no text layer');
    expect(await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.doc')).to.contain(
      '.doc',
    );
    expect(await refusal(new Uint8Array(), 'empty.txt')).to.contain('empty');
    expect(await refusal(new TextEncoder().encode('a,b\n1,2'), 'sheet.csv')).to.contain('cannot read .csv');
  });

  it('reads a web page as the browser shows it: the committee content, not scripts or menus, tags as text never run', () => {
    const page = `<html><head><script>alert(1)</script></head><body><nav>Home Committees</nav><div id="modgov"><h1>Agenda item</h1>
      <p>Minutes:</p><ol><li>First &amp; <b>second</b></li><li>Third</li></ol><p>&lt;script&gt; is text</p></div><footer>Council</footer></body></html>`;
    const text = htmlText(page);
    expect(text.split('\n')).to.deep.equal([
      'Agenda item',
      '',
      'Minutes:',
      '',
      '- First & second',
      '- Third',
      '',
      '<script> is text',
    ]);
  });
});
