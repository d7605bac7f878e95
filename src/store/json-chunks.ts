/**
 * JSON text of a large value in pieces, the same text as JSON.stringify(value, null, 2), so that
 * saving a whole store (a snapshot, a daily backup) never holds the event loop for long: the
 * writer hands each piece to the file and yields between them.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Below this depth objects and arrays are written member by member; deeper ones whole. */
const SPLIT_DEPTH = 5;

function* pieces(value: unknown, indent: string, depth: number): Generator<string> {
  if (
    depth >= SPLIT_DEPTH ||
    typeof value !== 'object' ||
    value === null ||
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    const text = JSON.stringify(value, null, 2) ?? 'null';
    yield indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return void (yield '[]');
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      yield inner;
      const item: unknown = value[i];
      yield* pieces(item === undefined || typeof item === 'function' ? null : item, inner, depth + 1);
      yield i < value.length - 1 ? ',\n' : '\n';
    }
    yield `${indent}]`;
    return;
  }
  const entries = Object.entries(value).filter(
    ([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol',
  );
  if (entries.length === 0) return void (yield '{}');
  yield '{\n';
  for (let i = 0; i < entries.length; i++) {
    const [key, item] = entries[i]!;
    yield `${inner}${JSON.stringify(key)}: `;
    yield* pieces(item, inner, depth + 1);
    yield i < entries.length - 1 ? ',\n' : '\n';
  }
  yield `${indent}}`;
}

/** Writes `texts` through `write` in large pieces, yielding to other work every few milliseconds. */
export async function writeInPieces(
  texts: Iterable<string>,
  write: (text: string) => Promise<void>,
  sliceMs = 8,
): Promise<void> {
  let buffer = '';
  let since = performance.now();
  for (const text of texts) {
    buffer += text;
    if (buffer.length >= 1 << 20) {
      await write(buffer);
      buffer = '';
    }
    if (performance.now() - since > sliceMs) {
      await nextTurn();
      since = performance.now();
    }
  }
  await write(buffer);
}

/** Writes the JSON of `value` (and a final newline) through `write`, yielding to other work every few milliseconds. */
export async function writeJson(value: unknown, write: (text: string) => Promise<void>, sliceMs = 8): Promise<void> {
  await writeInPieces(
    (function* () {
      yield* pieces(value, '', 0);
      yield '\n';
    })(),
    write,
    sliceMs,
  );
}
