import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ANNOTATION_LIMIT, escapeData, escapeProperty, formatAnnotation } from '../../src/cli/github-annotations.ts';
import { createProblem } from '../../src/errors/content-problem.ts';
import { createGitProject } from '../helpers/git-project.ts';
import { editFile, REPO_ROOT } from '../helpers/project.ts';
import { runCli } from '../helpers/run-cli.ts';

describe('GitHub annotations', () => {
  it('escapes workflow-command data and properties', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    const error = createProblem(
      { file: 'data/odd,name:x.yaml', line: 3, col: 7 },
      'E_SCHEMA',
      'value is 100%\nwrong',
      'fix it: now',
    );
    expect(formatAnnotation(error)).toBe(
      '::error file=data/odd%2Cname%3Ax.yaml,line=3,col=7,title=E_SCHEMA::value is 100%25%0Awrong — fix it: now',
    );
    expect(formatAnnotation({ ...error, severity: 'warning' })).toMatch(/^::warning file=/);
  });

  it('papers check annotates up to the limit under GITHUB_ACTIONS and lists every problem in the job summary', async () => {
    const root = await createGitProject();
    const files = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
    for (const n of files)
      await editFile(
        root,
        `content/recommendations/cdrp-scrutiny-2003/${n}.yaml`,
        `number: ${Number(n)}`,
        `number: n${n}`,
      );
    const summary = path.join(root, 'summary.md');
    const run = await runCli(['check', '--root', root], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
    });
    expect(run.code).toBe(1);
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(annotations).toHaveLength(ANNOTATION_LIMIT);
    expect(annotations[0]).toBe(
      '::error file=content/recommendations/cdrp-scrutiny-2003/01.yaml,line=2,col=9,title=E_SCHEMA::`number` must be a number, not the text "n01" — write a number',
    );
    const text = await readFile(summary, 'utf8');
    expect(text).toContain('## papers check: 12 problems');
    expect(text).toContain("2 of them are beyond GitHub's limit of 10 annotations of a kind, and listed only here.");
    expect(text).toContain('| `content/recommendations/cdrp-scrutiny-2003/12.yaml:2:9` | E_SCHEMA |');
    expect(text.match(/not annotated/g)).toHaveLength(2);
    expect(run.stderr).toContain('12 errors');
  });

  it('writes no annotations outside GitHub Actions', async () => {
    const root = await createGitProject();
    await editFile(root, 'content/recommendations/cdrp-scrutiny-2003/01.yaml', 'number: 1', 'number: one');
    const run = await runCli(['check', '--root', root], { env: { GITHUB_ACTIONS: '' } });
    expect(run.stdout).not.toContain('::error');
  });
});

describe('workflows', () => {
  const load = async (name: string) => parse(await readFile(path.join(REPO_ROOT, '.github/workflows', name), 'utf8'));

  it('on a pull request: check, build, upload the site and PDFs as a preview, comment with the changes', async () => {
    const wf = await load('preview.yml');
    expect(Object.keys(wf.on)).toEqual(['pull_request']);
    const steps: Array<{ run?: string; uses?: string; with?: Record<string, string> }> = wf.jobs.preview.steps;
    const runs = steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('papers.js check');
    expect(runs).toContain('papers.js build');
    expect(runs).toContain('papers.js changes --since');
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))?.with?.path).toBe('output/site');
    expect(runs.indexOf('check')).toBeLessThan(runs.indexOf('build'));
  });

  it('on main: build and publish to GitHub Pages', async () => {
    const wf = await load('publish.yml');
    expect(wf.on.push.branches).toEqual(['main']);
    expect(wf.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    const steps: Array<{ run?: string; uses?: string; with?: Record<string, string> }> = wf.jobs.build.steps;
    const build = steps.findIndex((s) => s.run?.includes('papers.js build'));
    expect(build).toBeGreaterThan(-1);
    // The last build's output is restored first, so unchanged pages, search indexes and PDFs are reused.
    const restore = steps.findIndex((s) => s.uses?.startsWith('actions/cache') && s.with?.path === 'output');
    expect(restore).toBeGreaterThan(-1);
    expect(restore).toBeLessThan(build);
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))?.with?.path).toBe('output/site');
    expect(wf.jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
  });

  it('on every pull request and push to main: the type check and every test, on Node 20, 22 and 24', async () => {
    const wf = await load('test.yml');
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push']);
    expect(wf.jobs.test.strategy.matrix.node).toEqual([20, 22, 24]);
    const steps: Array<{ run?: string; uses?: string; with?: Record<string, string> }> = wf.jobs.test.steps;
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(
      '${{ matrix.node }}',
    );
    const runs = steps.map((s) => s.run ?? '');
    expect(runs).toContain('npm run typecheck');
    expect(runs).toContain('npm run lint');
    expect(runs).toContain('npm test');
    const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.typecheck).toBe('tsc --noEmit');
    expect(pkg.scripts.lint).toBe('biome check --error-on-warnings');
  });

  it('every job that prints names its browser and lets its sandbox start before it prints', async () => {
    for (const [name, job] of [
      ['test.yml', 'test'],
      ['preview.yml', 'preview'],
      ['publish.yml', 'build'],
    ] as const) {
      const wf = await load(name);
      expect(wf.jobs[job].env.PUPPETEER_EXECUTABLE_PATH, name).toBe('/usr/bin/google-chrome');
      const runs: string[] = wf.jobs[job].steps.map((s: { run?: string }) => s.run ?? '');
      const sandbox = runs.findIndex((r) => r.includes('apparmor_restrict_unprivileged_userns'));
      const prints = runs.findIndex((r) => r.includes('papers.js build') || r === 'npm test');
      expect(sandbox, name).toBeGreaterThan(-1);
      expect(sandbox, name).toBeLessThan(prints);
    }
  });

  it('a fork’s pull request skips the comment cleanly and still lists its changes in the run’s summary', async () => {
    const steps: Array<{ name?: string; run?: string; if?: string }> = (await load('preview.yml')).jobs.preview.steps;
    const comment = steps.find((s) => s.run?.includes('gh pr comment'));
    expect(comment?.if).toBe('github.event.pull_request.head.repo.full_name == github.repository');
    expect(steps.find((s) => s.run?.includes('papers.js changes'))?.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(steps.find((s) => s.run?.includes('papers.js changes'))?.if).toBeUndefined();
  });

  it('publishes with the address GitHub Pages gives, so links work under owner.github.io/repo/', async () => {
    const steps: Array<{ id?: string; run?: string; uses?: string }> = (await load('publish.yml')).jobs.build.steps;
    const pages = steps.findIndex((s) => s.uses?.startsWith('actions/configure-pages') && s.id === 'pages');
    const build = steps.findIndex((s) => s.run?.includes('papers.js build'));
    expect(pages).toBeGreaterThan(-1);
    expect(pages).toBeLessThan(build);
    expect(steps[build]?.run).toContain('--base-url "${{ steps.pages.outputs.base_url }}/"');
  });
});
