/**
 * A deep copy whose strings are new. V8 keeps the whole of a long string alive
 * while any slice of it lives, so a title cut from a report's text would keep
 * all of the file in memory for as long as the title; the copy holds only its
 * own characters.
 */
export function detach<T>(value: T): T {
  return structuredClone(value);
}
