/**
 * A change to the store as the few values it alters, so that saving it costs what it changes, not
 * what the store holds. A change runs on a draft whose parts are copied only when it reads them
 * (one partnership's aliases, its agendas: never the whole store; see store-drafts.ts); what
 * differs from before is then written down as operations on paths (set a value, remove a key,
 * splice an array), each validated against the store's schema at its path, appended to the change
 * journal, and applied copy-on-write: what is not changed is shared with the version before, which
 * readers may still hold.
 */
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { storeSchema, type StoreData } from './schema.js';
import { draftOf, LAZY_ARRAYS, lazyState, plain, type Lazy, type LazyList } from './store-drafts.js';

export type Path = readonly (string | number)[];
/** Set `v` at `p`; remove the key at `p`; or splice the array at `p` (start, count removed, items added). */
export type StoreOp = { p: Path; v: unknown } | { p: Path; d: 1 } | { p: Path; s: [number, number, unknown[]] };

/** What a draft's change did, as operations: only the keys it read, set or removed are looked at. */
function diffLazy(path: Path, draft: Lazy, ops: StoreOp[]): void {
  const state = lazyState(draft);
  if (!state) throw new Error('not a draft');
  for (const key of state.deleted) ops.push({ p: [...path, key], d: 1 });
  for (const [key, value] of state.read) {
    if (state.written.has(key) || state.deleted.has(key)) continue;
    const list = typeof value === 'object' && value !== null ? LAZY_ARRAYS.get(value) : undefined;
    if (lazyState(value)) diffLazy([...path, key], value as Lazy, ops);
    else if (list && !list.copy && list.base === state.base[key]) diffAppended([...path, key], list, ops);
    else diffValue([...path, key], state.base[key], plain(value), ops);
  }
  for (const [key, value] of state.written) {
    const before = state.base[key];
    // A list made anew from the base's elements (an import's meetings) is not looked through where it holds them.
    if (Object.hasOwn(state.base, key))
      diffValue([...path, key], before, plain(value, Array.isArray(before) ? new Set(before) : undefined), ops);
    else if (value !== undefined) ops.push({ p: [...path, key], v: plain(value) });
  }
}

/** A list only read and appended to: each element read and changed, then what was appended. */
function diffAppended(path: Path, list: LazyList, ops: StoreOp[]): void {
  for (const [i, copy] of [...list.read].sort((a, b) => a[0] - b[0])) {
    const after = plain(copy);
    if (!isDeepStrictEqual(list.base[i], after)) ops.push({ p: path, s: [i, 1, [after]] });
  }
  if (list.added.length > 0) ops.push({ p: path, s: [list.base.length, 0, list.added.map((value) => plain(value))] });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const same = (a: unknown, b: unknown): boolean => a === b || isDeepStrictEqual(a, b);

/** A whole value, one key of an object, or the changed middle of an array. */
function diffValue(path: Path, before: unknown, after: unknown, ops: StoreOp[]): void {
  if (before === after) return;
  if (after === undefined) {
    if (before !== undefined) ops.push({ p: path, d: 1 });
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    let start = 0;
    while (start < before.length && start < after.length && same(before[start], after[start])) start++;
    let end = 0;
    while (
      end < before.length - start &&
      end < after.length - start &&
      same(before[before.length - 1 - end], after[after.length - 1 - end])
    )
      end++;
    const removed = before.length - start - end;
    const added = after.slice(start, after.length - end);
    if (removed > 0 || added.length > 0) ops.push({ p: path, s: [start, removed, added] });
    return;
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const key of Object.keys(before))
      if (after[key] === undefined && before[key] !== undefined) ops.push({ p: [...path, key], d: 1 });
    for (const [key, value] of Object.entries(after))
      if (value !== undefined && !isDeepStrictEqual(before[key], value)) ops.push({ p: [...path, key], v: value });
    return;
  }
  if (!isDeepStrictEqual(before, after)) ops.push({ p: path, v: after });
}

/** Runs `change` on a draft of `data` and returns what it changed. */
export function changeOps(data: StoreData, change: (draft: StoreData, current: StoreData) => void): StoreOp[] {
  const draft = draftOf(data);
  change(draft, data);
  const ops: StoreOp[] = [];
  diffLazy([], draft as unknown as Lazy, ops);
  return ops;
}

