import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pageFile } from '../model/urls.ts';

const SIZE_SLOT = /<span class="file-size" data-size-of="([^"]+)">[^<]*<\/span>/g;

/** "PDF 161 KB", as the archive labels its files. */
export function formatFileSize(bytes: number, kind = 'PDF'): string {
  return bytes < 1024 * 1024 ? `${kind} ${Math.max(1, Math.round(bytes / 1024))} KB` : `${kind} ${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The page with its size slots empty, as rendered: a size filled in later does not change what is printed. */
export function emptyFileSizes(html: string): string {
  return html.replace(SIZE_SLOT, (_whole, url: string) => `<span class="file-size" data-size-of="${url}"></span>`);
}

/**
 * Pages are rendered before their PDFs exist; once printed, each size slot of
 * the pages at `pageUrls` (those that link PDFs) is filled with the PDF's size.
 * A slot whose file is missing says just "PDF", as rendered. The sizes are
 * outside what the search indexes (`data-pagefind-ignore="all"`), so the index
 * is the same whether it read a page before or after its sizes.
 */
export async function fillFileSizes(siteDir: string, pageUrls: readonly string[]): Promise<void> {
  for (const url of pageUrls) {
    const file = path.join(siteDir, pageFile(url));
    const html = await readFile(file, 'utf8').catch(() => '');
    if (!html.includes('class="file-size"')) continue;
    const sizes = new Map<string, string>();
    for (const match of html.matchAll(SIZE_SLOT)) {
      const url = match[1] ?? '';
      const info = await stat(path.join(siteDir, ...url.split('/').filter(Boolean))).catch(() => undefined);
      sizes.set(url, info ? formatFileSize(info.size) : 'PDF');
    }
    const filled = html.replace(SIZE_SLOT, (_whole, url: string) => `<span class="file-size" data-size-of="${url}">${sizes.get(url) ?? 'PDF'}</span>`);
    if (filled === html) continue;
    // Written whole and then renamed into place: the search indexer, which may be reading the page, sees the old page or the new.
    await writeFile(`${file}.sizes`, filled);
    await rename(`${file}.sizes`, file);
  }
}
