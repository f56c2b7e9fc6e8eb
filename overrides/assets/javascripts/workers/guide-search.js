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
  var LINKS = ["s", "e"];
  var workerUrl = typeof document !== "undefined" ? document.querySelector("script[src]").src : self.location.href;
  var realPost = self.postMessage;
  var post = function (message) { realPost.call(self, message); };
  var setup = null, loading = null, material = null, ready = null;

  function load(config) {
    var site = new URL("../../../", workerUrl);
    return Promise.resolve(importScripts(new URL(config.guide_search.data, site).href))
      .then(function () {
        self.addEventListener = function (type, listener) { if (type === "message") material = listener; };
        self.postMessage = function (message) {
          if (message && message.type === READY) ready(); else post(message);
        };
        return importScripts(new URL(config.guide_search.worker, workerUrl).href);
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
      /* Material asks with an empty query as the page loads: nothing to find, so nothing is loaded
         (the documents, word forms and Material's worker come with the first typed word); it gets
         the empty result Material's own worker gives. */
      if (!loading && !String(message.data || "").trim()) {
        post({ type: 3, data: { items: [] } });  /* RESULT, as Material's worker answers an empty query */
        return;
      }
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
    var PART = 0.5;  /* a compound containing the word counts less than the word itself */
    var minPart = forms.min_part, notParts = new Set(forms.not_parts);
    var lemmas = new Map(), bases = new Map(), own = new Map(), parts = new Map();
    forms.families.split("|").forEach(function (family) {
      var words = family.split(" "), lemma = words[0];
      if (words[words.length - 1].charAt(0) === ">") bases.set(lemma, words.pop().slice(1));
      words = words.map(function (form, i) {  /* "2ler": drop 2 letters of the lemma, add "ler" */
        var coded = /^(\d*)(.*)$/.exec(form);
        return i ? lemma.slice(0, lemma.length - (+coded[1] || 0)) + coded[2] : lemma;
      });
      words.forEach(function (word) {
        if (!lemmas.has(word)) lemmas.set(word, []);
        lemmas.get(word).push(lemma);
      });
    });
    [[forms.own, own], [forms.parts, parts]].forEach(function (pair) {
      Object.keys(pair[0]).forEach(function (key) { pair[1].set(key, pair[0][key].split(" ")); });
    });

    /* The parts of a compound, each a known form (the rule of publisher.search_forms), or at least
       its longest known tail, or else its longest known head ("venneforespørsel" -> "venne"). */
    function split(word, depth) {
      if (depth === 0 || word.length < 2 * minPart) return [];
      var best = [];
      for (var cut = word.length - minPart; cut >= minPart; cut--) {
        var tail = word.slice(cut);
        if (notParts.has(tail) || !lemmas.has(tail)) continue;
        var head = word.slice(0, cut);
        var heads = [head].concat(LINKS.filter(function (link) {
          return head.length > minPart && head.slice(-1) === link;
        }).map(function () { return head.slice(0, -1); }));
        for (var h = 0; h < heads.length; h++) {
          if (notParts.has(heads[h])) continue;
          if (lemmas.has(heads[h])) return [heads[h], tail];
          if (!best.length) {
            var inner = split(heads[h], depth - 1);
            if (inner.length) best = inner.concat([tail]);
          }
        }
        if (!best.length && tail.length > minPart) best = [tail];
      }
      for (cut = word.length - minPart; !best.length && cut > minPart; cut--) {
        head = word.slice(0, cut);
        heads = [head].concat(LINKS.filter(function (link) {
          return head.length > minPart + 1 && head.slice(-1) === link;
        }).map(function () { return head.slice(0, -1); }));
        best = heads.filter(function (h) { return !notParts.has(h) && lemmas.has(h); }).slice(0, 1);
      }
      return best;
    }

    function lemmasOf(words) {
      var keys = new Set();
      words.forEach(function (word) { (lemmas.get(word) || []).forEach(function (l) { keys.add(l); }); });
      keys.forEach(function (key) { if (bases.has(key)) keys.add(bases.get(key)); });
      return keys;
    }

    /* The indexed words a typed word stands for, each with its weight. */
    function expansions(word, has, unknown, vocabulary) {
      var terms = new Map();
      function add(term, boost) { if (has(term) && !(terms.get(term) >= boost)) terms.set(term, boost); }
      function addKey(key, boost) {
        add(key, boost);
        (own.get(key) || []).forEach(function (term) { add(term, boost); });
        (parts.get(key) || []).forEach(function (term) { add(term, boost * PART); });
      }
      var keys = lemmasOf([word]);
      if (!keys.size && unknown) {  /* a noun made from a verb the site has: "anmeldelse" -> "anmelde" */
        keys = lemmasOf(forms.derivations.filter(function (d) {
          return word.length > d[0].length + minPart && word.slice(-d[0].length) === d[0];
        }).map(function (d) { return word.slice(0, -d[0].length) + d[1]; }));
      }
      if (!keys.size && unknown) {  /* the site's own word with an ending: "arbejdsmailen" */
        for (var cut = word.length - 1; cut > minPart && cut >= word.length - 4; cut--)
          if (has(word.slice(0, cut))) { addKey(word.slice(0, cut), 1); return terms; }
      }
      if (!keys.size && unknown && word.length > minPart) {  /* one letter wrong */
        var near_ = [];
        lemmas.forEach(function (of, form) { if (near(word, form)) near_.push(form); });
        keys = lemmasOf(near_);
      }
      keys.forEach(function (key) { addKey(key, 1); });
      if (!keys.size && forms.compounds)  /* a compound the site does not have: its parts */
        lemmasOf(split(word, 3)).forEach(function (key) { addKey(key, PART); });
      /* Still nothing: the site's words that share all but its last few letters, as a stemmer
         would ("defamation" -> "defamatory", "whistleblower" -> "whistleblowing"). */
      for (cut = word.length - 1; unknown && !terms.size && cut >= Math.max(minPart + 2, word.length - 4); cut--) {
        var stem = word.slice(0, cut);
        vocabulary().forEach(function (term) { if (term.indexOf(stem) === 0) add(term, PART); });
      }
      return terms;
    }

    lunr.Index.prototype.search = function (queryString) {
      var index = this, words = [], stop = [], owner = new Map();
      var has = function (term) { return Object.prototype.hasOwnProperty.call(index.invertedIndex, term); };
      var vocabulary = function () { return index.guideTerms || (index.guideTerms = Object.keys(index.invertedIndex)); };
      var results = this.query(function (query) {
        new lunr.QueryParser(queryString, query).parse();
        var optional = query.clauses.filter(function (clause) {
          return clause.presence === lunr.Query.presence.OPTIONAL;
        });
        var bare = function (clause) { return clause.term.replace(/\*/g, ""); };
        var content = optional.some(function (clause) { return keeps(bare(clause)); });
        optional.forEach(function (clause) {
          var word = bare(clause);
          /* A stop word beside other words is left out: it is on nearly every page, and its
             wildcard finds words it merely begins ("til" -> "tilgængelighed"). */
          if (!keeps(word)) {
            stop.push(word);
            if (content) { query.clauses.splice(query.clauses.indexOf(clause), 1); return; }
          }
          /* A word of one or two letters beside others is a whole word ("må", "af"), not the start
             of every word it begins. */
          if (word.length < minPart) { if (optional.length > 1) clause.term = word; return; }
          words.push(word);
          var unknown = !lemmas.has(word) && !has(word), terms = expansions(word, has, unknown, vocabulary);
          terms.forEach(function (boost, term) {
            if (term.indexOf(word) === 0 || owner.has(term)) return;
            owner.set(term, word);
            query.clause({ term: term, fields: clause.fields, boost: boost, usePipeline: false,
                           wildcard: lunr.Query.wildcard.NONE });
          });
          if (unknown && !terms.size && word.length > minPart + 1)
            query.clause({ term: word, fields: clause.fields, usePipeline: false, editDistance: 1 });
        });
      });
      /* Report each match under the typed word, so Material counts it as found and highlights it;
         a stop word left out ("av", "og") is not reported missing either. */
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
