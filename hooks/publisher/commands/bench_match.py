"""`make bench`'s matcher figure: one document matched against many bodies (target: 500 in ≤ 2 s).

Synthetic and fictional: every body publishes three pages, one of which carries a model text with
its own name put in and one local change; the document is a new body's that reuses the model text.
"""

from __future__ import annotations

import time

from ..model.matching import Index, Text, markdown_items, names_of

MATCH_TARGET_S = 2.0
MODEL = ("# Formål\n\n{name} bruker sosiale medier for å:\n\n- informere innbyggerne om det som skjer i {short}\n"
         "- gjøre tjenestene {short} tilbyr kjent\n- ivareta {short}s omdømme\n- svare raskt på spørsmål\n\n"
         "## Facebook\n\nFacebook er kommunens viktigste kanal for nyheter. Vi legger ut saker hver uke. "
         "Vi svarer innen {days} virkedager.\n")
OTHER = ("# Side {page} for {name}\n\nDette er tekst nummer {page} fra {short} om emne {n}. Den handler om ting som "
         "bare gjelder {short}. Ansatte i enhet {n} leser den hver uke.\n\n- punkt {n} a\n- punkt {n} b\n")


def _body(n: int) -> list[Text]:
    name, short = f"Testvik{n} kommune", f"Testvik{n}"
    names = names_of(name, f"testvik{n}.kommune.no")
    pages = [MODEL.format(name=name, short=short, days=2 + n % 3)]
    pages += [OTHER.format(page=page, name=name, short=short, n=n * 10 + page) for page in (1, 2)]
    return [Text(f"docs/testvik{n}/side{i}.nb.md", tuple(markdown_items(page)), names)
            for i, page in enumerate(pages)]


def measure(bodies: int = 500) -> dict[str, float]:
    """Seconds to index `bodies` bodies' pages and to match one document against them, and what it found."""
    texts = [text for n in range(bodies) for text in _body(n)]
    document = _body(bodies)[0]
    started = time.perf_counter()
    index = Index(texts)
    indexed = time.perf_counter()
    passages = index.match(document)
    matched = time.perf_counter()
    return {"bodies": bodies, "index_s": indexed - started, "match_s": matched - indexed,
            "total_s": matched - started, "passages": len(passages)}