type Schema = z.ZodType;
interface Def {
  type: string;
  shape?: Record<string, Schema>;
  valueType?: Schema;
  element?: Schema;
  innerType?: Schema;
  checks?: unknown[];
}
const defOf = (schema: Schema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(schema: Schema): Schema {
  let current = schema;
  while (['optional', 'nullable'].includes(defOf(current).type)) current = defOf(current).innerType as Schema;
  return current;
}

/** The schema of the value at `path`, or null where the store has no such place. */
function schemaAt(path: Path): Schema | null {
  let schema: Schema = storeSchema;
  for (const segment of path) {
    const def = defOf(unwrap(schema));
    const next =
      def.type === 'object'
        ? def.shape && Object.hasOwn(def.shape, String(segment))
          ? def.shape[String(segment)]
          : undefined
        : def.type === 'record'
          ? def.valueType
          : def.type === 'array'
            ? def.element
            : def.type === 'unknown'
              ? schema
              : undefined;
    if (!next) return null;
    schema = next;
  }
  return schema;
}

/** Why an operation would make the store invalid, or null when it is valid. */
export function checkOp(op: StoreOp): string | null {
  const where = op.p.join('.') || '(top level)';
  const schema = schemaAt(op.p);
  if (!schema) return `${where}: there is no such field`;
  const problem = (
    result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } },
    at: string,
  ): string | null => {
    if (result.success) return null;
    const issue = result.error?.issues[0];
    return `${[at, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.')}: ${issue?.message ?? 'not valid'}`;
  };
  if ('v' in op) return problem(schema.safeParse(op.v), where);
  if ('d' in op) {
    const parent = op.p.length > 0 ? schemaAt(op.p.slice(0, -1)) : null;
    if (parent && defOf(unwrap(parent)).type === 'record') return null;
    return problem(schema.safeParse(undefined), where);
  }
  const array = defOf(unwrap(schema));
  if (array.type !== 'array' || !array.element) return `${where}: not a list`;
  if (array.checks?.length) return `${where}: a list with limits is changed only whole`;
  for (const [i, item] of op.s[2].entries()) {
    const found = problem(array.element.safeParse(item), `${where}.${op.s[0] + i}`);
    if (found) return found;
  }
  return null;
}

/** A partnership whose meetings are not read yet (see meetings-files.ts): copied as defined, so they stay unread. */
const hasUnreadMeetings = (value: object): boolean =>
  typeof Object.getOwnPropertyDescriptor(value, 'meetings')?.get === 'function';

/**
 * `data` with the operations applied, copying only the containers on their paths. `copied` holds
 * the copies already made, which may be changed in place: replaying a journal passes one set for
 * all its lines, so that a container is copied once, not once a line (3,000 members' record a
 * thousand times over, seconds of start).
 */
export function applyOps(data: StoreData, ops: readonly StoreOp[], copied = new Set<unknown>()): StoreData {
  const writable = <T extends object>(value: T): T => {
    if (copied.has(value)) return value;
    const copy = (
      Array.isArray(value)
        ? [...value]
        : hasUnreadMeetings(value)
          ? Object.defineProperties({}, Object.getOwnPropertyDescriptors(value))
          : { ...value }
    ) as T;
    copied.add(copy);
    return copy;
  };
  let root = writable(data as unknown as Record<string, unknown>);
  for (const op of ops) {
    let parent: Record<string | number, unknown> = root;
    for (const segment of op.p.slice(0, -1)) {
      const child = parent[segment];
      if (typeof child !== 'object' || child === null) throw new Error(`${op.p.join('.')}: no such place in the store`);
      const copy = writable(child as Record<string, unknown>);
      Object.defineProperty(parent, segment, { value: copy, writable: true, enumerable: true, configurable: true });
      parent = copy;
    }
    const last = op.p.at(-1);
    if (last === undefined) {
      if (!('v' in op) || !isPlainObject(op.v)) throw new Error('only a whole store can replace the store');
      root = writable(op.v);
      continue;
    }
    // Defined, not assigned: a member's alias or id may be "__proto__".
    if ('v' in op)
      Object.defineProperty(parent, last, { value: op.v, writable: true, enumerable: true, configurable: true });
    else if ('d' in op) delete parent[last];
    else {
      const current = (parent[last] ?? []) as unknown[];
      if (!Array.isArray(current)) throw new Error(`${op.p.join('.')}: not a list`);
      const [start, removed, items] = op.s;
      let array: unknown[];
      if (copied.has(current)) {
        array = current;
        array.splice(start, removed, ...items);
      } else {
        // One copy, made the size it ends: appending to a long list (the change log) copies it once.
        array =
          removed === 0 && start === current.length
            ? current.concat(items)
            : [...current.slice(0, start), ...items, ...current.slice(start + removed)];
        copied.add(array);
      }
      Object.defineProperty(parent, last, { value: array, writable: true, enumerable: true, configurable: true });
    }
  }
  return root as unknown as StoreData;
}

/** The partnerships the operations change; all of them when one replaces the whole set. */
export function partnershipsTouched(ops: readonly StoreOp[], all: () => readonly string[]): readonly string[] {
  const ids = new Set<string>();
  for (const op of ops) {
    if (op.p.length === 0 || (op.p[0] === 'partnerships' && op.p.length === 1)) return all();
    if (op.p[0] === 'partnerships') ids.add(String(op.p[1]));
  }
  return [...ids];
}
