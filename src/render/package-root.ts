import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the tool itself lives: templates and the Eleventy config ship with it. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The tool's own templates, wherever it is run from. */
export const TEMPLATES = path.join(PACKAGE_ROOT, 'templates');
