import path from 'node:path';
import { watch } from 'chokidar';

/**
 * Call `onChange` once for a burst of edits under any of `dirs` (editors
 * write a file in several steps), never while the previous call still runs.
 * chokidar follows a file saved by writing a new one and renaming it over the
 * old (vim, JetBrains, `sed -i`, `git checkout`), and new folders, which
 * Node's own watcher loses track of.
 */
export function watchProject(dirs: readonly string[], onChange: (files: string[]) => Promise<void>, delayMs = 150): { close(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const pending = new Set<string>();
  const flush = async () => {
    if (running) await running;
    const files = [...pending];
    pending.clear();
    if (files.length === 0) return;
    running = onChange(files).finally(() => {
      running = undefined;
    });
    await running;
  };
  const watcher = watch([...dirs], {
    ignoreInitial: true,
    // Hidden files and folders (editors' swap files, .git) are not content.
    ignored: (file) => path.basename(file).startsWith('.') && !dirs.includes(file),
  });
  watcher.on('all', (_event, file) => {
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), delayMs);
  });
  return {
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
