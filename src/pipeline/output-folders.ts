import path from 'node:path';

/** Where a build of a project writes, and what it keeps between builds. */
export interface OutputFolders {
  /** `output/` beside the content unless given. */
  output: string;
  /** The published site: a link to its current release. */
  site: string;
  /** Each page's fingerprint and each search bundle's key, of the published site. */
  pagesManifest: string;
  /** PDFs by the fingerprint of what they were printed from. */
  pdfCache: string;
  /** Where the preview renders the pages an edit reaches. */
  preview: string;
  /** What the last build's check read from each file (`CheckStore`). */
  checkStore: string;
}

/** The one definition of the output folders: every command and stage asks here. */
export function locateOutput(root: string, outputDir?: string): OutputFolders {
  const output = path.resolve(outputDir ?? path.join(root, 'output'));
  const cache = path.join(output, '.cache');
  return {
    output,
    site: path.join(output, 'site'),
    pagesManifest: path.join(cache, 'pages.json'),
    pdfCache: path.join(cache, 'pdf'),
    preview: path.join(cache, 'preview'),
    checkStore: path.join(cache, 'check.bin'),
  };
}
