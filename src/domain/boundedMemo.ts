/**
 * `compute` remembered for up to `limit` keys, then forgotten all at once: for a pure function of strings
 * that recur across the sheets and files of a batch (a form's labels, its metadata cells), where keeping
 * every key ever seen would grow with the batch. The results are shared: callers never change them.
 */
export function boundedMemo<T>(compute: (key: string) => T, limit: number): (key: string) => T {
  const memo = new Map<string, T>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined && !memo.has(key)) {
      value = compute(key);
      if (memo.size >= limit) memo.clear();
      memo.set(key, value);
    }
    return value as T;
  };
}
