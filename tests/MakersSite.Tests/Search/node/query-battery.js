// stdin: {data: the built site's zoeken/data folder, index: the C# builder's lunr JSON, queries: [...], augmented: [...]}.
// Runs every query through lunr.js (lunr.Index.load + search) and through our runtime (themes/default/static/js/search.js,
// loading the real data files), and reports any difference in pages, order or score (beyond 1e-9).
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const lunr = require("./load-lunr-nl.js");
const { createEngine } = require(path.join(__dirname, "../../../../themes/default/static/js/search.js"));

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const index = lunr.Index.load(JSON.parse(input.index));
const loaded = [];
const engine = createEngine(lunr, file => {
  loaded.push(file);
  let data;
  vm.runInNewContext(fs.readFileSync(path.join(input.data, file), "utf8"), { makersSearch: { load: (p, d) => { data = d; } } });
  return Promise.resolve(data);
});

function outcome(fn) {
  try { return { results: fn() }; } catch (e) { return { error: e.name + ": " + e.message }; }
}
async function ours(fn) {
  try { return { results: await fn() }; } catch (e) { return { error: e.name + ": " + e.message }; }
}

function compare(q, a, b, report) {
  if (a.error || b.error) {
    if ((a.error || "") !== (b.error || "")) report.push(`${q}: lunr.js ${a.error || "ok"}, ours ${b.error || "ok"}`);
    return;
  }
  const refsA = a.results.map(r => r.ref), refsB = b.results.map(r => r.ref);
  if (refsA.join(",") !== refsB.join(",")) {
    report.push(`${q}: lunr.js [${refsA.slice(0, 12)}] ours [${refsB.slice(0, 12)}]`);
    return;
  }
  a.results.forEach((r, i) => {
    if (!(Math.abs(r.score - b.results[i].score) <= 1e-9)) report.push(`${q}: ref ${r.ref} lunr.js ${r.score} ours ${b.results[i].score}`);
  });
}

(async () => {
  const differences = [], counts = {}, prefixes = {};
  for (const q of input.queries) {
    const text = q.normalize("NFC");
    const a = outcome(() => index.search(text));
    const b = await ours(() => engine.searchExact(q));
    counts[q] = a.results ? a.results.length : -1;
    compare(q, a, b, differences);
  }
  // The search page's own additions (prefix while typing) are plain lunr clauses: lunr.Index#query must agree.
  for (const q of input.augmented) {
    await engine.ready();
    const built = engine.buildQuery(q, { prefix: true });
    prefixes[q] = built.clauses.filter(c => c.term.endsWith("*")).map(c => c.term);
    const a = outcome(() => index.query(query => built.clauses.forEach(c => query.clause(Object.assign({}, c)))));
    const b = await ours(() => engine.search(q, { prefix: true, typos: false }).then(r => r.results));
    counts["prefix:" + q] = a.results ? a.results.length : -1;
    compare("prefix:" + q, a, b, differences);
  }
  process.stdout.write(JSON.stringify({ differences, counts, prefixes, loaded: [...new Set(loaded)] }));
})().catch(e => { console.error(e); process.exit(1); });
