import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGitProject } from '../helpers/git-project.ts';
import { REPO_ROOT } from '../helpers/project.ts';
import { runCli } from '../helpers/run-cli.ts';
import { listFiles } from '../helpers/site-build.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const HOSTILE = 'HOSTILE-FOLDER-CONTENT';

/** A folder that holds what a build could wrongly pick up: templates, config, ignore files, data. */
async function makeHostileFolder(): Promise<string> {
  const dir = await makeTempDir('hostile-cwd');
  const files: Record<string, string> = {
    'templates/index.njk': `${HOSTILE}{{ 7 * 7 }}`,
    'templates/_includes/report-article.njk': HOSTILE,
    'templates/_includes/pages/report.njk': HOSTILE,
    '_includes/report-article.njk': HOSTILE,
    'report-article.njk': HOSTILE,
    '.eleventy.ts': `throw new Error('${HOSTILE}');`,
    'eleventy.config.js': `throw new Error('${HOSTILE}');`,
    '.eleventyignore': '*\n',
    '.gitignore': '*\n',
    'data/site.yaml': `title: ${HOSTILE}\n`,
    'content/reports/2005/x.md': `---\ntitle: ${HOSTILE}\n---\n`,
  };
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

async function snapshot(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).sort();
}

describe('every command, run from another folder with --root', () => {
  let root = '';
  let cwd = '';
  let before: string[] = [];
  beforeAll(async () => {
    root = await createGitProject();
    cwd = await makeHostileFolder();
    before = await snapshot(cwd);
  });
  const run = (args: string[]) => runCli([...args, '--root', root], { cwd, env: { CI: 'true' } });

  it('check, build, pdf, status, changes, new and schemas work on the project, and read or write nothing of the current folder', async () => {
    expect((await run(['check'])).code).toBe(0);
    const build = await run(['build', '--no-pdf']);
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    expect((await run(['pdf'])).code).toBe(0);
    expect(
      (
        await run([
          'status',
          'cdrp-scrutiny-2003/3',
          '--action',
          '1',
          '--status',
          'completed',
          '--result',
          'Completed June 2006',
          '--date',
          '2006-06-01',
        ])
      ).code,
    ).toBe(0);
    const changes = await run(['changes', '--since', 'HEAD']);
    expect(changes.code).toBe(0);
    expect(changes.stdout).toContain('Completed');
    expect((await run(['new', 'meeting', '--committee', 'x-ppr', '--date', '2006-03-09'])).code).toBe(0);
    expect((await run(['schemas'])).code).toBe(0);
    expect(await readdir(path.join(root, 'schemas'))).toContain('report.schema.json');

    for (const file of await listFiles(path.join(root, 'output/site'), '.html'))
      expect(await readFile(file, 'utf8')).not.toContain(HOSTILE);
    expect(await readFile(path.join(root, 'output/site/committees/x-ppr/2005/051208/06/index.html'), 'utf8')).toContain(
      '<h1>Crime and Disorder Reduction Partnerships</h1>',
    );
    expect(await snapshot(cwd)).toEqual(before);
  });

  it('serve previews the project, not the folder it was started in', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const child = spawn(
      process.execPath,
      [path.join(REPO_ROOT, 'bin/papers.js'), 'serve', '--root', root, '--port', String(port)],
      { cwd },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    try {
      for (let i = 0; i < 300 && !/Serving .* at http/.test(out); i++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      const page = await (await fetch(`http://127.0.0.1:${port}/committees/x-ppr/2005/051208/06/`)).text();
      expect(page).toContain('<h1>Crime and Disorder Reduction Partnerships</h1>');
      expect(page).not.toContain(HOSTILE);
    } finally {
      child.kill('SIGINT');
      await new Promise((resolve) => child.on('close', resolve));
    }
    expect(await snapshot(cwd)).toEqual(before);
  });
});
