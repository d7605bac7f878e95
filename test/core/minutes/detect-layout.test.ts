import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MinutesFormatError, parseMinutesDocument } from '../../../src/core/minutes/index.js';
import { FIXTURES } from './documents.js';

function errorFor(text: string, file: string): MinutesFormatError {
  try {
    parseMinutesDocument(text, file);
  } catch (error) {
    if (error instanceof MinutesFormatError) return error;
    throw error;
  }
  throw new Error(`${file} was accepted`);
}

function fixtureError(name: string, encoding: BufferEncoding = 'utf8'): MinutesFormatError {
  return errorFor(readFileSync(path.join(FIXTURES, name), encoding), name);
}

describe('minutes importer: input it cannot read', () => {
  it('refuses an empty file', () => {
    const error = fixtureError('empty.txt');
    expect(error).to.include({ file: 'empty.txt', line: 1 });
    expect(error.message).to.equal('empty.txt line 1: the file is empty');
  });

  it('refuses binary bytes, naming the line', () => {
    const error = fixtureError('binary.bin');
    expect(error).to.include({ file: 'binary.bin', line: 2 });
    expect(error.message).to.match(/^binary\.bin line 2: this is binary data/);
    expect(fixtureError('binary.pdf', 'latin1').message).to.match(/^binary\.pdf line 1: this is a PDF file/);
  });

  it('refuses HTML it does not recognise, and says to save the page as text', () => {
    const error = fixtureError('unrecognised.html');
    expect(error.message).to.equal(
      'unrecognised.html line 1: this looks like HTML but not a ModernGov minutes page; save the page as text',
    );
  });

  it('refuses prose in no known layout, blaming its first line of text', () => {
    const error = fixtureError('prose.txt');
    expect(error).to.include({ file: 'prose.txt', line: 2 });
    expect(error.message).to.match(/no minutes layout recognised/);
  });

  it('names the base file name when given a path', () => {
    expect(errorFor('', '/uploads/notes.md').message).to.equal('notes.md line 1: the file is empty');
  });
});
