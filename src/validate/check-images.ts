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
  const errors: ContentProblem[] = [];
  const entries: Array<Entry<unknown>> = [
    ...content.reports,
    ...content.recommendations,
    ...content.sets,
    ...content.boroughs,
    ...content.meetings,
  ];
  for (const entry of entries) {
    walk(entry.data, [], (text, path) => {
      if (!text.includes('![') && !text.includes(']:')) return;
      for (const src of findImages(md, text)) {
        if (isOutsideImage(src))
          errors.push(
            createProblem(
              locatePath(entry.source, path),
              'E_MARKDOWN',
              `an image from outside the site (${src})`,
              'leave it out, or give its address as a link: pages and PDFs show nothing from other sites',
            ),
          );
      }
    });
  }
  return errors;
}

function walk(value: unknown, path: DataPath, visit: (text: string, path: DataPath) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) walk(v, [...path, i], visit);
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) walk(v, [...path, key], visit);
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
