import path from 'node:path';
import { watch } from 'chokidar';

export interface ProjectWatcher {
  /** Resolves once every folder is watched: an edit from then on is never missed. */
  readonly ready: Promise<void>;
  /** Run `task` when no rebuild is running, and hold rebuilds until it ends. */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * How long after a file event the preview waits for more of the same save: an
 * editor's steps (write a new file, rename it over the old) come within a few
 * milliseconds of each other, and an officer waits on this after every save.
 */
const BURST_MS = 50;

/**
 * Call `onChange` once for a burst of edits under any of `dirs` (editors
 * write a file in several steps), never while the previous call, or an
 * `exclusive` task, still runs. Edits made meanwhile are kept for the next
 * call. chokidar follows a file saved by writing a new one and renaming it
 * over the old (vim, JetBrains, `sed -i`, `git checkout`), and new folders,
 * which Node's own watcher loses track of. `onEvent` is told of each event at
 * once, even while a call or task runs.
 */
export function watchProject(
  dirs: readonly string[],
  onChange: (files: string[]) => Promise<void>,
  { delayMs = BURST_MS, onEvent }: { delayMs?: number; onEvent?: () => void } = {},
): ProjectWatcher {
  let timer: NodeJS.Timeout | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const pending = new Set<string>();
  const exclusive = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  const flush = () =>
    exclusive(async () => {
      const files = [...pending];
      pending.clear();
      if (files.length > 0) await onChange(files);
    });
  const watcher = watch([...dirs], {
    ignoreInitial: true,
    // Hidden files and folders (editors' swap files, .git) are not content.
    ignored: (file) => path.basename(file).startsWith('.') && !dirs.includes(file),
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  watcher.on('all', (_event, file) => {
    // Told at once, before the burst ends: what runs may give way to the edit.
    onEvent?.();
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => void flush().catch(() => undefined), delayMs);
  });
  return {
    ready,
    exclusive,
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
