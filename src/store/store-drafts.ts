/**
 * The draft a change to the store runs on: the store as objects and lists that copy a part only
 * when the change reads it, and remember what it set, removed and appended, so that what the
 * change did is found by looking at what it touched (see store-changes.ts), never at the whole
 * store. A draft's lists and records are proxies: a part is reused with a spread, never
 * `structuredClone` (which cannot copy a proxy).
 */
import type { StoreData } from './schema.js';

export type Lazy = Record<string, unknown>;
const LAZY = Symbol('lazy');

export interface LazyState {
  base: Record<string, unknown>;
  /** Key -> the draft of the base's value, made when first read. */
  read: Map<string, unknown>;
  /** Key -> the value the change set. */
  written: Map<string, unknown>;
  /** Keys of the base the change removed. */
  deleted: Set<string>;
}

/**
 * An object whose values are made (copied) from `base` only when first read, and which records
 * what the change sets and removes: making one, setting a key or removing one costs the same
 * however many keys the base has (thousands of members' records, hundreds of aliases). Listing
 * its keys (a spread, `Object.keys`) reads the base's.
 */
function lazyObject(base: Record<string, unknown>, make: (key: string, value: unknown) => unknown): Lazy {
  const state: LazyState = { base, read: new Map(), written: new Map(), deleted: new Set() };
  const has = (key: string): boolean => state.written.has(key) || (!state.deleted.has(key) && Object.hasOwn(base, key));
  const value = (key: string): unknown => {
    if (state.written.has(key)) return state.written.get(key);
    if (state.deleted.has(key) || !Object.hasOwn(base, key)) return undefined;
    if (!state.read.has(key)) state.read.set(key, make(key, base[key]));
    return state.read.get(key);
  };
  return new Proxy({} as Lazy, {
    get(target, key, receiver) {
      if (key === LAZY) return state;
      return typeof key === 'string' && has(key) ? value(key) : (Reflect.get(target, key, receiver) as unknown);
    },
    set(target, key, newValue: unknown, receiver) {
      if (typeof key !== 'string') return Reflect.set(target, key, newValue, receiver);
      state.written.set(key, newValue);
      state.deleted.delete(key);
      return true;
    },
    deleteProperty(target, key) {
      if (typeof key !== 'string') return Reflect.deleteProperty(target, key);
      state.written.delete(key);
      if (Object.hasOwn(base, key)) state.deleted.add(key);
      return true;
    },
    defineProperty(target, key, descriptor) {
      // A value may be defined as well as set; an accessor has no place in the store's data.
      if (typeof key !== 'string' || !('value' in descriptor)) return Reflect.defineProperty(target, key, descriptor);
      state.written.set(key, descriptor.value);
      state.deleted.delete(key);
      return true;
    },
    has(target, key) {
      return typeof key === 'string' && has(key) ? true : Reflect.has(target, key);
    },
    ownKeys() {
      const kept = Object.keys(base).filter((key) => !state.deleted.has(key));
      return [...kept, ...[...state.written.keys()].filter((key) => !Object.hasOwn(base, key))];
    },
    getOwnPropertyDescriptor(target, key) {
      if (typeof key !== 'string' || !has(key)) return Reflect.getOwnPropertyDescriptor(target, key);
      return { value: value(key), writable: true, enumerable: true, configurable: true };
    },
  });
}

export function lazyState(value: unknown): LazyState | undefined {
  return typeof value === 'object' && value !== null
    ? ((value as Record<symbol, LazyState | undefined>)[LAZY] ?? undefined)
    : undefined;
}

/**
 * A draft list: the base's elements, those the change read (copies), and those it appended, until
 * the change does anything else to it (removes, reorders, replaces an element, shortens it); only
 * then is the list copied. Appending to the change log, or reading its last entries, so costs what
 * it touches, however long the log has grown.
 */
export interface LazyList {
  base: readonly unknown[];
  /** The whole list, once a change other than appending copied it. */
  copy: unknown[] | null;
  /** Index -> the copy of a base element the change read (while there is no whole copy). */
  read: Map<number, unknown>;
  /** Appended while there is no whole copy. */
  added: unknown[];
  /** Objects this draft may change in place: copies it made, and values the change put in. */
  own: Set<object>;
}

