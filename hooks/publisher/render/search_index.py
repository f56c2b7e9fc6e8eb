"""The search files a site is built with: Material's worker found, and the index split in two.

What Material fetches at page load keeps only the index's configuration; the documents and their
word forms (search_forms.py) go to DATA_FILE, which our worker loads when search is first used.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from .search_forms import index_data, load_forms, tokens

WORKER = "assets/javascripts/workers/guide-search.js"  # ours: overrides/assets/javascripts/workers/
MATERIAL_WORKER = "assets/javascripts/workers/search.*.min.js"
DATA_FILE = "search_data.js"  # beside search_index.json; read by our worker when search is first used


def material_worker(theme_dirs: Iterable[str]) -> str | None:
    """The path of Material's own search worker (its name carries a hash that changes per release)."""
    for directory in theme_dirs:
        found = sorted(Path(directory).glob(MATERIAL_WORKER))
        if found:
            return found[0].relative_to(directory).as_posix()
    return None


def split_index(search_dir: Path, language: str, worker: str) -> tuple[int, int]:
    """Move the written index's documents, with their word forms, into DATA_FILE.

    What is left in search_index.json (fetched by Material at page load) is its configuration:
    the documents, word forms and Material's worker are loaded only when search is first used.
    Returns the bytes loaded at page load before and after.
    """
    index_file = search_dir / "search_index.json"
    before = index_file.read_text(encoding="utf-8")
    index = json.loads(before)
    docs = index["docs"]
    forms = load_forms(language)
    data: dict[str, object] = {"docs": docs}
    if forms is not None:
        words = [word for doc in docs for name in ("title", "text") for word in tokens(doc.get(name) or "")]
        data["forms"] = index_data(forms, words, language)
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    (search_dir / DATA_FILE).write_text(f"self.__guide_search={payload};\n", encoding="utf-8")
    index["config"]["guide_search"] = {"data": f"search/{DATA_FILE}", "worker": Path(worker).name}
    index["docs"] = []
    after = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    index_file.write_text(after, encoding="utf-8")
    script = search_dir / "search_index.js"  # the offline plugin's copy, for file://
    if script.is_file():
        script.write_text(f"var __index = {after}", encoding="utf-8")
    return len(before.encode()), len(after.encode())


def read_documents(search_dir: Path) -> list[dict[str, str]]:
    """The documents of a built site's search index, wherever split_index put them."""
    text = (search_dir / DATA_FILE).read_text(encoding="utf-8")
    return json.loads(text[text.index("=") + 1:].rstrip().rstrip(";"))["docs"]
