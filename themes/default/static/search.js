// The search page of plenary: reads ?q= and the filters from the address, fetches the
// few files of the language's index that the query needs (search/LANG/), and lists the
// resolutions with a link to the paragraph of the hit. No dependencies; text is put in
// the page with textContent only. The analysis repeats src/search/tokenize.rs and the
// lookups src/search/query.rs, which the tests check against the same index.
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

  function search(meta, query, facets) {
    var ps = pieces(query);
    return Promise.all(ps.map(function (p) { return p.word ? stemOf(meta, p.word) : p.term; })).then(function (terms) {
      terms = terms.filter(function (t, i) { return terms.indexOf(t) === i; });
      var all = terms.map(function (t) { return [t, true]; }).concat(facets.map(function (f) { return [f, false]; }));
      if (!all.length) return null;
      return Promise.all(all.map(function (e) { return postings(meta, e[0]); })).then(function (found) {
        if (found.some(function (f) { return f === null; })) return [];
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
      });
    });
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

  function show(meta, hits, from) {
    var slice = hits.slice(from, from + PAGE);
    return Promise.all(slice.map(function (h) {
      return get("d/" + Math.floor(h.doc / meta.per_file) + ".json", true).then(function (docs) {
        return docs[h.doc % meta.per_file];
      });
    })).then(function (docs) {
      docs.forEach(function (doc, i) {
        var anchor = slice[i].best === null ? null : anchorAt(doc.a, slice[i].best);
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
          var hit = document.createElement("a");
          hit.className = "hit";
          hit.href = pageUrl(doc.u, anchor);
          hit.textContent = label;
          li.append(" ", hit);
        }
        list.append(li);
      });
      var old = document.getElementById("search-more");
      if (old) old.remove();
      if (from + PAGE < hits.length) {
        var more = document.createElement("button");
        more.type = "button";
        more.id = "search-more";
        more.className = "search-more";
        more.textContent = d.more;
        more.addEventListener("click", function () { show(meta, hits, from + PAGE); });
        list.after(more);
      }
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
    var mine = ++runs;
    list.textContent = "";
    var old = document.getElementById("search-more");
    if (old) old.remove();
    if (!query.trim() && !facets.length) { status.textContent = ""; return; }
    status.textContent = d.searching;
    (meta ? Promise.resolve(meta) : get("meta.json", true)).then(function (m) {
      meta = m;
      return search(m, query, facets);
    }).then(function (hits) {
      if (mine !== runs) return;
      if (hits === null) { status.textContent = ""; return; }
      status.textContent = hits.length === 0 ? d.noResults
        : hits.length === 1 ? d.oneResult : d.results.replace("{n}", hits.length);
      return show(meta, hits, 0);
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
