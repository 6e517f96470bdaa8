import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/**
 * Call `onChange` once for a burst of edits under any of `dirs` (editors
 * write a file in several steps), never while the previous call still runs.
 */
export function watchProject(dirs: readonly string[], onChange: (files: string[]) => Promise<void>, delayMs = 150): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const pending = new Set<string>();
  const flush = async () => {
    if (running) {
      await running;
    }
    const files = [...pending];
    pending.clear();
    if (files.length === 0) return;
    running = onChange(files).finally(() => {
      running = undefined;
    });
    await running;
  };
  const watchers: FSWatcher[] = dirs.map((dir) =>
    watch(dir, { recursive: true }, (_event, name) => {
      if (!name || name.split(path.sep).some((part) => part.startsWith('.'))) return;
      pending.add(path.join(dir, name));
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), delayMs);
    }),
  );
  return {
    close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
