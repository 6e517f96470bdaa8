import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetRenderedOnce, renderOnceTag } from '../../src/render/render-once.ts';
import { REPO_ROOT } from '../helpers/project.ts';

// Nunjucks as Eleventy itself loads it.
const require = createRequire(createRequire(import.meta.url).resolve('@11ty/eleventy'));
const nunjucks = require('nunjucks');

function makeEnvironment(): { env: { renderString(t: string, d: object): string }; calls: () => number } {
  let calls = 0;
  const env = new nunjucks.Environment(null, { autoescape: true });
  env.addExtension('once', renderOnceTag(nunjucks));
  env.addGlobal('count', () => ++calls);
  return { env, calls: () => calls };
}

const TEMPLATE = '<div>{% once item %}<p>{{ count() }}: {{ item.name }}</p>{% endonce %}</div>';

describe('the once tag', () => {
  it('renders what it holds once for an item until the run is forgotten, and places it unescaped', () => {
    const { env, calls } = makeEnvironment();
    const a = { name: 'A & <b>' };
    const b = { name: 'B' };
    expect(env.renderString(TEMPLATE, { item: a })).toBe('<div><p>1: A &amp; &lt;b&gt;</p></div>');
    expect(env.renderString(TEMPLATE, { item: a })).toBe('<div><p>1: A &amp; &lt;b&gt;</p></div>');
    expect(env.renderString(TEMPLATE, { item: b })).toBe('<div><p>2: B</p></div>');
    expect(calls()).toBe(2);
    forgetRenderedOnce();
    expect(env.renderString(TEMPLATE, { item: a })).toBe('<div><p>3: A &amp; &lt;b&gt;</p></div>');
    forgetRenderedOnce();
  });

  it('renders every time for what is not an object', () => {
    const { env, calls } = makeEnvironment();
    env.renderString(TEMPLATE, { item: 'A' });
    env.renderString(TEMPLATE, { item: 'A' });
    expect(calls()).toBe(2);
  });
});

describe('what the templates render once', () => {
  it('depends on nothing that differs between the places it is shown (a page or a pack)', async () => {
    const dir = path.join(REPO_ROOT, 'templates');
    const blocks: string[] = [];
    for (const file of (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.njk'))) {
      const text = await readFile(path.join(dir, file), 'utf8');
      for (const m of text.matchAll(/\{%-?\s*once\s+(\w+)\s*-?%\}([\s\S]*?)\{%-?\s*endonce\s*-?%\}/g))
        blocks.push(`${file}: ${m[1]}\n${m[2]}`);
    }
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(block).not.toMatch(/\binPack\b|\bpage\.|\bpageTitle\b|\bpagination\b/);
  });
});
