import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { downloadFile, DownloadError } from '../../src/minutes-files/file-download.js';

async function failure(url: string, maxBytes = 1000): Promise<string> {
  try {
    await downloadFile(url, { maxBytes, timeoutMs: 2000 });
  } catch (error) {
    if (error instanceof DownloadError) return error.message;
    throw error;
  }
  return 'downloaded';
}

describe('downloading a file Teams attached', () => {
  let server: Server;
  let url = '';
  before(async () => {
    // Streams without a length, so only counting while reading can stop an oversized body.
    server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunks = req.url === '/big' ? 50 : 2;
      let sent = 0;
      const next = (): void => {
        if (sent++ >= chunks || res.destroyed) return void res.end();
        res.write(Buffer.alloc(100, 65), next);
      };
      next();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('returns the bytes of a file within the limit', async () => {
    const bytes = await downloadFile(`${url}/small`, { maxBytes: 1000, timeoutMs: 2000 });
    expect(bytes.length).to.equal(200);
  });

  it('stops reading a body without a length once it passes the limit, and refuses addresses that are not web links', async () => {
    expect(await failure(`${url}/big`)).to.contain('larger than the 1 KB limit');
    expect(await failure('file:///etc/passwd')).to.contain('no web address');
    expect(await failure('not a url')).to.contain('no valid address');
  });
});
