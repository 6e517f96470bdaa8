import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import { formatMigrationCsv, formatMigrationHtml } from '../import/format-migration-report.ts';
import { IMPORT_DIR } from '../import/import-manifest.ts';
import { importArchive } from '../pipeline/import-archive.ts';
import { printErrors } from './print-errors.ts';

/** `papers import <folder>`: the whole saved archive, with progress, then its migration report. */
export async function runArchiveImport(root: string, folder: string): Promise<void> {
  const progress = createImportProgress(process.stderr);
  const result = await importArchive({ root, folder, onProgress: progress.update }).finally(progress.stop);
  const dir = path.join(root, IMPORT_DIR);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'migration.html'), formatMigrationHtml(result.pages, result.errors.length));
  await writeFile(path.join(dir, 'migration.csv'), formatMigrationCsv(result.pages));
  const count = (s: string) => result.pages.filter((p) => p.status === s).length;
  const warned = result.pages.filter((p) => p.status === 'imported' && p.warnings.length > 0).length;
  process.stdout.write(
    `Imported ${count('imported')} pages of reports, agendas and minutes (${warned} with warnings), ${count('unchanged')} unchanged, ${count('edited')} edited by hand since and left as they are, ${count('refused')} refused, ${count('skipped')} skipped.\n`,
  );
  if (result.committees.length > 0)
    process.stdout.write(
      `Added committees ${result.committees.join(', ')} to data/committees.yaml: review their names.\n`,
    );
  process.stdout.write(`Migration report: ${path.join(IMPORT_DIR, 'migration.html')} (and migration.csv)\n`);
  if (result.errors.length > 0) {
    printErrors(result.errors);
    process.stderr.write(
      `papers check fails after the import (${result.errors.length} errors): correct them, then run papers check.\n`,
    );
    process.exitCode = 1;
  } else if (count('refused') > 0) {
    const refused = count('refused');
    process.stdout.write(
      `Check passed, but ${refused} page${refused > 1 ? 's were' : ' was'} refused: the migration report says why.\n`,
    );
    process.exitCode = 1;
  } else process.stdout.write('Check passed.\n');
}

function createImportProgress(stream: NodeJS.WriteStream): { update(done: number, total: number): void; stop(): void } {
  if (stream.isTTY && !process.env.CI) {
    const bar = new SingleBar({
      format: 'Pages [{bar}] {value}/{total}',
      stream,
      hideCursor: true,
      clearOnComplete: true,
    });
    let started = false;
    return {
      update(done, total) {
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(done);
      },
      stop: () => void (started && bar.stop()),
    };
  }
  return {
    update: (done, total) => {
      if (done === total || done % 500 === 0) stream.write(`Read ${done} of ${total} pages\n`);
    },
    stop: () => undefined,
  };
}
