import { createHash } from 'node:crypto';

/**
 * Values worked out by an earlier run, by a digest of what each was worked out
 * from. A run takes what it finds and keeps what it works out; what it used, and
 * nothing else, is what it hands on, so the values never outgrow what they are for.
 */
export interface KeptValues<T> {
  /** The value kept under `key`: the same object once a run, and a copy each time after unless shared. */
  take(key: string): T | undefined;
  /** A value worked out by this run. */
  keep(key: string, value: T): void;
  /** Every value this run took or kept. */
  readonly used: ReadonlyMap<string, T>;
}

/**
 * Given `share`, values that are only ever read: the same object each time a
 * run takes one. Otherwise two files alike, which share a key, are each given
 * an object of their own.
 */
export function createKeptValues<T>(known: ReadonlyMap<string, T> = new Map(), share = false): KeptValues<T> {
  const used = new Map<string, T>();
  return {
    take(key) {
      const value = known.get(key);
      if (value === undefined) return undefined;
      if (used.has(key) && !share) return structuredClone(value);
      used.set(key, value);
      return value;
    },
    keep(key, value) {
      used.set(key, value);
    },
    used,
  };
}

/** A digest of text or bytes, and of anything it was read with, as a key of kept values. */
export function digestKey(...parts: ReadonlyArray<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('base64url');
}
