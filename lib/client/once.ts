/**
 * A value made on first use and kept. For Intl formatters: each costs milliseconds of a phone's main thread to
 * build, and a module that declares several at load time charges them to every page that imports it, before
 * hydration, whether or not the page formats anything of that kind.
 */
export function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}
