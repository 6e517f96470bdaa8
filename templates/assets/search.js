// Search over the indexes that `papers build` writes with Pagefind, from every search form of
// the page: the header's and the home page's show the first results as you type, the search
// page all of them. Runs offline from the site's own files; results are built as DOM nodes,
// never as HTML strings.

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

/** Results whose text holds the words as typed come before those found only by a word's stem. */
const RERANKED = 50;

/** How many of the query's words the text holds as whole words, as typed (any case). */
function countExactWords(text, words) {
  const lower = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return words.filter((word) => lower.includes(` ${word} `)).length;
}

/** The first `limit` results, the exact matches of the first few first; and how many there are in all. */
async function find(query, limit) {
  const pagefind = await loadPagefind();
  const search = pagefind ? await pagefind.search(query) : { results: [] };
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const loaded = await Promise.all(search.results.slice(0, Math.max(limit, RERANKED)).map((r) => r.data()));
  const ranked = loaded
    .map((item, order) => ({ item, order, exact: countExactWords(`${item.meta.title ?? ''} ${item.content}`, words) }))
    .sort((a, b) => b.exact - a.exact || a.order - b.order)
    .map(({ item }) => item);
  return { total: search.results.length, items: ranked.slice(0, limit) };
}

/** Pagefind marks matches with <mark>; keep only text and those marks. */
function excerptNodes(excerpt) {
  const doc = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html');
  return [...doc.body.firstChild.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent);
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}

/** "Report · 8 December 2005 · Planning, Performance & Review Committee": what a result is, when, and whose. */
function describe(meta) {
  return [meta.kind, meta.date, meta.committee].filter(Boolean).join(' · ');
}

function resultItem(item, withExcerpt) {
  const li = document.createElement('li');
  const link = document.createElement('a');
  link.href = item.url;
  link.textContent = item.meta.title ?? item.url;
  const about = document.createElement('p');
  about.className = 'result-meta';
  about.textContent = describe(item.meta);
  li.append(link, about);
  if (withExcerpt) {
    const excerpt = document.createElement('p');
    excerpt.append(...excerptNodes(item.excerpt));
    li.append(excerpt);
  }
  return li;
}

/** One search form and where its results go: `data-search-results`, `data-search-status`, `data-search-limit`. */
function attach(form) {
  const input = form.querySelector('input[type="search"]');
  const results = document.getElementById(form.dataset.searchResults);
  const status = document.getElementById(form.dataset.searchStatus);
  const limit = Number(form.dataset.searchLimit ?? 25);
  const isPage = form.dataset.searchPage !== undefined;
  let latest = 0;
  let typing;

  async function run(query) {
    const asked = ++latest;
    const { total, items } = await find(query, limit);
    // A later keystroke has asked since: its results, not these, are shown.
    if (asked !== latest) return;
    const count = `${total} result${total === 1 ? '' : 's'} for “${query}”`;
    const heading = document.createElement(isPage ? 'h2' : 'p');
    heading.className = 'results-count';
    heading.textContent = count;
    const list = document.createElement('ol');
    list.className = 'search-results';
    list.append(...items.map((item) => resultItem(item, isPage)));
    const shown = [heading, list];
    if (!isPage && total > 0) {
      const all = document.createElement('a');
      all.href = `${form.getAttribute('action')}?q=${encodeURIComponent(query)}`;
      all.textContent = `All ${count}`;
      shown.push(all);
    }
    results.replaceChildren(...shown);
    results.hidden = false;
    status.textContent = count;
  }

  function clear() {
    latest++;
    results.replaceChildren();
    results.hidden = !isPage;
    status.textContent = '';
  }

  function searchFor(value) {
    const query = value.trim();
    if (isPage) history.replaceState(null, '', query ? `?q=${encodeURIComponent(query)}` : location.pathname);
    if (query.length < 2) return clear();
    void run(query);
  }

  // Results as the reader types, once the words stop changing for a moment.
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => searchFor(input.value), 250);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !isPage) clear();
  });
  // The search page shows every result where it is; another form goes to the search page.
  if (isPage) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(typing);
      searchFor(input.value);
    });
    const initial = new URLSearchParams(location.search).get('q');
    if (initial) {
      input.value = initial;
      void run(initial.trim());
    }
  }
}

for (const form of document.querySelectorAll('form[data-search-results]')) attach(form);
