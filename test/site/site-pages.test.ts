import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { pageText } from '../helpers/page-text.ts';
import { REPO_ROOT } from '../helpers/project.ts';
import { buildExampleSite, fileForUrl } from '../helpers/site-build.ts';

describe('the archive website', () => {
  let siteDir = '';
  const read = (url: string) => readFile(fileForUrl(siteDir, url), 'utf8');
  const text = async (url: string) => pageText(await read(url));

  beforeAll(async () => {
    siteDir = (await buildExampleSite()).siteDir;
  });

  it('home page lists the latest meetings and reports and sums up the tracker', async () => {
    const home = await text('/');
    expect(home).toContain('Planning, Performance & Review Committee, 8 December 2005');
    expect(home).toContain('Crime and Disorder Reduction Partnerships');
    expect(home).toMatch(/Ongoing 7 Completed 8/);
    expect(home).toContain('Search the archive');
  });

  it('meeting pages list agenda items with their page, PDF and size, and the pack', async () => {
    const html = await read('/committees/x-ppr/2005/051208/');
    const pdf = await stat(path.join(siteDir, 'committees/x-ppr/2005/051208/06/x-ppr-2005-12-08-06.pdf'));
    expect(html).toContain(`>PDF ${Math.round(pdf.size / 1024)} KB</span>`);
    expect(html).toContain('href="/committees/x-ppr/2005/051208/x-ppr-2005-12-08-pack.pdf"');
    expect(await text('/committees/x-ppr/')).toContain('2005 8 December 2005 2004 4 November 2004');
  });

  it('a report page gives its PDF, with its size, before its contents, and links each recommendation table to the recommendation’s page', async () => {
    const html = await read('/committees/x-ppr/2005/051208/06/');
    const pdf = await stat(path.join(siteDir, 'committees/x-ppr/2005/051208/06/x-ppr-2005-12-08-06.pdf'));
    const download = html.indexOf(
      `<a href="/committees/x-ppr/2005/051208/06/x-ppr-2005-12-08-06.pdf">Report 6 as a PDF</a> <span class="file-size" data-size-of="/committees/x-ppr/2005/051208/06/x-ppr-2005-12-08-06.pdf">PDF ${Math.round(pdf.size / 1024)} KB</span>`,
    );
    expect(download).toBeGreaterThan(-1);
    expect(download).toBeLessThan(html.indexOf('id="contents-heading"'));
    const tables = [
      ...html.matchAll(/<h3 id="recommendation-(\d+)"><a href="([^"]+)">Recommendation (\d+)<\/a><\/h3>/g),
    ];
    expect(tables.length).toBe(21);
    for (const [, id, href, number] of tables) {
      expect(id).toBe(number);
      expect(href).toBe(`/recommendations/cdrp-scrutiny-2003/${String(number).padStart(2, '0')}/`);
    }
  });

  it('the set page lists every recommendation with owner and latest status; filters are plain pages', async () => {
    const set = await text('/recommendations/cdrp-scrutiny-2003/');
    expect(set).toContain(
      'Recommendation 1 Borough commanders should nominate an officer at Inspector rank or above to be dedicated to CDRP issues in their BOCU. The responsibility of… Owner: MPS Latest status: Completed, 8 December 2005',
    );
    expect(set).toContain(
      'Recommendation 3 The MPS should develop mechanisms to enable effective succession planning for borough commander’s positions, including proper handover and… Owner: MPS Latest status: Awaits, 8 December 2005',
    );
    const ongoing = await text('/recommendations/cdrp-scrutiny-2003/status/ongoing/');
    expect(ongoing).toContain('Status: Ongoing: 7 recommendations');
    expect(ongoing).not.toContain('Recommendation 3 MPS');
    expect(await text('/recommendations/cdrp-scrutiny-2003/owner/mps/')).toContain('Owner: MPS: 21 recommendations');
  });

  it('a recommendation page shows its actions and each progress entry with the reports that showed it', async () => {
    const html = await read('/recommendations/cdrp-scrutiny-2003/05/');
    const page = pageText(html);
    expect(page).toContain('Action: Develop Career Pathways');
    expect(page).toContain('8 December 2005: Awaits Awaits This work is has been included in the Service.');
    expect(html).toContain('href="/committees/x-ppr/2005/051208/06/#recommendation-5"');
  });

  it('the dashboard chart and its table give the same numbers', async () => {
    const html = await read('/recommendations/cdrp-scrutiny-2003/dashboard/');
    expect(html).toContain(
      '<desc id="chart-desc">Recommendations of Scrutiny on the contribution the MPS makes to Crime and Disorder Reduction Partnerships by status as at each report: 8 December 2005: 6 awaits, 7 ongoing, 8 completed.</desc>',
    );
    expect(pageText(html)).toContain('8 December 2005 0 6 7 8 0 0');
    expect(html.match(/<title>(Awaits|Ongoing|Completed): \d+<\/title>/g)).toEqual([
      '<title>Awaits: 6</title>',
      '<title>Ongoing: 7</title>',
      '<title>Completed: 8</title>',
    ]);
  });

  it('borough pages give each fact with its date and a link to its source, and the reports that mention it', async () => {
    const html = await read('/boroughs/greenwich/');
    const page = pageText(html);
    expect(page).toContain(
      'Piloted Local Area Agreements Yes 8 December 2005 Crime and Disorder Reduction Partnerships, 8 December 2005, paragraph B8',
    );
    expect(html).toContain('href="/committees/x-ppr/2005/051208/06/#para-B8"');
    expect(page).toContain('Reports that mention Greenwich Crime and Disorder Reduction Partnerships');
    const map = await read('/boroughs/map/laa-pilot/');
    expect(map).toContain('aria-label="GRN, Greenwich: Yes"');
    expect(map).toContain('aria-label="CMD, Camden: Not recorded"');
    expect(pageText(map)).toContain('Yes (2) Not recorded (30)');
  });

  it('the glossary lists the terms', async () => {
    expect(await text('/glossary/')).toContain('CDRP Crime and Disorder Reduction Partnerships');
  });

  it('publishes an Atom feed, a sitemap, robots.txt and a 404 page', async () => {
    const feed = await read('/feed.xml');
    expect(feed).toContain('<entry>');
    expect(feed).toContain('<updated>2005-12-08T00:00:00Z</updated>');
    expect(feed).toContain('<link href="https://papers.example.org/committees/x-ppr/2005/051208/06/"/>');
    const sitemap = await read('/sitemap.xml');
    expect(sitemap).toContain('<loc>https://papers.example.org/boroughs/greenwich/</loc>');
    expect(sitemap.match(/<loc>/g)?.length).toBeGreaterThan(60);
    expect(await read('/robots.txt')).toContain('Sitemap: https://papers.example.org/sitemap.xml');
    expect(await text('/404.html')).toContain('Page not found');
  });

  it('open data: JSON and CSV of recommendations (status as at each report) and of borough facts', async () => {
    const json = JSON.parse(await read('/data/recommendations.json'));
    const rec3 = json.sets[0].recommendations.find((r: { number: number }) => r.number === 3);
    expect(rec3.status_as_at_reports).toEqual([
      { date: '2005-12-08', report: 'https://papers.example.org/committees/x-ppr/2005/051208/06/', status: 'awaits' },
    ]);
    const csv = await read('/data/recommendation-status.csv');
    // A byte-order mark first, by which Excel reads the file as UTF-8.
    expect(csv.split('\r\n')[0]).toBe('\ufeffset,number,owner,report_date,report_url,status');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1 + 21);
    const facts = await read('/data/borough-facts.csv');
    expect(facts).toContain(
      'Greenwich,greenwich,laa-pilot,true,2005-12-08,2005-12-08-x-ppr-06-crime-and-disorder-reduction-partnerships,https://papers.example.org/committees/x-ppr/2005/051208/06/,B8,,',
    );
    const progress = await read('/data/recommendation-progress.csv');
    expect(progress).toContain('"Completed.\n\nLast updated April 2005"');
    expect(JSON.parse(await read('/data/boroughs.json')).boroughs).toHaveLength(32);
    expect(await text('/data/')).toContain('Borough facts (CSV)');
    expect(await text('/data/')).toContain('Licence: Open Government Licence v3.0');
    expect(json.licence).toEqual({
      name: 'Open Government Licence v3.0',
      url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    });
  });

  it('the borough facts in the data are the ones the files state, no more', async () => {
    const greenwich = parseYaml(await readFile(path.join(REPO_ROOT, 'data/boroughs/greenwich.yaml'), 'utf8'));
    const json = JSON.parse(await read('/data/boroughs.json'));
    expect(json.boroughs.find((b: { slug: string }) => b.slug === 'greenwich').facts).toHaveLength(
      greenwich.facts.length,
    );
  });

  it('builds a search index of each committee’s reports, one of the recommendation tracker and one of the boroughs and glossary, and lists them for the search page', async () => {
    const { bundles } = JSON.parse(await read('/pagefind/bundles.json'));
    expect(bundles).toEqual(['pagefind/reports-x-ppr/', 'pagefind/recommendations/', 'pagefind/reference/']);
    const reports = JSON.parse(await read('/pagefind/reports-x-ppr/pagefind-entry.json'));
    expect(reports.languages.en.page_count).toBe(2);
    const recommendations = JSON.parse(await read('/pagefind/recommendations/pagefind-entry.json'));
    expect(recommendations.languages.en.page_count).toBe(
      (await readdir(path.join(REPO_ROOT, 'content/recommendations/cdrp-scrutiny-2003'))).filter(
        (f) => f !== 'index.yaml',
      ).length,
    );
  });
});
