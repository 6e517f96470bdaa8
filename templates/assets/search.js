// Search over the indexes of reports and recommendations that `papers build` writes with Pagefind.
// Runs offline from the site's own files; results are built as DOM nodes, never as HTML strings.
const form = document.querySelector('.search-form');
const input = document.getElementById('search-input');
const results = document.getElementById('search-results');

/** Pagefind marks matches with <mark>; keep only text and those marks. */
function excerptNodes(excerpt) {
  const doc = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html');
  const out = [];
  for (const node of doc.body.firstChild.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      out.push(mark);
    } else {
      out.push(document.createTextNode(node.textContent));
    }
  }
  return out;
}

// The site's root: this file is its assets/search.js, wherever the site is served (such as under /repo/).
const siteRoot = new URL('../', import.meta.url).pathname;

let loaded;
/** Every index the build wrote (one per committee's reports, one of the tracker), merged into one search. */
function loadPagefind() {
  loaded ??= fetch(`${siteRoot}pagefind/bundles.json`)
    .then((response) => response.json())
    .then(async ({ bundles }) => {
      if (bundles.length === 0) return undefined;
      const pagefind = await import(`${siteRoot}${bundles[0]}pagefind.js`);
      for (const bundle of bundles.slice(1)) await pagefind.mergeIndex(`${siteRoot}${bundle}`);
      return pagefind;
    });
  return loaded;
}

const status = document.getElementById('search-status');
let latest = 0;

/** "Report · 8 December 2005 · Planning, Performance & Review Committee": what a result is, when, and whose. */
function describe(meta) {
  return [meta.kind, meta.date, meta.committee].filter(Boolean).join(' · ');
}

async function runSearch(query) {
  const asked = ++latest;
  const pagefind = await loadPagefind();
  const search = pagefind ? await pagefind.search(query) : { results: [] };
  const found = await Promise.all(search.results.slice(0, 25).map((r) => r.data()));
  // A later keystroke has asked since: its results, not these, are shown.
  if (asked !== latest) return;
  const count = `${search.results.length} result${search.results.length === 1 ? '' : 's'} for “${query}”`;
  const heading = document.createElement('h2');
  heading.textContent = count;
  const list = document.createElement('ol');
  list.className = 'search-results';
  for (const item of found) {
    const li = document.createElement('li');
    const link = document.createElement('a');
    link.href = item.url;
    link.textContent = item.meta.title ?? item.url;
    const about = document.createElement('p');
    about.className = 'result-meta';
    about.textContent = describe(item.meta);
    const excerpt = document.createElement('p');
    excerpt.append(...excerptNodes(item.excerpt));
    li.append(link, about, excerpt);
    list.append(li);
  }
  results.replaceChildren(heading, list);
  status.textContent = count;
}

function clearResults() {
  latest++;
  results.replaceChildren();
  status.textContent = '';
}

/** Results as the reader types, once the words stop changing for a moment; the address keeps the search. */
let typing;
function searchFor(value) {
  const query = value.trim();
  history.replaceState(null, '', query ? `?q=${encodeURIComponent(query)}` : location.pathname);
  if (query.length < 2) return clearResults();
  void runSearch(query);
}

input.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(() => searchFor(input.value), 250);
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typing);
  searchFor(input.value);
});

const initial = new URLSearchParams(location.search).get('q');
if (initial) {
  input.value = initial;
  void runSearch(initial.trim());
}