/** Lazy lists -> what they hold. */
export const LAZY_ARRAYS = new WeakMap<object, LazyList>();

/** The index a property key names, or null ("length", a method, a symbol). */
function indexOfKey(key: string | symbol): number | null {
  if (typeof key !== 'string') return null;
  const code = key.charCodeAt(0);
  return code >= 48 && code <= 57 && String(Number(key)) === key ? Number(key) : null;
}

const lengthOf = (list: LazyList): number => list.copy?.length ?? list.base.length + list.added.length;

function elementOf(list: LazyList, i: number): unknown {
  if (list.copy) return list.copy[i];
  if (i >= list.base.length) return list.added[i - list.base.length];
  return list.read.has(i) ? list.read.get(i) : list.base[i];
}

/** The list as one array: the base with what the change read and appended. */
function wholeList(list: LazyList): unknown[] {
  if (list.copy) return list.copy;
  const whole = [...list.base, ...list.added];
  for (const [i, value] of list.read) whole[i] = value;
  return whole;
}

type Test = (element: unknown, index: number, list: unknown[]) => unknown;

/**
 * Searches of a draft list that copy only what they return: finding one meeting among 500, or
 * an entry in years of the change log, asks the test of each element as it is (the base's own,
 * or the copy the change made) and copies the one found, not every element passed over (which
 * took 30 to 180 ms at 500 meetings). A test only looks: it must not change what it is given.
 */
function listSearches(
  list: LazyList,
  readElement: (i: number) => unknown,
  proxy: () => unknown[],
): Record<string, (test: Test, thisArg?: unknown) => unknown> {
  const indexWhere = (test: Test, thisArg: unknown, fromEnd = false): number => {
    const length = lengthOf(list);
    for (let n = 0; n < length; n++) {
      const i = fromEnd ? length - 1 - n : n;
      if (test.call(thisArg, elementOf(list, i), i, proxy())) return i;
    }
    return -1;
  };
  const found = (i: number): unknown => (i < 0 ? undefined : readElement(i));
  return {
    find: (test, thisArg) => found(indexWhere(test, thisArg)),
    findIndex: (test, thisArg) => indexWhere(test, thisArg),
    findLast: (test, thisArg) => found(indexWhere(test, thisArg, true)),
    findLastIndex: (test, thisArg) => indexWhere(test, thisArg, true),
    some: (test, thisArg) => indexWhere(test, thisArg) >= 0,
    every: (test, thisArg) => indexWhere((e, i, a) => !test.call(thisArg, e, i, a), undefined) < 0,
    filter: (test, thisArg) => {
      const kept: unknown[] = [];
      for (let i = 0; i < lengthOf(list); i++)
        if (test.call(thisArg, elementOf(list, i), i, proxy())) kept.push(readElement(i));
      return kept;
    },
  };
}

