import type MarkdownIt from 'markdown-it';
import { locatePath, type DataPath } from '../content/yaml-source.ts';
import { createProblem, type ContentProblem } from '../errors/content-problem.ts';
import { isOutsideImage } from '../markdown/outside-images-rule.ts';
import type { Content } from '../content/content.ts';
import type { Entry } from '../content/entry.ts';

/**
 * Images from outside the site in any Markdown of the front matter or YAML
 * (report bodies are checked as they are numbered, with their lines).
 */
export function checkOutsideImages(content: Content, md: MarkdownIt): ContentProblem[] {
  const entries: Array<Entry<unknown>> = [
    ...content.reports,
    ...content.recommendations,
    ...content.sets,
    ...content.boroughs,
    ...content.meetings,
  ];
  return entries.flatMap((entry) => {
    const known = FOUND.get(entry);
    if (known) return known;
    const found = findOutsideImages(entry, md);
    FOUND.set(entry, found);
    return found;
  });
}

/** Each checked entry's problems, kept while it is: a preview that checks again looks only at what changed. */
const FOUND = new WeakMap<Entry<unknown>, ContentProblem[]>();

function findOutsideImages(entry: Entry<unknown>, md: MarkdownIt): ContentProblem[] {
  const errors: ContentProblem[] = [];
  walk(entry.data, [], (text, path) => {
    if (!text.includes('![') && !text.includes(']:')) return;
    for (const src of findImages(md, text)) {
      if (isOutsideImage(src))
        errors.push(
          createProblem(
            locatePath(entry.source, [...path]),
            'E_MARKDOWN',
            `an image from outside the site (${src})`,
            'leave it out, or give its address as a link: pages and PDFs show nothing from other sites',
          ),
        );
    }
  });
  return errors;
}

/** Every string in `value`, with its path (one array, changed as the walk goes: copy it to keep it). */
function walk(value: unknown, path: Array<string | number>, visit: (text: string, path: DataPath) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walk(value[i], path, visit);
      path.pop();
    }
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      path.push(key);
      walk((value as Record<string, unknown>)[key], path, visit);
      path.pop();
    }
  }
}

function findImages(md: MarkdownIt, text: string): string[] {
  const found: string[] = [];
  const visit = (tokens: ReturnType<MarkdownIt['parse']>) => {
    for (const token of tokens) {
      if (token.type === 'image') found.push(token.attrGet('src') ?? '');
      if (token.children) visit(token.children);
    }
  };
  visit(md.parse(text, {}));
  return found;
}
