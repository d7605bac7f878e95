/**
 * A function whose results are remembered per key, at most `kept` of them: the same words and
 * names recur through every meeting's minutes and every version of the records. When full it
 * forgets everything at once, which is cheap and enough for keys that recur.
 */
export function boundedMemo<K, V>(compute: (key: K) => V, kept: number): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      if (known.size >= kept) known.clear();
      value = compute(key);
      known.set(key, value);
    }
    return value;
  };
}
