/**
 * Copies made from entries, again on every check, kept by the entry each was made from. A copy that says
 * the same as the one before, from the very same entry, is that one: a process that checks again and again
 * (the preview) then keeps what it built from it (`ModelMemory`). Each kind of copy has a memo of its own.
 */
export interface CopyMemo {
  /** The copy made before from `source` when `same` holds for it, else a new one from `make`. */
  keep<T extends object>(source: T, same: (before: T) => boolean, make: () => T): T;
}

export function createCopyMemo(): CopyMemo {
  const copies = new WeakMap<object, object>();
  return {
    keep(source, same, make) {
      const before = copies.get(source) as typeof source | undefined;
      if (before && same(before)) return before;
      const made = make();
      copies.set(source, made);
      return made;
    },
  };
}
