// The like-for-like HTML part: the HTML build against bare Eleventy and bare Pagefind over the
// same archive, and at double the size.
import path from 'node:path';
import type { ChildBuild } from './bench-child.ts';
import { bareEleventy, barePagefind, listPackReports, writeBaselineInput, writeLikeInput } from './bench-baselines.ts';
import {
  type BenchContext,
  cleanHtmlBuild,
  explainWithProfile,
  fastestOf,
  type PartResult,
  round,
} from './bench-context.ts';

export async function runHtmlPart(ctx: BenchContext): Promise<PartResult> {
  const { root, doubleRoot, size, work } = ctx;
  const baselineInput = await writeBaselineInput(work, root);
  // The runs whose times are compared are taken in turn, so a machine that slows down
  // over the benchmark slows each of them alike; each figure is the faster of two runs.
  ctx.log(
    `Bare Eleventy over the same Markdown, the HTML build, and the HTML build at ${size.reports * 2} reports, each twice in turn…`,
  );
  const baselines: number[] = [];
  const htmlRuns: ChildBuild[] = [];
  const doubleRuns: ChildBuild[] = [];
  const likeRuns: number[] = [];
  const likePacksRuns: number[] = [];
  const pagefindRuns: number[] = [];
  let likeInput: string | undefined;
  let likePacksInput: string | undefined;
  for (let i = 0; i < 2; i++) {
    baselines.push(await bareEleventy(work, baselineInput));
    htmlRuns.push(await cleanHtmlBuild(root));
    // Like for like: bare Pagefind over the HTML just built, and bare Eleventy over as many pages as it rendered.
    pagefindRuns.push(await barePagefind(work, path.join(root, 'output/site')));
    const likePages = htmlRuns[0]?.pages?.rendered ?? size.reports;
    likeInput ??= await writeLikeInput(work, root, likePages);
    likeRuns.push(await bareEleventy(work, likeInput));
    likePacksInput ??= await writeLikeInput(work, root, likePages, await listPackReports(root));
    likePacksRuns.push(await bareEleventy(work, likePacksInput));
    doubleRuns.push(await cleanHtmlBuild(doubleRoot));
  }
  const baseline = Math.min(...baselines);
  const html = fastestOf(htmlRuns);
  const double = fastestOf(doubleRuns);
  const likeBaseline = Math.min(...likeRuns);
  const likePacksBaseline = Math.min(...likePacksRuns);
  const pagefindBaseline = Math.min(...pagefindRuns);
  const pages = html.timings.check + html.timings.html;
  const figures = {
    reports: html.reports,
    html_seconds: round(html.seconds),
    // Seconds in each stage: check (load, validate, model), render (Eleventy), finish (mostly the search indexes).
    html_stages: {
      check: round(html.timings.check),
      render: round(html.timings.html),
      finish: round(html.timings.finish),
    },
    baseline_eleventy_seconds: round(baseline),
    html_ratio: round(html.seconds / baseline),
    // The part of the HTML build that the baseline does too (check and render, no search index), and its ratio.
    pages_seconds: round(pages),
    pages_ratio: round(pages / baseline),
    search_seconds: round(html.seconds - pages),
    peak_rss_mb_html: round(html.peakRssMb, 0),
    peak_rss_mb_double: round(double.peakRssMb, 0),
    scaling: round(double.seconds / html.seconds),
    html_stages_double: {
      check: round(double.timings.check),
      render: round(double.timings.html),
      finish: round(double.timings.finish),
    },
    // Like for like. Checking and rendering the pages, over bare Eleventy rendering as many pages from the reports' Markdown in one comparable layout.
    like_pages: htmlRuns[0]?.pages?.rendered ?? 0,
    baseline_like_eleventy_seconds: round(likeBaseline),
    pages_like_ratio: round(pages / likeBaseline),
    // The same, with the packs among the baseline's pages, each holding its meeting's reports as papers' packs do.
    baseline_like_packs_eleventy_seconds: round(likePacksBaseline),
    pages_like_packs_ratio: round(pages / likePacksBaseline),
    // The search stage (every bundle indexed, clean), over bare `pagefind --site` on the same built HTML.
    search_stage_seconds: round(html.timings.search),
    baseline_pagefind_seconds: round(pagefindBaseline),
    search_ratio: round(html.timings.search / pagefindBaseline),
    // The whole HTML build over the sum of the two baselines.
    html_like_ratio: round(html.seconds / (likeBaseline + pagefindBaseline)),
  };
  const targets: Array<[string, boolean]> = [
    ['pages_like_ratio ≤ 1.2', figures.pages_like_ratio <= 1.2],
    ['pages_like_packs_ratio ≤ 1.2', figures.pages_like_packs_ratio <= 1.2],
    ['search_ratio ≤ 1.1', figures.search_ratio <= 1.1],
    ['html_like_ratio ≤ 1.2', figures.html_like_ratio <= 1.2],
    ['scaling ≤ 2.2', figures.scaling <= 2.2],
  ];
  const explain = async (missed: ReadonlySet<string>) => {
    if (!['pages_like_ratio', 'pages_like_packs_ratio', 'html_like_ratio', 'search_ratio'].some((t) => missed.has(t)))
      return;
    await explainWithProfile(
      ctx,
      {
        title:
          'pages_like_ratio, search_ratio, html_like_ratio: a clean HTML build (Pagefind runs in a process of its own, not in the profile)',
        stages: `check ${figures.html_stages.check} s + render ${figures.html_stages.render} s against bare Eleventy's ${figures.baseline_like_eleventy_seconds} s; search ${figures.search_stage_seconds} s against bare Pagefind's ${figures.baseline_pagefind_seconds} s`,
      },
      'html',
    );
  };
  return { figures, targets, explain };
}
