/*
 * Our search worker: Material for MkDocs' own lunr search worker, loaded when search is first
 * used, with word forms so that a typed word finds its other forms ("regel" -> "reglerne"), the
 * compounds it is part of ("risiko" -> "sikkerhedsrisiko"), the noun or verb made from it, and a
 * word with one letter wrong.
 *
 * It speaks Material's worker protocol (SETUP 0, READY 1, QUERY 2, RESULT 3): it answers SETUP at
 * once, and on the first QUERY loads the documents and word forms (search/search_data.js, written by
 * hooks/search_forms.py), then Material's worker, whose handler it feeds. It works as a real worker
 * and inside the iframe-worker shim used from file://, where importScripts returns a Promise.
 */
"use strict";
(function () {
  var SETUP = 0, READY = 1, QUERY = 2;
  var MIN_PART = 3, LINKS = ["s", "e"];
  var own = typeof document !== "undefined" ? document.querySelector("script[src]").src : self.location.href;
  var realPost = self.postMessage;
  var post = function (message) { realPost.call(self, message); };
  var setup = null, loading = null, material = null, ready = null;

  function load(config) {
    var site = new URL("../../../", own);
    return Promise.resolve(importScripts(new URL(config.guide_search.data, site).href))
      .then(function () {
        self.addEventListener = function (type, listener) { if (type === "message") material = listener; };
        self.postMessage = function (message) {
          if (message && message.type === READY) ready(); else post(message);
        };
        return importScripts(new URL(config.guide_search.worker, own).href);
      })
      .then(function () {
        delete self.addEventListener;
        patch(self.lunr, self.__guide_search.forms, config.lang);
        var done = new Promise(function (resolve) { ready = resolve; });
        var data = Object.assign({}, setup, { docs: self.__guide_search.docs });
        material({ data: { type: SETUP, data: data } });
        return done;
      });
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === SETUP) {
      setup = message.data;
      loading = null;
      post({ type: READY });
    } else if (message.type === QUERY) {
      loading = loading || load(setup.config);
      loading.then(function () { material({ data: message }); }, function (error) { console.error(error); });
    }
  });

  /* One letter inserted, dropped, changed, or two swapped. */
  function near(a, b) {
    if (a === b) return true;
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (a.length === b.length)
      return a.slice(i + 1) === b.slice(i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  function patch(lunr, forms, languages) {
    if (!forms) return;
    /* The index leaves stop words out; lunr-languages filters them only while indexing, and its
       language is loaded with the index (after this patch), hence looked up at query time. */
    function keeps(word) {
      var language = languages.length === 1 && languages[0] !== "en" ? lunr[languages[0]] : lunr;
      return !language || !language.stopWordFilter || !!language.stopWordFilter(word);
    }
    var lemmas = new Map(), bases = new Map(), expand = new Map();
    forms.families.split("|").forEach(function (family) {
      var words = family.split(" "), lemma = words[0];
      if (words[words.length - 1].charAt(0) === ">") bases.set(lemma, words.pop().slice(1));
      words = words.map(function (form, i) {  /* "2ler": drop 2 letters of the lemma, add "ler" */
        var coded = /^(\d*)(.*)$/.exec(form);
        return i ? lemma.slice(0, lemma.length - (+coded[1] || 0)) + coded[2] : lemma;
      });
      words.forEach(function (word) {
        if (!lemmas.has(word)) lemmas.set(word, []);
        lemmas.get(word).push(words[0]);
      });
    });
    Object.keys(forms.expand).forEach(function (key) { expand.set(key, forms.expand[key].split(" ")); });

    /* The parts of a compound, each a known form (the same rule as publisher.search_forms). */
    function split(word, depth) {
      if (depth === 0 || word.length < 2 * MIN_PART) return [];
      var best = [];
      for (var cut = word.length - MIN_PART; cut >= MIN_PART; cut--) {
        var tail = word.slice(cut);
        if (!lemmas.has(tail)) continue;
        var head = word.slice(0, cut);
        var heads = [head].concat(LINKS.filter(function (link) {
          return head.length > MIN_PART && head.slice(-1) === link;
        }).map(function () { return head.slice(0, -1); }));
        for (var h = 0; h < heads.length; h++) {
          if (lemmas.has(heads[h])) return [heads[h], tail];
          if (!best.length) {
            var inner = split(heads[h], depth - 1);
            if (inner.length) best = inner.concat([tail]);
          }
        }
        if (!best.length && tail.length > MIN_PART) best = [tail];  // a compound of an unknown word
      }
      return best;
    }

    /* The lemmas a typed word stands for: its own, a near miss's, or its compound parts'. */
    function keysOf(word, unknown) {
      var keys = new Set(lemmas.get(word) || []);
      if (!keys.size && unknown && word.length > MIN_PART)
        lemmas.forEach(function (of, form) { if (near(word, form)) of.forEach(function (l) { keys.add(l); }); });
      if (!keys.size && forms.compounds)
        split(word, 3).forEach(function (part) { (lemmas.get(part) || []).forEach(function (l) { keys.add(l); }); });
      keys.forEach(function (key) { if (bases.has(key)) keys.add(bases.get(key)); });
      return keys;
    }

    lunr.Index.prototype.search = function (queryString) {
      var index = this, words = [], stop = [], owner = new Map();
      var has = function (term) { return Object.prototype.hasOwnProperty.call(index.invertedIndex, term); };
      var results = this.query(function (query) {
        new lunr.QueryParser(queryString, query).parse();
        query.clauses.slice().forEach(function (clause) {
          if (clause.presence !== lunr.Query.presence.OPTIONAL) return;
          var word = clause.term.replace(/\*/g, "");
          if (!keeps(word)) stop.push(word);
          if (word.length < MIN_PART) return;
          words.push(word);
          var known = lemmas.has(word) || has(word);
          keysOf(word, !known).forEach(function (key) {
            [key].concat(expand.get(key) || []).forEach(function (term) {
              if (term.indexOf(word) === 0 || owner.has(term) || !has(term)) return;
              owner.set(term, word);
              query.clause({ term: term, fields: clause.fields, usePipeline: false,
                             wildcard: lunr.Query.wildcard.NONE });
            });
          });
          if (!known && word.length > MIN_PART + 1)
            query.clause({ term: word, fields: clause.fields, usePipeline: false, editDistance: 1 });
        });
      });
      /* Report each match under the typed word, so Material counts it as found and highlights it;
         a stop word ("av", "og") is never looked up, so it is not reported missing either. */
      results.forEach(function (result) {
        var metadata = {};
        stop.forEach(function (word) { metadata[word] = {}; });
        Object.keys(result.matchData.metadata).forEach(function (term) {
          var word = words.find(function (w) { return term.indexOf(w) === 0; }) || owner.get(term) ||
            words.find(function (w) { return near(w, term); }) || term;
          var into = metadata[word] || (metadata[word] = {});
          var fields = result.matchData.metadata[term];
          Object.keys(fields).forEach(function (field) {
            into[field] = into[field] || { position: [] };
            into[field].position = into[field].position.concat(fields[field].position || []);
          });
        });
        result.matchData.metadata = metadata;
      });
      return results;
    };
  }
})();
