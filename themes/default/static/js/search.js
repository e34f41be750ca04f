// Offline search for the site: queries are analysed by lunr.js 2.3.9 with lunr-languages' nl support (loaded
// before this file), and scored exactly as lunr.Index#query would score them on the whole index, but only the
// parts of the index a query needs are loaded. Data files are classic scripts calling makersSearch.load(), so
// search also works when public/ is opened from disk (file://), where fetch() and modules are not allowed.
(function (root) {
  "use strict";

  // ---- The engine: no DOM, so node can run it in the conformance tests. ----

  /**
   * @param lunr the lunr global, with lunr.nl registered
   * @param load function(path) → Promise of the data a data file passes to makersSearch.load
   */
  function createEngine(lunr, load) {
    var REQUIRED = lunr.Query.presence.REQUIRED;
    var PROHIBITED = lunr.Query.presence.PROHIBITED;
    var manifest = null, pipeline = null, facetData = null;
    var shards = {}, termLists = {};

    function start() {
      return load("manifest.js").then(function (m) {
        if (m.lunr !== lunr.version) throw new Error("Zoekindex is voor lunr " + m.lunr + ", geladen is " + lunr.version);
        manifest = m;
        pipeline = lunr.Pipeline.load(m.pipeline);
        return m;
      });
    }
    var ready = null;
    function whenReady() { return ready || (ready = start()); }

    // The last range whose first term is <= term (ranges are sorted by first term, ordinally like lunr's sort).
    function rangeIndex(ranges, term) {
      var lo = 0, hi = ranges.length - 1, found = -1;
      while (lo <= hi) {
        var mid = (lo + hi) >> 1;
        if (ranges[mid][0] <= term) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
      }
      return found;
    }

    // Indexes of the ranges that can hold terms starting with prefix ("" → all).
    function rangesForPrefix(ranges, prefix) {
      if (prefix === "") return ranges.map(function (_, i) { return i; });
      var first = Math.max(0, rangeIndex(ranges, prefix)), result = [];
      for (var i = first; i < ranges.length; i++) {
        if (i > first && ranges[i][0] > prefix && ranges[i][0].slice(0, prefix.length) !== prefix) break;
        result.push(i);
      }
      return result;
    }

    function loadShard(i) {
      if (shards[i]) return shards[i];
      return shards[i] = load(manifest.shards[i][1]).then(function (entries) {
        var byTerm = Object.create(null);
        entries.forEach(function (e) { byTerm[e[0]] = e; });
        return byTerm;
      });
    }

    // lunr.Builder's weights of a term's postings, worked out as lunr.Builder#createFieldVectors does (the same
    // operations in the same order, so the same doubles): per field {refs, weights}. The data carries counts rather
    // than weights because weights depend on the whole site and would change in every file after any edit.
    var K1 = 1.2, B = 0.75;
    function weighed(entry) {
      if (entry.weighed) return entry.weighed;
      // A posting is [doc delta, tf, length], or [doc delta, tf] for a field whose lengths the manifest lists.
      var fields = manifest.fields, withTerm = 0, result = [];
      function width(f) { return manifest.fieldLengths[f] ? 2 : 3; }
      for (var f = 0; f < fields.length; f++) withTerm += entry[3 + f].length / width(f);
      var x = (manifest.documents - withTerm + 0.5) / (withTerm + 0.5);
      var idf = Math.log(1 + Math.abs(x)); // lunr.idf
      for (f = 0; f < fields.length; f++) {
        var postings = entry[3 + f], refs = [], weights = [], doc = 0, step = width(f), listed = manifest.fieldLengths[f];
        var average = manifest.lengths[f] / manifest.documents, boost = manifest.boosts[f] || 1;
        for (var p = 0; p < postings.length; p += step) {
          doc += postings[p];
          var tf = postings[p + 1], length = listed ? listed[doc] : postings[p + 2];
          var score = idf * ((K1 + 1) * tf) / (K1 * (1 - B + B * (length / average)) + tf);
          score *= boost;
          refs.push(String(doc));
          weights.push(Math.round(score * 1000) / 1000);
        }
        result.push({ refs: refs, weights: weights });
      }
      return entry.weighed = result;
    }

    // lunr's term index orders a document's vector and so the order in which a score's products are added up: the
    // data gives each term's first document and position in it, which order terms exactly as lunr numbers them.
    function termIndexOf(entry) { return entry[1] * 16777216 + entry[2]; }

    function loadTermList(i) {
      return termLists[i] || (termLists[i] = load(manifest.terms[i][1]));
    }

    // The shard entry of a term: [term, first document, position in it, postings of field 0, field 1, …] or undefined.
    function posting(term) {
      var i = rangeIndex(manifest.shards, term);
      if (i < 0) return Promise.resolve(undefined);
      return loadShard(i).then(function (byTerm) { return byTerm[term]; });
    }

    // Index terms that can match a wildcard or fuzzy term, from the term lists of its prefix.
    function candidates(prefix) {
      return Promise.all(rangesForPrefix(manifest.terms, prefix).map(loadTermList)).then(function (lists) {
        var terms = [];
        lists.forEach(function (list) {
          list.forEach(function (entry) {
            if (entry[0].slice(0, prefix.length) === prefix) terms.push(entry);
          });
        });
        return terms;
      });
    }

    // lunr's expansion of one clause term: the index terms it matches, in lunr's TokenSet order.
    function expand(clause, term) {
      var fuzzy = clause.editDistance > 0;
      var star = term.indexOf("*");
      if (!fuzzy && star < 0) {
        return posting(term).then(function (entry) { return entry ? [entry] : []; });
      }
      var prefix = fuzzy ? "" : term.slice(0, star);
      return candidates(prefix).then(function (entries) {
        var own = lunr.TokenSet.fromArray(entries.map(function (e) { return e[0]; }));
        var pattern = { term: term };
        if ("editDistance" in clause) pattern.editDistance = clause.editDistance;
        var matched = own.intersect(lunr.TokenSet.fromClause(pattern)).toArray();
        return Promise.all(matched.map(posting));
      });
    }

    function parse(queryString) {
      var query = new lunr.Query(manifest.fields);
      new lunr.QueryParser(queryString, query).parse();
      return query;
    }

    // Everything a query needs, loaded: per clause, per pipeline term, the matching shard entries.
    function prepare(query) {
      return Promise.all(query.clauses.map(function (clause) {
        var terms = clause.usePipeline ? pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
        return Promise.all(terms.map(function (term) { return expand(clause, term); }));
      }));
    }

    // lunr.Index#query, step for step, over the loaded postings instead of the whole index. Field vectors are
    // rebuilt from the postings of the query's terms only: lunr's score divides the dot product by the query
    // vector's magnitude, so those elements are all the score depends on.
    function evaluate(query, expansions) {
      var fields = manifest.fields;
      var queryVectors = Object.create(null), requiredMatches = Object.create(null), prohibitedMatches = Object.create(null);
      var termFieldCache = Object.create(null), matchingFields = new Map();
      fields.forEach(function (f) { queryVectors[f] = new lunr.Vector(); });

      query.clauses.forEach(function (clause, c) {
        var clauseMatches = lunr.Set.empty;
        var perTerm = expansions[c];
        for (var m = 0; m < perTerm.length; m++) {
          var expanded = perTerm[m];
          if (expanded.length === 0 && clause.presence === REQUIRED) {
            clause.fields.forEach(function (field) { requiredMatches[field] = lunr.Set.empty; });
            break;
          }
          expanded.forEach(function (entry) {
            var termIndex = termIndexOf(entry), postings = weighed(entry);
            clause.fields.forEach(function (field) {
              var refs = postings[fields.indexOf(field)].refs, weights = postings[fields.indexOf(field)].weights;
              var termField = entry[0] + "/" + field, documents = new lunr.Set(refs);
              if (clause.presence === REQUIRED) {
                clauseMatches = clauseMatches.union(documents);
                if (requiredMatches[field] === undefined) requiredMatches[field] = lunr.Set.complete;
              }
              if (clause.presence === PROHIBITED) {
                if (prohibitedMatches[field] === undefined) prohibitedMatches[field] = lunr.Set.empty;
                prohibitedMatches[field] = prohibitedMatches[field].union(documents);
                return;
              }
              queryVectors[field].upsert(termIndex, clause.boost, function (a, b) { return a + b; });
              if (termFieldCache[termField]) return;
              refs.forEach(function (ref, r) {
                var fieldRef = ref + "/" + field, match = matchingFields.get(fieldRef);
                if (!match) matchingFields.set(fieldRef, match = { ref: ref, field: field, elements: [] });
                match.elements.push([termIndex, weights[r], entry[0]]);
              });
              termFieldCache[termField] = true;
            });
          });
        }
        if (clause.presence === REQUIRED) {
          clause.fields.forEach(function (field) { requiredMatches[field] = requiredMatches[field].intersect(clauseMatches); });
        }
      });

      var allRequired = lunr.Set.complete, allProhibited = lunr.Set.empty;
      fields.forEach(function (field) {
        if (requiredMatches[field]) allRequired = allRequired.intersect(requiredMatches[field]);
        if (prohibitedMatches[field]) allProhibited = allProhibited.union(prohibitedMatches[field]);
      });

      var fieldRefs = Array.from(matchingFields.values());
      if (query.isNegated()) {
        fieldRefs = [];
        for (var d = 0; d < manifest.documents; d++) {
          fields.forEach(function (field) { fieldRefs.push({ ref: String(d), field: field, elements: [] }); });
        }
      }

      var results = [], byRef = Object.create(null);
      fieldRefs.forEach(function (match) {
        if (!allRequired.contains(match.ref) || allProhibited.contains(match.ref)) return;
        var vector = new lunr.Vector();
        match.elements.forEach(function (e) { vector.insert(e[0], e[1]); });
        var score = queryVectors[match.field].similarity(vector);
        var terms = match.elements.map(function (e) { return e[2]; });
        var result = byRef[match.ref];
        if (result) {
          result.score += score;
          terms.forEach(function (t) { if (result.terms.indexOf(t) < 0) result.terms.push(t); });
        } else {
          results.push(byRef[match.ref] = { ref: match.ref, score: score, terms: terms.slice() });
        }
      });
      return results.sort(function (a, b) { return b.score - a.score; });
    }

    // lunr semantics only: what lunr.Index#search(queryString) returns, as [{ref, score, terms}].
    function searchExact(queryString) {
      return whenReady().then(function () {
        var query = parse(queryString.normalize("NFC"));
        return prepare(query).then(function (expansions) { return evaluate(query, expansions); });
      });
    }

    // What the search page adds on top of lunr: the last word as a prefix while typing, and typo tolerance for
    // words nothing matched. Both only add plain lunr clauses, so lunr.Index#query scores them identically.
    function buildQuery(queryString, options) {
      var query = parse(queryString);
      var clauses = query.clauses;
      var last = clauses[clauses.length - 1];
      if (options.prefix && last && !/\s$/.test(queryString) && last.presence !== PROHIBITED
          && last.usePipeline && !(last.editDistance > 0) && last.term.indexOf("*") < 0) {
        var word = lunr.nl.trimmer(new lunr.Token(last.term)).toString();
        // "werken bij": a stop word is a whole word, not the start of "bijdrage".
        if (word.length >= 2 && lunr.nl.stopWordFilter(new lunr.Token(word))) {
          query.clause({ term: word + "*", usePipeline: false, boost: last.boost * 0.5, fields: last.fields, presence: lunr.Query.presence.OPTIONAL });
        }
      }
      return query;
    }

    // Edits between two words, a swap of two neighbouring letters counting as one ("laen" is one from "lean"): the
    // typing slip people make most.
    function editDistance(a, b) {
      var before = [], previous = [], current = [], i, j;
      for (j = 0; j <= b.length; j++) previous[j] = j;
      for (i = 1; i <= a.length; i++) {
        current = [i];
        for (j = 1; j <= b.length; j++) {
          current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j], before[j - 2] + 1);
        }
        before = previous;
        previous = current;
      }
      return previous[b.length];
    }

    // Index terms within 1 to max edits of a term, fewest edits first, then the most common (ties in term-list order).
    // The first letter is taken as typed, so only the term lists of that letter are loaded.
    function nearTerms(term, max) {
      return candidates(term.charAt(0)).then(function (entries) {
        var near = [];
        entries.forEach(function (e) {
          var d = editDistance(term, e[0]);
          if (d > 0 && d <= max) near.push({ d: d, docs: e[1], term: e[0], word: e[2] || e[0] });
        });
        return near.sort(function (a, b) { return (a.d - b.d) || (b.docs - a.docs); });
      });
    }

    // Whether a typed word (without its + or -) matches no term of the site; wildcards and fields count as matching.
    function matchesNothing(bare) {
      if (/[*~^:]/.test(bare)) return Promise.resolve(false);
      return prepare(parse(bare)).then(function (e) {
        return !e.some(function (perTerm) { return perTerm.some(function (x) { return x.length > 0; }); });
      });
    }

    // For a word that matched nothing: the index term within 1 edit (5+ letters) or 2 (9+) that most documents contain.
    function correction(word) {
      var term = pipeline.runString(word)[0];
      if (!term || word.length < 5) return Promise.resolve(null);
      return nearTerms(term, word.length >= 9 ? 2 : 1).then(function (near) {
        return near.length > 0 ? { term: near[0].term, word: near[0].word } : null;
      });
    }

    // How many of the typed words each result holds (result.words), and how many words count (stop words do not):
    // the search page lists results with every word first. lunr's own order and scores are left as they are.
    function countWords(query, expansions, results, typed) {
      var groups = [];
      query.clauses.forEach(function (clause, i) {
        var group = Math.min(i, typed - 1); // the added prefix clause belongs to the last typed word
        groups[group] = groups[group] || [];
        expansions[i].forEach(function (perTerm) { perTerm.forEach(function (entry) { if (entry) groups[group].push(entry[0]); }); });
      });
      var counted = groups.filter(function (g) { return g && g.length > 0; });
      results.forEach(function (r) {
        r.words = counted.filter(function (g) { return g.some(function (t) { return r.terms.indexOf(t) >= 0; }); }).length;
      });
      return counted.length;
    }

    // For a query that found nothing: up to three words of the site near the first word that matched nothing
    // (within 2 edits), as whole queries with that word replaced.
    function suggest(queryString) {
      return whenReady().then(function () {
        var words = queryString.normalize("NFC").split(/\s+/).filter(Boolean);
        return Promise.all(words.map(function (w) { return matchesNothing(w.replace(/^[+\-]/, "")); })).then(function (nothing) {
          var at = nothing.indexOf(true);
          if (at < 0) return [];
          var term = pipeline.runString(lunr.nl.trimmer(new lunr.Token(words[at].replace(/^[+\-]/, "").toLowerCase())).toString())[0];
          if (!term || term.length < 3) return [];
          return nearTerms(term, 2).then(function (near) {
            var seen = Object.create(null), result = [];
            near.forEach(function (n) {
              if (result.length >= 3 || seen[n.word]) return;
              seen[n.word] = true;
              result.push(words.map(function (w, i) { return i === at ? w.replace(/^([+\-]?).*$/, "$1" + n.word) : w; }).join(" "));
            });
            return result;
          });
        });
      });
    }

    /**
     * The search page's search: lunr semantics plus prefix and typo tolerance.
     * Resolves to {results, corrected} where corrected is the query actually run when typos were fixed.
     */
    function search(queryString, options) {
      options = options || {};
      return whenReady().then(function () {
        var text = queryString.normalize("NFC");
        var query = buildQuery(text, options);
        return prepare(query).then(function (expansions) {
          var results = evaluate(query, expansions);
          var counted = countWords(query, expansions, results, parse(text).clauses.length);
          if (results.length > 0 || options.typos === false) return { results: results, corrected: null, query: query, words: counted };
          // Nothing found: fix the words that matched nothing and search again.
          var words = text.split(/[\s\-]+/).filter(Boolean);
          return Promise.all(words.map(function (w) {
            var bare = w.replace(/^[+\-]/, "");
            return matchesNothing(bare).then(function (nothing) {
              return nothing ? correction(lunr.nl.trimmer(new lunr.Token(bare.toLowerCase())).toString()) : null;
            });
          })).then(function (fixes) {
            if (!fixes.some(Boolean)) return { results: [], corrected: null, query: query };
            var corrected = words.map(function (w, i) { return fixes[i] ? w.replace(/^([+\-]?).*$/, "$1" + fixes[i].word) : w; }).join(" ");
            var retry = buildQuery(corrected, { prefix: false });
            return prepare(retry).then(function (e2) {
              var found = evaluate(retry, e2);
              return { results: found, corrected: corrected, query: retry, words: countWords(retry, e2, found, retry.clauses.length) };
            });
          });
        });
      });
    }

    function documents(refs) {
      return whenReady().then(function () {
        return Promise.all(refs.map(function (ref) { return load("d/" + ref + ".js"); }));
      });
    }

    function facets() {
      return whenReady().then(function () {
        if (facetData) return facetData;
        return load(manifest.facets).then(function (raw) {
          var byDocument = raw.documents.map(function (codes) {
            var values = [];
            for (var i = 0; i < codes.length; i++) values.push(codes.charCodeAt(i) - 0x100);
            return values;
          });
          return facetData = { facets: raw.facets, values: raw.values, byDocument: byDocument };
        });
      });
    }

    return {
      ready: whenReady,
      searchExact: searchExact,
      suggest: suggest,
      search: search,
      buildQuery: function (q, options) { return buildQuery(q.normalize("NFC"), options || {}); },
      documents: documents,
      facets: facets,
      get manifest() { return manifest; },
      get pipeline() { return pipeline; }
    };
  }

  // ---- Snippets: the part of a page's text around the words that matched, with those words marked. ----

  function snippet(lunr, text, matchedTerms, maxWords) {
    var words = text.split(/(\s+)/), marks = [], first = -1, indexPipeline = new lunr.Pipeline();
    indexPipeline.add(lunr.nl.trimmer, lunr.nl.stopWordFilter, lunr.nl.stemmer);
    var matched = Object.create(null);
    matchedTerms.forEach(function (t) { matched[t] = true; });
    for (var i = 0; i < words.length; i += 2) {
      var hit = words[i].split("-").some(function (part) {
        return indexPipeline.run(lunr.tokenizer(part)).some(function (t) { return matched[t.toString()]; });
      });
      marks.push(hit);
      if (hit && first < 0) first = i / 2;
    }
    var count = marks.length, start = first < 0 ? 0 : Math.max(0, Math.min(first - 8, count - maxWords));
    var parts = [];
    for (var w = start; w < Math.min(count, start + maxWords); w++) parts.push({ text: words[w * 2], mark: marks[w] });
    return { parts: parts, before: start > 0, after: start + maxWords < count };
  }

  // ---- The search page. ----

  function startPage(lunr) {
    var container = document.getElementById("search");
    if (!container) return;
    var script = document.querySelector("script[data-search-runtime]");
    var siteRoot = new URL("../", script.src);
    var dataRoot = new URL("zoeken/data/", siteRoot);
    var fromDisk = location.protocol === "file:";
    var pending = Object.create(null), data = Object.create(null);

    root.makersSearch = {
      load: function (path, payload) {
        data[path] = payload;
        (pending[path] || []).forEach(function (p) { p.resolve(payload); });
        delete pending[path];
      }
    };

    function load(path) {
      if (path in data) return Promise.resolve(data[path]);
      return new Promise(function (resolve, reject) {
        if (pending[path]) { pending[path].push({ resolve: resolve, reject: reject }); return; }
        pending[path] = [{ resolve: resolve, reject: reject }];
        var tag = document.createElement("script");
        tag.src = new URL(path, dataRoot).href;
        tag.async = true;
        tag.onerror = function () {
          (pending[path] || []).forEach(function (p) { p.reject(new Error("Kon " + path + " niet laden")); });
          delete pending[path];
        };
        document.head.appendChild(tag);
      });
    }

    var engine = createEngine(lunr, load);
    var form = document.getElementById("search-form");
    var input = document.getElementById("search-input");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var more = document.getElementById("search-more");
    var facetBox = document.getElementById("search-facets");
    var pageSize = 20, shown = pageSize, current = [], generation = 0;
    var facetNames = ["type", "sector", "municipality", "flat", "aspect", "kind", "level"];

    function pageUrl(url) {
      var target = new URL(url.replace(/^\//, ""), siteRoot);
      if (fromDisk && /\/$/.test(target.pathname)) target.pathname += "index.html";
      return target.href;
    }

    function selected() {
      var chosen = {};
      facetNames.forEach(function (name) {
        chosen[name] = Array.prototype.map.call(form.querySelectorAll("input[name='" + name + "']:checked"), function (box) { return box.value; });
      });
      return chosen;
    }

    function writeUrl() {
      var params = new URLSearchParams();
      if (input.value.trim()) params.set("q", input.value.trim());
      var chosen = selected();
      facetNames.forEach(function (name) { chosen[name].forEach(function (v) { params.append(name, v); }); });
      var query = params.toString();
      try { history.replaceState(null, "", (query ? "?" + query : location.pathname.replace(/.*\//, "") || "./") + location.hash); } catch (e) { /* file:// in some browsers */ }
    }

    function readUrl() {
      var params = new URLSearchParams(location.search);
      input.value = params.get("q") || "";
      return params;
    }

    function element(tag, className, text) {
      var el = document.createElement(tag);
      if (className) el.className = className;
      if (text !== undefined) el.textContent = text;
      return el;
    }

    // Disjunctive facet counts: a value's count ignores the other values of its own facet.
    function applyFacets(results, facets, chosen) {
      function matches(ref, except) {
        var values = facets.byDocument[+ref];
        return facetNames.every(function (name) {
          if (name === except || chosen[name].length === 0) return true;
          return values.some(function (v) { return facets.values[v][0] === name && chosen[name].indexOf(facets.values[v][1]) >= 0; });
        });
      }
      var counts = facets.values.map(function () { return 0; });
      results.forEach(function (r) {
        facets.byDocument[+r.ref].forEach(function (v) { if (matches(r.ref, facets.values[v][0])) counts[v]++; });
      });
      return { filtered: results.filter(function (r) { return matches(r.ref, null); }), counts: counts };
    }

    function renderFacets(facets, counts, chosen) {
      facetBox.textContent = "";
      facets.facets.forEach(function (facet) {
        var name = facet[0], values = [];
        facets.values.forEach(function (v, i) { if (v[0] === name && (counts[i] > 0 || chosen[name].indexOf(v[1]) >= 0)) values.push(i); });
        if (values.length === 0) return;
        var set = element("fieldset", "facet");
        set.appendChild(element("legend", null, facet[1]));
        values.forEach(function (i) {
          var v = facets.values[i], id = "f-" + name + "-" + v[1];
          var label = element("label");
          label.htmlFor = id;
          var box = element("input");
          box.type = "checkbox";
          box.name = name;
          box.value = v[1];
          box.id = id;
          box.checked = chosen[name].indexOf(v[1]) >= 0;
          label.appendChild(box);
          label.appendChild(document.createTextNode(" " + v[2] + " "));
          label.appendChild(element("span", "count", "(" + counts[i] + ")"));
          set.appendChild(label);
        });
        facetBox.appendChild(set);
      });
    }

    function snippetElement(cut) {
      var p = element("p", "snippet");
      if (cut.before) p.appendChild(document.createTextNode("… "));
      cut.parts.forEach(function (part, w) {
        if (w > 0) p.appendChild(document.createTextNode(" "));
        p.appendChild(part.mark ? element("mark", null, part.text) : document.createTextNode(part.text));
      });
      if (cut.after) p.appendChild(document.createTextNode(" …"));
      return p;
    }

    function renderResults(results, terms, run) {
      var slice = results.slice(0, shown);
      return engine.documents(slice.map(function (r) { return r.ref; })).then(function (docs) {
        if (run !== generation) return;
        list.textContent = "";
        var ol = element("ol", "search-hits");
        docs.forEach(function (doc, i) {
          var li = element("li", "search-hit");
          var heading = element("h2");
          var link = element("a", null, doc.title);
          link.href = pageUrl(doc.url);
          heading.appendChild(link);
          li.appendChild(heading);
          li.appendChild(element("p", "meta", doc.type));
          var source = doc.text || doc.summary, matched = slice[i].terms || terms;
          li.appendChild(snippetElement(snippet(lunr, source, matched, 30)));
          // Sections whose heading holds a matched word, linked to their anchor (at most two).
          var sections = (doc.sections || []).map(function (s, k, all) {
            return { anchor: s[1], heading: s[2], text: source.slice(Math.min(s[0], source.length), k + 1 < all.length ? all[k + 1][0] : source.length) };
          }).filter(function (s) {
            return snippet(lunr, s.heading, matched, 99).parts.some(function (part) { return part.mark; });
          }).slice(0, 2);
          if (sections.length > 0) {
            var subs = element("ul", "sub-results");
            sections.forEach(function (s) {
              var item = element("li", "sub-result");
              var to = element("a", null, s.heading);
              to.href = pageUrl(doc.url) + "#" + s.anchor;
              item.appendChild(to);
              var rest = s.text.slice(s.heading.length).trim();
              if (rest) item.appendChild(snippetElement(snippet(lunr, rest, matched, 20)));
              subs.appendChild(item);
            });
            li.appendChild(subs);
          }
          ol.appendChild(li);
        });
        list.appendChild(ol);
        more.hidden = results.length <= shown;
      });
    }

    function run() {
      var run = ++generation, q = input.value.trim(), chosen = selected();
      var anyFacet = facetNames.some(function (n) { return chosen[n].length > 0; });
      writeUrl();
      if (!q && !anyFacet) {
        status.textContent = "Typ een zoekwoord of kies een filter.";
        list.textContent = "";
        more.hidden = true;
        return engine.facets().then(function (facets) {
          if (run !== generation) return;
          var all = facets.byDocument.map(function (_, i) { return { ref: String(i), score: 0, terms: [] }; });
          renderFacets(facets, applyFacets(all, facets, chosen).counts, chosen);
        });
      }
      var searching = q
        ? engine.search(q, { prefix: true }).catch(function (e) {
            if (e instanceof lunr.QueryParseError) return { results: [], corrected: null, error: "Deze zoekvraag begrijp ik niet: " + e.message };
            throw e;
          })
        : engine.ready().then(function (m) {
            var all = [];
            for (var i = 0; i < m.documents; i++) all.push({ ref: String(i), score: 0, terms: [] });
            return { results: all, corrected: null };
          });
      return Promise.all([searching, engine.facets()]).then(function (both) {
        if (run !== generation) return;
        var outcome = both[0], facets = both[1];
        var faceted = applyFacets(outcome.results, facets, chosen);
        current = faceted.filtered;
        // Two or more words: pages with all of them first, each group in lunr's order.
        var complete = 0;
        if (outcome.words > 1) {
          current = current.map(function (r, i) { return { r: r, i: i }; })
            .sort(function (a, b) { return (b.r.words - a.r.words) || (a.i - b.i); })
            .map(function (x) { return x.r; });
          complete = current.filter(function (r) { return r.words === outcome.words; }).length;
        }
        renderFacets(facets, faceted.counts, chosen);
        // Status and results change together, so what the status says is what the list shows.
        return renderResults(current, [], run).then(function () {
          if (run !== generation) return;
          var n = current.length;
          var text = outcome.error || (n === 0 ? "Niets gevonden" : n === 1 ? "1 resultaat" : n + " resultaten");
          if (q && !outcome.error) text += " voor ‘" + q + "’";
          if (outcome.words > 1 && n > 0 && !outcome.corrected) text += complete === n ? ", met alle woorden" : complete === 0 ? ", geen met alle woorden" : ", waarvan " + complete + " met alle woorden bovenaan";
          status.textContent = text + ".";
          if (n === 0 && q && !outcome.error && !outcome.corrected) return offerWays(q, run);
          if (outcome.corrected) {
            status.textContent = "Niets gevonden voor ‘" + q + "’. Bedoelde je ";
            var fix = element("a", null, outcome.corrected);
            var params = new URLSearchParams(location.search);
            params.set("q", outcome.corrected);
            fix.href = "?" + params.toString();
            status.appendChild(fix);
            status.appendChild(document.createTextNode("? " + (n === 1 ? "1 resultaat" : n + " resultaten") + " voor ‘" + outcome.corrected + "’."));
          }
        });
      }).catch(function (e) {
        status.textContent = "Zoeken lukt nu niet: " + e.message;
      });
    }

    // Nothing found: the site's nearest words as links, and a way to browse by kind instead.
    function offerWays(q, run) {
      return engine.suggest(q).then(function (queries) {
        if (run !== generation) return;
        function link(text, params) {
          var a = element("a", null, text);
          a.href = "?" + new URLSearchParams(params).toString();
          return a;
        }
        if (queries.length > 0) {
          status.appendChild(document.createTextNode(" Bedoelde je "));
          queries.forEach(function (s, i) {
            if (i > 0) status.appendChild(document.createTextNode(i === queries.length - 1 ? " of " : ", "));
            status.appendChild(link(s, { q: s }));
          });
          status.appendChild(document.createTextNode("?"));
        }
        status.appendChild(document.createTextNode(" Of bekijk alle "));
        var kinds = [["bedrijf", "bedrijven"], ["vacature", "vacatures en stages"], ["project", "projecten"], ["kennisbank", "kennisbankartikelen"], ["rugzak", "Rugzak-onderwerpen"]];
        kinds.forEach(function (k, i) {
          if (i > 0) status.appendChild(document.createTextNode(i === kinds.length - 1 ? " of " : ", "));
          status.appendChild(link(k[1], { type: k[0] }));
        });
        status.appendChild(document.createTextNode("."));
      });
    }

    var timer = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      shown = pageSize;
      timer = setTimeout(run, 120);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      shown = pageSize;
      run();
    });
    facetBox.addEventListener("change", function () {
      shown = pageSize;
      run();
    });
    more.addEventListener("click", function () {
      shown += pageSize;
      renderResults(current, [], generation);
    });

    var params = readUrl();
    facetNames.forEach(function (name) {
      params.getAll(name).forEach(function (value) {
        var hidden = element("input");
        hidden.type = "checkbox";
        hidden.name = name;
        hidden.value = value;
        hidden.checked = true;
        hidden.hidden = true;
        hidden.className = "facet-from-url";
        form.appendChild(hidden);
      });
    });
    container.classList.add("search-ready");
    run().then(function () {
      // The visible checkboxes now carry the state; drop the placeholders the URL gave.
      Array.prototype.forEach.call(form.querySelectorAll(".facet-from-url"), function (box) { box.remove(); });
    });
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { createEngine: createEngine, snippet: snippet };
  } else if (root.document && root.lunr) {
    startPage(root.lunr);
  }
})(typeof window !== "undefined" ? window : this);