function lazyArray(base: readonly unknown[]): unknown[] {
  const list: LazyList = { base, copy: null, read: new Map(), added: [], own: new Set() };
  const copyWhole = (): unknown[] => (list.copy ??= wholeList(list));
  /** An element as the change sees it: an object of the base is copied the first time it is read. */
  const readElement = (i: number): unknown => {
    const value = elementOf(list, i);
    if (typeof value !== 'object' || value === null || list.own.has(value)) return value;
    const copy = structuredClone(value);
    list.own.add(copy);
    if (list.copy) list.copy[i] = copy;
    else list.read.set(i, copy);
    return copy;
  };
  const searches = listSearches(list, readElement, () => proxy);
  // The target stays empty: every element and the length are the list's, through these traps.
  const proxy: unknown[] = new Proxy([] as unknown[], {
    get(target, key, receiver) {
      if (key === 'length') return lengthOf(list);
      if (typeof key === 'string' && Object.hasOwn(searches, key)) return searches[key];
      const i = indexOfKey(key);
      return i === null ? Reflect.get(target, key, receiver) : readElement(i);
    },
    set(_target, key, value: unknown) {
      if (typeof value === 'object' && value !== null) list.own.add(value);
      const length = lengthOf(list);
      if (list.copy) return Reflect.set(list.copy, key, value);
      if (indexOfKey(key) === length) list.added.push(value);
      else if (key !== 'length' || value !== length) return Reflect.set(copyWhole(), key, value);
      return true;
    },
    has(target, key) {
      const i = indexOfKey(key);
      return i === null ? key === 'length' || Reflect.has(target, key) : i < lengthOf(list);
    },
    deleteProperty(_target, key) {
      return Reflect.deleteProperty(copyWhole(), key);
    },
    defineProperty(_target, key, descriptor) {
      return Reflect.defineProperty(copyWhole(), key, descriptor);
    },
    ownKeys() {
      return [...Array.from({ length: lengthOf(list) }, (_, i) => String(i)), 'length'];
    },
    getOwnPropertyDescriptor(target, key): PropertyDescriptor | undefined {
      if (key === 'length') return { value: lengthOf(list), writable: true, enumerable: false, configurable: false };
      const i = indexOfKey(key);
      if (i === null || i >= lengthOf(list)) return Reflect.getOwnPropertyDescriptor(target, key);
      return { value: readElement(i), writable: true, enumerable: true, configurable: true };
    },
  });
  LAZY_ARRAYS.set(proxy, list);
  return proxy;
}

/** A draft of one value: a list lazily, anything else copied whole. */
function draftValue(value: unknown): unknown {
  return Array.isArray(value) ? lazyArray(value) : structuredClone(value);
}

/** A draft of the store for one change: a partnership's parts, or a member's, are copied when the change reads them. */
export function draftOf(data: StoreData): StoreData {
  return lazyObject(data as unknown as Record<string, unknown>, (key, value) =>
    key === 'partnerships'
      ? lazyObject(value as Record<string, unknown>, (_id, partnership) =>
          lazyObject(partnership as Record<string, unknown>, (k, v) =>
            // Aliases are names -> ids: set or removed one at a time.
            k === 'aliases' ? lazyObject(v as Record<string, unknown>, (_name, id) => id) : draftValue(v),
          ),
        )
      : key === 'memberships'
        ? lazyObject(value as Record<string, unknown>, (_id, member) => structuredClone(member))
        : draftValue(value),
  ) as unknown as StoreData;
}

/**
 * Plain data with no draft parts, for what the change left in the store: a lazy list becomes its
 * array, a lazy object a plain one; values the change made are looked through, the base's are not.
 * `shared` are values known to be the base's own (the elements of a list the change replaced by one
 * made from the base's): not looked through either.
 */
export function plain(value: unknown, shared?: ReadonlySet<unknown>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const lazy = LAZY_ARRAYS.get(value);
  if (lazy) {
    // Only what the change copied or put in can hold a draft: the rest is the base's, not looked through.
    const replaced = new Map<unknown, unknown>();
    for (const element of lazy.own) {
      const made = plain(element);
      if (made !== element) replaced.set(element, made);
    }
    const whole = wholeList(lazy);
    return replaced.size === 0 ? whole : whole.map((e) => replaced.get(e) ?? e);
  }
  const state = lazyState(value);
  if (state) {
    // What the change did not read is the base's own, as it is.
    const kept = Object.keys(state.base).filter((key) => !state.deleted.has(key) && !state.written.has(key));
    return Object.fromEntries([
      ...kept.map((key) => [key, state.read.has(key) ? plain(state.read.get(key)) : state.base[key]] as const),
      ...[...state.written].map(([key, v]) => [key, plain(v)] as const),
    ]);
  }
  if (Array.isArray(value)) {
    const elements = value.map((element: unknown) => (shared?.has(element) ? element : plain(element)));
    return elements.every((e, i) => e === value[i]) ? value : elements;
  }
  const plainEntries = Object.entries(value).map(([k, v]) => [k, plain(v)] as const);
  return plainEntries.every(([k, v]) => v === (value as Record<string, unknown>)[k])
    ? value
    : Object.fromEntries(plainEntries);
}
