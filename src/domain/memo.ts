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

/**
 * `compute` made once per object and kept while the object lives (a WeakMap): for what a form, a plan or a
 * list derives and every sheet of every file reads again. Forms, plans and those lists are not changed once
 * built, and the results are shared: callers never change them.
 */
export function perObject<K extends object, T>(compute: (key: K) => T): (key: K) => T {
  const memo = new WeakMap<K, T>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined && !memo.has(key)) {
      value = compute(key);
      memo.set(key, value);
    }
    return value as T;
  };
}
