import { readdir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import { isSameFile, listFiles } from '../../src/util/keep-links.ts';

/**
 * The releases beside a published site: the one published, and the spare its record names, if any.
 * Throws when anything else is there, or when the spare holds a file that is not the published one
 * (a hard link of the file at the same path): what the release before held and the site no longer
 * does must be gone.
 */
export async function describeReleases(
  site: string,
): Promise<{ published: string; spare?: string; spareFiles: number }> {
  const releases = path.join(path.dirname(site), '.releases');
  const published = path.basename(await readlink(site));
  const record = await readFile(path.join(releases, `${path.basename(site)}.spare.json`), 'utf8').then(
    (text) => JSON.parse(text) as { release: string; of: string; files: string[] },
    () => undefined,
  );
  const expected = [published, ...(record ? [record.release, `${path.basename(site)}.spare.json`] : [])].sort();
  const entries = (await readdir(releases)).sort();
  if (JSON.stringify(entries) !== JSON.stringify(expected))
    throw new Error(`the releases are ${entries.join(', ')}, not ${expected.join(', ')}`);
  if (!record) return { published, spareFiles: 0 };
  if (record.of !== published) throw new Error(`the spare is of ${record.of}, not of ${published}`);
  const spareDir = path.join(releases, record.release);
  const files = listFiles(spareDir);
  if (JSON.stringify(files.sort()) !== JSON.stringify([...record.files].sort()))
    throw new Error('the spare holds other files than its record names');
  const foreign = files.find((file) => !isSameFile(path.join(spareDir, file), path.join(releases, published, file)));
  if (foreign) throw new Error(`the spare holds ${foreign}, which is not the published file`);
  return { published, spare: record.release, spareFiles: files.length };
}
