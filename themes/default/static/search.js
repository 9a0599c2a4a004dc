// The search page of plenary: reads ?q= and the filters from the address, fetches the
// few files of the language's index that the query needs (search/LANG/), and lists the
// resolutions with a link to the paragraph of the hit and the words around it. A query
// that is a symbol lists its resolution first (src/search/symbols.rs; with ?go=1 and one
// such resolution, goes straight to its page). No dependencies; text is put in the page
// as text nodes only. The analysis repeats src/search/tokenize.rs and the lookups
// src/search/query.rs, which the tests check against the same index.
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.getElementById("search-form");
  if (!form || !script) return;
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var input = document.getElementById("search-q");
  var d = form.dataset;
  var root = new URL(".", script.src);
  var dir = new URL("search/" + d.lang + "/", root);
  var relative = d.relative === "true";
  var FACETS = ["session", "year", "subject", "committee"];
  var PAGE = 20;
  var MAX_PARAGRAPHS = 8;
  var MAX_WORD = 60;
  var PROCLITICS = ["وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ل", "ك"];
  // The words of a snippet: about 30, a Chinese character counting half a word.
  var WINDOW = 30;
  var STEM_SLACK = 4;

  var HAN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{2FFFF}]/u;
  var MARK = /[\u064B-\u065F\u0670\u0640\u0300-\u036F]/u;
  var WORD = /[\p{Alphabetic}\p{N}\u064B-\u065F\u0670\u0640\u0300-\u036F]/u;
  var encoder = new TextEncoder();
  var decoder = new TextDecoder();

  function isHan(c) { return HAN.test(c); }
  function isWord(c) { return !isHan(c) && WORD.test(c); }

  function normalise(word) {
    var out = "";
    for (var c of word.toLowerCase()) {
      if (MARK.test(c)) continue;
      if (c === "أ" || c === "إ" || c === "آ" || c === "ٱ") out += "ا";
      else if (c === "ё") out += "е";
      else out += c;
    }
    return out;
  }

  // Words (normalised) and the terms of Chinese runs, in order.
  function pieces(text) {
    var cs = Array.from(text), out = [], i = 0;
    while (i < cs.length) {
      var j = i + 1;
      if (isHan(cs[i])) {
        while (j < cs.length && isHan(cs[j])) j++;
        var run = cs.slice(i, j);
        if (run.length === 1) out.push({ term: run[0] });
        for (var k = 0; k + 1 < run.length; k++) out.push({ term: run[k] + run[k + 1] });
      } else if (isWord(cs[i])) {
        while (j < cs.length && isWord(cs[j])) j++;
        var w = normalise(cs.slice(i, j).join(""));
        if (w && encoder.encode(w).length <= MAX_WORD) out.push({ word: w });
      }
      i = j;
    }
    return out;
  }

  function hash(text) {
    var h = 0x811c9dc5;
    for (var b of encoder.encode(text)) {
      h = Math.imul(h ^ b, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }

  // Strings in the order of their UTF-8 bytes, which is the order of code points.
  function before(a, b) {
    var x = Array.from(a), y = Array.from(b);
    for (var i = 0; i < x.length && i < y.length; i++) {
      var p = x[i].codePointAt(0), q = y[i].codePointAt(0);
      if (p !== q) return p < q;
    }
    return x.length <= y.length;
  }

  var files = new Map();
  function get(rel, json) {
    var key = rel;
    if (!files.has(key)) {
      files.set(key, fetch(new URL(rel, dir)).then(function (r) {
        if (r.status === 404) return null;
        if (!r.ok) throw new Error(rel + ": " + r.status);
        return json ? r.json() : r.arrayBuffer().then(function (b) { return new Uint8Array(b); });
      }));
    }
    return files.get(key);
  }

  function Reader(bytes) { this.b = bytes || new Uint8Array(0); this.i = 0; }
  Reader.prototype.more = function () { return this.i < this.b.length; };
  Reader.prototype.num = function () {
    var v = 0, mul = 1, b;
    do {
      b = this.b[this.i++];
      v += (b & 0x7f) * mul;
      mul *= 128;
    } while (b >= 0x80);
    return v;
  };
  Reader.prototype.take = function (n) { var s = this.b.subarray(this.i, this.i + n); this.i += n; return s; };
  Reader.prototype.str = function () { return decoder.decode(this.take(this.num())); };

  function formsNear(meta, form) {
    var firsts = meta.words, lo = 0, hi = firsts.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (before(firsts[mid], form)) lo = mid + 1; else hi = mid;
    }
    return get("w/" + Math.max(lo - 1, 0) + ".bin").then(function (bytes) {
      var r = new Reader(bytes), out = [];
      while (r.more()) {
        var f = r.str(), s = r.str();
        out.push([f, s || f]);
      }
      return out;
    });
  }

  // The term of a word: its stem from the table of the archive's forms; a form the
  // archive lacks takes the longest stem of a neighbour that begins it (see query.rs).
  function stemOf(meta, form) {
    if (!meta.words.length) return Promise.resolve(form);
    var variants = [form];
    if (meta.lang === "ar") {
      PROCLITICS.forEach(function (p) {
        if (form.startsWith(p) && Array.from(form.slice(p.length)).length >= 2) variants.push(form.slice(p.length));
      });
    }
    return Promise.all(variants.map(function (v) { return formsNear(meta, v); })).then(function (near) {
      for (var i = 0; i < variants.length; i++) {
        for (var e of near[i]) if (e[0] === variants[i]) return e[1];
      }
      var best = null;
      variants.forEach(function (v, i) {
        var len = Array.from(v).length;
        near[i].forEach(function (e) {
          var n = Array.from(e[1]).length;
          if (n >= 2 && n * 2 >= len && v.startsWith(e[1]) && (best === null || encoder.encode(best).length < encoder.encode(e[1]).length)) best = e[1];
        });
      });
      return best === null ? form : best;
    });
  }

  function postings(meta, term) {
    var shard = hash(term) % meta.terms;
    return get("t/" + shard + ".bin").then(function (bytes) {
      var r = new Reader(bytes);
      while (r.more()) {
        var t = r.str(), df = r.num(), x = r.num();
        var inline = x % 2 === 0 ? r.take(x / 2) : null;
        if (t !== term) continue;
        var list = inline ? Promise.resolve(inline) : get("p/" + shard + "-" + (x - 1) / 2 + ".bin");
        return list.then(function (b) { return { df: df, docs: decode(b) }; });
      }
      return null;
    });
  }

  function decode(bytes) {
    var r = new Reader(bytes), out = new Map(), doc = -1;
    while (r.more()) {
      doc += r.num();
      var n = r.num(), p = -1, paragraphs = [];
      for (var k = 0; k < Math.min(n, MAX_PARAGRAPHS); k++) { p += r.num(); paragraphs.push(p); }
      out.set(doc, [n, paragraphs]);
    }
    return out;
  }

  function anchorAt(runs, p) {
    for (var run of runs) {
      if (p < run[2]) {
        if (!run[0]) return null;
        return run[1] === 0 ? run[0] : run[0] + "-" + (run[1] + p);
      }
      p -= run[2];
    }
    return null;
  }

  // A query read as a symbol, as symbols::query_key reads it: full-width forms and
  // Arabic-Indic digits folded, lowercase, the words of meta.symbols.strip taken off
  // its ends, spaces out, capitals in; null when what is left is no key.
  function fold(text) {
    return Array.from(text).map(function (c) {
      var n = c.codePointAt(0);
      if (n >= 0xFF01 && n <= 0xFF5E) return String.fromCodePoint(n - 0xFEE0);
      if (n >= 0x0660 && n <= 0x0669) return String.fromCodePoint(n - 0x0660 + 0x30);
      if (n >= 0x06F0 && n <= 0x06F9) return String.fromCodePoint(n - 0x06F0 + 0x30);
      if (n === 0x3000 || n === 0x200E || n === 0x200F || n === 0x061C || (n >= 0x202A && n <= 0x202E)) return " ";
      return c;
    }).join("").toLowerCase();
  }

  var LETTER = /\p{Alphabetic}/u;
  function stripWords(rest, words) {
    for (;;) {
      var before = rest;
      words.forEach(function (w) {
        if (rest.startsWith(w) && !LETTER.test(rest.slice(w.length, w.length + 2).charAt(0))) {
          rest = rest.slice(w.length).replace(/^[\s.]+/u, "");
        }
        if (rest.endsWith(w) && !LETTER.test(Array.from(rest.slice(0, rest.length - w.length)).pop() || "")) {
          rest = rest.slice(0, rest.length - w.length).replace(/\s+$/u, "");
        }
      });
      if (rest === before) return rest;
    }
  }

  function symbolKey(meta, query) {
    var key = stripWords(fold(query).trim(), meta.symbols.strip).replace(/\s+/gu, "").replace(/[a-z]/g, function (c) { return c.toUpperCase(); });
    var ok = key.length <= 40 && /\d/.test(key) && /^[A-Z0-9\/().-]+$/.test(key)
      && key.split(/[^A-Z]/).every(function (run) { return run.length <= 4; });
    return ok ? key : null;
  }

  // The first two digits of the key's first number of two digits or more, else its digit.
  function shardOf(key) {
    var runs = key.match(/\d+/g) || [];
    var run = runs.find(function (r) { return r.length >= 2; }) || runs[0];
    return run ? run.slice(0, 2) : null;
  }

  // The documents a query names by symbol: its own resolution, those recording or citing
  // the document it is, then (with a slash or bracket) those with a key beginning with it.
  function symbolMatches(meta, query) {
    var key = symbolKey(meta, query), shard = key && shardOf(key);
    if (!shard || meta.symbols.shards.indexOf(shard) < 0) return Promise.resolve([]);
    var prefixes = /[\/(]/.test(key);
    return get("s/" + shard + ".json", true).then(function (rows) {
      var found = [];
      rows.forEach(function (row) {
        var how = row[0] === key ? row[2] : prefixes && row[0].startsWith(key) ? 2 : -1;
        if (how >= 0) found.push({ doc: row[1], how: how });
      });
      found.sort(function (a, b) { return a.how - b.how || a.doc - b.doc; });
      return found.filter(function (f, i) {
        return found.findIndex(function (g) { return g.doc === f.doc; }) === i;
      });
    });
  }

  // The documents every facet holds, or null for no facet.
  function facetFilter(meta, facets) {
    if (!facets.length) return Promise.resolve(null);
    return Promise.all(facets.map(function (f) { return postings(meta, f); })).then(function (found) {
      return function (doc) { return found.every(function (f) { return f && f.docs.has(doc); }); };
    });
  }

  // Hits by symbol first, then the text's, each once.
  function search(meta, query, facets) {
    return Promise.all([symbolMatches(meta, query), facetFilter(meta, facets), textSearch(meta, query, facets)]).then(function (all) {
      var keep = all[1] || function () { return true; };
      var named = all[0].filter(function (f) { return keep(f.doc); });
      var text = all[2];
      if (!named.length && text.hits === null) return null;
      var hits = named.map(function (f) { return { doc: f.doc, score: 0, best: null, own: f.how === 0 }; });
      (text.hits || []).forEach(function (h) {
        if (!named.some(function (f) { return f.doc === h.doc; })) hits.push(h);
      });
      return { hits: hits, wanted: text.wanted };
    });
  }

  // Hits of the text: every term in the resolution, by BM25 over paragraphs; and what
  // the query wants marked in snippets.
  function textSearch(meta, query, facets) {
    var ps = pieces(query);
    return Promise.all(ps.map(function (p) { return p.word ? stemOf(meta, p.word) : p.term; })).then(function (terms) {
      var wanted = ps.map(function (p, i) { return { word: p.word, term: terms[i] }; });
      terms = terms.filter(function (t, i) { return terms.indexOf(t) === i; });
      var all = terms.map(function (t) { return [t, true]; }).concat(facets.map(function (f) { return [f, false]; }));
      if (!all.length) return { hits: null, wanted: wanted };
      return Promise.all(all.map(function (e) { return postings(meta, e[0]); })).then(function (found) {
        var hits = found.some(function (f) { return f === null; }) ? [] : rank(meta, all, found);
        return { hits: hits, wanted: wanted };
      });
    });
  }

  // The documents in every list, best first, each with the paragraph holding most of
  // the query.
  function rank(meta, all, found) {
    var n = meta.documents;
    var lists = found.map(function (f, i) {
      var idf = all[i][1] ? Math.log(1 + (n - f.df + 0.5) / (f.df + 0.5)) : 0;
      return { idf: idf, docs: f.docs };
    });
    lists.sort(function (a, b) { return a.docs.size - b.docs.size; });
    var hits = [];
    lists[0].docs.forEach(function (_, doc) {
      var score = 0, weight = new Map();
      for (var l of lists) {
        var e = l.docs.get(doc);
        if (!e) return;
        score += l.idf * e[0] * 2.2 / (e[0] + 1.2);
        for (var p of e[1]) weight.set(p, (weight.get(p) || 0) + l.idf);
      }
      // The paragraph holding most of the query; on a tie the first, but the
      // heading (0) gives way to the text.
      var best = null, bw = -1;
      Array.from(weight.keys()).sort(function (a, b) { return a - b; }).forEach(function (p) {
        var w = weight.get(p);
        if (w > bw || (w === bw && best === 0)) { best = p; bw = w; }
      });
      hits.push({ doc: doc, score: score, best: best });
    });
    hits.sort(function (a, b) { return b.score - a.score || b.doc - a.doc; });
    return hits;
  }

  // The words and Chinese characters of a text, with where they stand.
  function tokensOf(text) {
    var out = [], i = 0;
    while (i < text.length) {
      var c = String.fromCodePoint(text.codePointAt(i));
      if (isHan(c)) { out.push({ s: i, e: i + c.length, han: true }); i += c.length; continue; }
      if (!isWord(c)) { i += c.length; continue; }
      var j = i;
      while (j < text.length) {
        var n = String.fromCodePoint(text.codePointAt(j));
        if (!isWord(n)) break;
        j += n.length;
      }
      out.push({ s: i, e: j, word: normalise(text.slice(i, j)) });
      i = j;
    }
    return out;
  }

  // Whether a word of the text is a form of a word of the query: the same form, or one
  // that begins with its stem and is at most a few letters longer (in Arabic, also once
  // a proclitic is off): `embargo` for `embargoes`, `بالكرامة` for `كرامة`.
  function isFormOf(word, wanted) {
    if (word === wanted.word) return true;
    var stem = wanted.term, len = Array.from(stem).length;
    if (len < 2) return false;
    var forms = [word];
    if (meta.lang === "ar") PROCLITICS.forEach(function (p) { if (word.startsWith(p)) forms.push(word.slice(p.length)); });
    return forms.some(function (f) { return f.startsWith(stem) && Array.from(f).length - len <= STEM_SLACK; });
  }

  // Marks the tokens that match the query, with which of its words each matches.
  function markTokens(text, tokens, wanted) {
    wanted.forEach(function (w, i) {
      var hit = function (t) { t.mark = true; (t.hits = t.hits || []).push(i); };
      if (w.word) {
        tokens.forEach(function (t) { if (t.word && isFormOf(t.word, w)) hit(t); });
        return;
      }
      for (var at = text.indexOf(w.term); at >= 0; at = text.indexOf(w.term, at + 1)) {
        tokens.forEach(function (t) { if (t.han && t.s >= at && t.s < at + w.term.length) hit(t); });
      }
    });
  }

  function weight(t) { return t.han ? 0.5 : 1; }

  // The marked token after which, within half a window, most words of the query stand.
  function bestMark(tokens) {
    var best = 0, most = 0;
    tokens.forEach(function (t, i) {
      if (!t.mark) return;
      var seen = new Set(), size = 0;
      for (var k = i; k < tokens.length && size <= WINDOW / 2; k++) {
        size += weight(tokens[k]);
        (tokens[k].hits || []).forEach(function (h) { seen.add(h); });
      }
      if (seen.size > most) { best = i; most = seen.size; }
    });
    return best;
  }

  // The tokens of the window around the best mark: a third before it.
  function windowOf(tokens) {
    var first = bestMark(tokens);
    var from = first, before = 0;
    while (from > 0 && before + weight(tokens[from - 1]) <= WINDOW / 3) before += weight(tokens[--from]);
    var to = from, size = 0;
    while (to < tokens.length && size + weight(tokens[to]) <= WINDOW) size += weight(tokens[to++]);
    return [from, Math.max(to, Math.min(first + 1, tokens.length))];
  }

  // The words of a paragraph around the match, the matched ones in <mark>: text nodes
  // only, for the text is the archive's.
  function snippet(text, wanted) {
    var tokens = tokensOf(text);
    if (!tokens.length) return null;
    markTokens(text, tokens, wanted);
    var range = windowOf(tokens), from = range[0], to = range[1];
    var p = document.createElement("p");
    p.className = "snippet";
    p.dir = "auto";
    var at = tokens[from].s, open = null;
    if (from > 0) p.append("… ");
    for (var k = from; k < to; k++) {
      var t = tokens[k];
      if (open && t.mark && t.s === at) { open.append(text.slice(t.s, t.e)); at = t.e; continue; }
      p.append(text.slice(at, t.s));
      open = null;
      if (t.mark) {
        open = document.createElement("mark");
        open.textContent = text.slice(t.s, t.e);
        p.append(open);
      } else {
        p.append(text.slice(t.s, t.e));
      }
      at = t.e;
    }
    if (to < tokens.length) p.append(" …");
    return p;
  }

  function pageUrl(path, anchor) {
    var url = new URL(path + (relative ? "index.html" : ""), root).href;
    return anchor ? url + "#" + anchor : url;
  }

  function paragraphLabel(anchor) {
    var m = /^(pp|op)-(\d+)$/.exec(anchor);
    if (!m) return null;
    return (m[1] === "pp" ? d.pp : d.op).replace("{n}", m[2]);
  }

  function docOf(meta, doc) {
    return get("d/" + Math.floor(doc / meta.per_file) + ".json", true).then(function (docs) {
      return docs[doc % meta.per_file];
    });
  }

  // The text of a hit's paragraph, from its document's texts (x/N-K.json), or null.
  function textOf(meta, hit) {
    if (hit.best === null) return Promise.resolve(null);
    var per = meta.texts_per_file, file = Math.floor(hit.best / per);
    return get("x/" + hit.doc + "-" + file + ".json", true).then(function (texts) {
      return texts ? texts[hit.best % per] : null;
    });
  }

  function resultItem(doc, hit, text, wanted) {
    var anchor = hit.best === null ? null : anchorAt(doc.a, hit.best);
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = pageUrl(doc.u, null);
    var symbol = document.createElement("span");
    symbol.className = "symbol";
    symbol.dir = "ltr";
    symbol.textContent = doc.s;
    var title = document.createElement("span");
    title.className = "title";
    title.textContent = doc.t;
    a.append(symbol, " ", title);
    var date = document.createElement("span");
    date.className = "date";
    date.textContent = doc.d;
    li.append(a, " ", date);
    var label = anchor && paragraphLabel(anchor);
    if (label) {
      var link = document.createElement("a");
      link.className = "hit";
      link.href = pageUrl(doc.u, anchor);
      link.textContent = label;
      li.append(" ", link);
    }
    var words = text && snippet(text, wanted);
    if (words) li.append(words);
    return li;
  }

  function show(meta, result, from) {
    var hits = result.hits, slice = hits.slice(from, from + PAGE);
    return Promise.all(slice.map(function (h) {
      return Promise.all([docOf(meta, h.doc), textOf(meta, h).catch(function () { return null; })]);
    })).then(function (found) {
      found.forEach(function (f, i) { list.append(resultItem(f[0], slice[i], f[1], result.wanted)); });
      var old = document.getElementById("search-more");
      if (old) old.remove();
      if (from + PAGE < hits.length) {
        var more = document.createElement("button");
        more.type = "button";
        more.id = "search-more";
        more.className = "search-more";
        more.textContent = d.more;
        more.addEventListener("click", function () { show(meta, result, from + PAGE); });
        list.after(more);
      }
    });
  }

  // With ?go=1 (the header's box), the one resolution whose symbol the query is takes
  // the place of the results.
  function jump(meta, hits) {
    var own = hits.filter(function (h) { return h.own; });
    if (own.length !== 1) return Promise.resolve(false);
    return docOf(meta, own[0].doc).then(function (doc) {
      location.replace(pageUrl(doc.u, null));
      return true;
    });
  }

  var meta = null;
  var runs = 0;
  function run() {
    var params = new URLSearchParams(location.search);
    var query = params.get("q") || "";
    input.value = query;
    var facets = [];
    FACETS.forEach(function (f) {
      var select = form.elements[f], v = params.get(f) || "";
      if (select) select.value = v;
      if (v && select && select.value === v) facets.push(f + ":" + v);
    });
    // The filters fold away (a phone shows the results on its first screen), but not
    // while one of them narrows the results.
    var filters = document.getElementById("search-filters");
    if (filters && facets.length) filters.open = true;
    var mine = ++runs;
    list.textContent = "";
    var old = document.getElementById("search-more");
    if (old) old.remove();
    if (!query.trim() && !facets.length) { status.textContent = ""; return; }
    status.textContent = d.searching;
    (meta ? Promise.resolve(meta) : get("meta.json", true)).then(function (m) {
      meta = m;
      return search(m, query, facets);
    }).then(function (result) {
      if (mine !== runs) return;
      if (result === null) { status.textContent = ""; return; }
      var go = params.get("go") === "1" ? jump(meta, result.hits) : Promise.resolve(false);
      return go.then(function (gone) {
        if (gone) return;
        var n = result.hits.length;
        status.textContent = n === 0 ? d.noResults : n === 1 ? d.oneResult : d.results.replace("{n}", n);
        return show(meta, result, 0);
      });
    }).catch(function () {
      if (mine === runs) status.textContent = d.error;
    });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    FACETS.forEach(function (f) { if (form.elements[f] && form.elements[f].value) params.set(f, form.elements[f].value); });
    var q = params.toString();
    history.pushState(null, "", location.pathname + (q ? "?" + q : ""));
    run();
  });
  FACETS.forEach(function (f) {
    if (form.elements[f]) form.elements[f].addEventListener("change", function () { form.requestSubmit(); });
  });
  window.addEventListener("popstate", run);
  run();
})();
