import { close, createIndex } from 'pagefind';

/**
 * Build the offline search index of the site's reports with Pagefind. Only
 * elements marked `data-pagefind-body` (report articles) are indexed.
 */
export async function indexSearch(siteDir: string): Promise<number> {
  const { index, errors } = await createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`search index could not be created: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`search index: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await close();
  }
}
