"""The languages of the sites: `docs/languages.yml`, its labels and the check of every label.

Its own module because every organisation entry names its languages from this file, and the
labels a language must give are one list that the translations check and the pages share.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..files.findings import Finding, PublisherError, display_path
from ..files.yamlsource import load_located_file
from .document_facts import FACT_KEYS
from .label_rules import label_problem

LANGUAGES_FILE = "languages.yml"

# Labels of the editions page, the change view and the notices about unapproved changes (editions.py).
EDITION_LABELS = (
    "editions_title", "editions_intro", "edition_name", "edition_in_force", "edition_current", "edition_period",
    "edition_period_open", "edition_recorded_period", "edition_recorded_period_open", "edition_recorded",
    "edition_note", "edition_pdf", "edition_compare",
    "unapproved_notice", "unapproved_pages", "translation_changed_notice", "changes_title", "changes_intro",
    "diff_added", "diff_removed", "diff_changed", "diff_page_added", "diff_page_removed", "diff_unchanged",
    "diff_words_added", "diff_words_removed", "changes_appendix",
)
# Kinds of editorial change recorded in docs/_editorial/<org>.yml; labels `change_<kind>`.
CHANGE_KINDS = ("typo", "grammar", "placeholder_link", "moved", "title", "artefact", "summary", "heading")
# Labels of model texts: the note under a passage other bodies adopt too (passage_labels.py), and a
# shared model text on its topic page (overrides/portal/_model_text.html).
MODEL_TEXT_LABELS = (
    "model_text_shared", "model_text_shared_changed", "model_text_more", "topic_model_text", "topic_blanks",
    "topic_values", "topic_changes", "topic_no_changes", "topic_change_replaced", "topic_change_removed",
    "topic_change_added", "topic_section_of",
)
LANGUAGE_LABELS = (
    "name", "theme", "search", "download_pdf", "accessibility_statement",
    "contact", "owner", "last_updated", "review_by",
    "feedback", "portal_title", "languages", "country", "stale_notice", "untranslated_notice",
    "contents", "page_x_of_y", "statement_intro", "statement_service", "statement_contact", "statement_contact_missing",
    "phone", "written",
    "skip_to_content", "and", "about_title", "about_intro", "about_document",
    "about_facts_none", "editorial_changes", "editorial_intro", "editorial_none", "editorial_records", "change_page",
    "change_kind",
    "change_original", "change_published", "translation_notice", "whole_document", "topics_title", "topic_intro",
    "topic_text_from", "topic_where", "topic_shown_on", "topic_also", "topic_mentions", "all_organisations",
    "draft", "draft_notice", "statement_service_no_domain",
    "palette_dark", "palette_light", "permalink", "theme_header", "theme_footer", "theme_consent_reject",
    *EDITION_LABELS, *MODEL_TEXT_LABELS,
    *(f"fact_{key}" for key in FACT_KEYS), *(f"change_{kind}" for kind in CHANGE_KINDS),
)


@dataclass(frozen=True)
class Language:
    code: str
    labels: dict[str, str]
    names: dict[str, str]  # every language's name in this language, e.g. {"da": "Danish"}

    @property
    def name(self) -> str:
        return self.labels["name"]

    @property
    def search(self) -> str:
        return self.labels["search"]

    @property
    def theme(self) -> str:
        return self.labels["theme"]



def text_or_none(value: Any) -> str | None:
    """`value` when it is text that is not blank, else None."""
    return value if isinstance(value, str) and value.strip() else None


def load_languages(path: Path, root: Path) -> dict[str, Language]:
    located = load_located_file(path, display_path(path, root))
    findings: list[Finding] = []
    languages: dict[str, Language] = {}
    if not isinstance(located.data, dict):
        raise PublisherError([Finding(located.path, 1, "expected a mapping of language codes")])
    for code, labels in located.data.items():
        if not isinstance(labels, dict):
            findings.append(Finding(located.path, located.line(code), f"language '{code}' must be a mapping of labels"))
            continue
        missing = [key for key in LANGUAGE_LABELS if not text_or_none(labels.get(key))]
        if missing:
            findings.append(Finding(
                located.path, located.line(code),
                f"language '{code}' is missing the label(s) {', '.join(missing)}; add them as text",
            ))
            continue
        names = labels.get("language_names")
        if not isinstance(names, dict):
            findings.append(Finding(located.path, located.line(code, "language_names") or located.line(code),
                                    f"language '{code}' needs 'language_names', e.g. {{da: Danish, en: English}}"))
            continue
        bad = [Finding(located.path, located.line(code, *keys), f"label '{'.'.join(keys)}' of language '{code}' "
                                                                 f"{problem}")
               for keys, value in _label_texts(labels) if (problem := label_problem(keys[-1], value))]
        if bad:
            findings.extend(bad)
            continue
        texts = {k: str(v) for k, v in labels.items() if k != "language_names"}
        languages[str(code)] = Language(str(code), texts, {str(k): str(v) for k, v in names.items()})
    if findings:
        raise PublisherError(findings)
    return languages


def _label_texts(labels: dict[str, Any]) -> list[tuple[tuple[str, ...], str]]:
    """Every text of one language's labels, by key path: the labels and the names under `language_names`."""
    texts: list[tuple[tuple[str, ...], str]] = []
    for key, value in labels.items():
        if key == "language_names" and isinstance(value, dict):
            texts.extend((("language_names", str(k)), v) for k, v in value.items() if isinstance(v, str))
        elif isinstance(value, str):
            texts.append(((str(key),), value))
    return texts
