import { createHash } from 'node:crypto';
import type MarkdownIt from 'markdown-it';

const LONG_TEXT = 1024;

/** What one render gave: the HTML, and what the rules wrote into its env. */
interface Rendering {
  html: string;
  env: Record<string, unknown>;
}

/**
 * Renderings kept within a build and from one build to the next: a text
 * rendered from the same starting env renders the same. In one build, an
 * action's text is shown in every report that shows its recommendation; in a
 * process that builds again and again (the preview), only what an edit changed
 * is rendered anew. Only the renderings the last build used are kept, so it
 * never grows past one build's worth.
 */
export interface RenderMemo {
  kept: Map<string, Rendering>;
  used: Map<string, Rendering>;
}

export function createRenderMemo(): RenderMemo {
  return { kept: new Map(), used: new Map() };
}

/** Start a build: what the last one used is kept, and the rest let go. */
export function turnRenderMemo(memo: RenderMemo): void {
  memo.kept = memo.used;
  memo.used = new Map();
}

/** `md`, whose `render` looks in `memo` first. The env a caller passes is filled as a render would fill it. */
export function memoizeRender(md: MarkdownIt, memo: RenderMemo): MarkdownIt {
  const render = md.render.bind(md);
  md.render = (text: string, env?: Record<string, unknown>) => {
    // Without an env (an action's text in a table cell, said again in every report that shows it), nothing is filled.
    if (env === undefined && text.length <= LONG_TEXT) return renderPlain(text);
    const target = env ?? {};
    // A long text (a report's body) stands in the key as its digest, so the key is not a second copy of it.
    const key = `${JSON.stringify(target, describeCollections)}\u0000${text.length > LONG_TEXT ? createHash('sha256').update(text).digest('base64') : text}`;
    let done = memo.used.get(key) ?? memo.kept.get(key);
    if (!done) {
      const html = render(text, target);
      done = { html, env: copyEnv(target) };
    }
    memo.used.set(key, done);
    Object.assign(target, copyEnv(done.env));
    return done.html;
  };
  const renderPlain = (text: string) => {
    const key = `{}\u0000${text}`;
    let done = memo.used.get(key) ?? memo.kept.get(key);
    if (!done) done = { html: render(text, {}), env: {} };
    memo.used.set(key, done);
    return done.html;
  };
  return md;
}

/** Sets and maps as arrays, so that the key tells starting envs apart. */
function describeCollections(_key: string, value: unknown): unknown {
  if (value instanceof Set) return [...value];
  if (value instanceof Map) return [...value];
  return value;
}

/** A copy whose lists a caller may change without changing the kept rendering. */
function copyEnv(env: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(env)) {
    copy[name] = Array.isArray(value)
      ? [...value]
      : value instanceof Map
        ? new Map(value)
        : value instanceof Set
          ? new Set(value)
          : value;
  }
  return copy;
}
