/**
 * `compute`, worked out once per key object and forgotten with it. For what the engine
 * derives from a template or a doc section and asks for many times per doc.
 */
export function memoBy<K extends object, V>(
  compute: (key: K) => V,
): (key: K) => V {
  const values = new WeakMap<K, V>();
  return (key) => {
    if (values.has(key)) return values.get(key) as V;
    const value = compute(key);
    values.set(key, value);
    return value;
  };
}
