"""What a label in `docs/languages.yml` may hold: plain text, and only the placeholders the code fills in.

Labels reach every page, the search index and the PDFs (the page counter is written into a <style>
element), so each is plain text like any other field (fields.plain_text_problem). A label with
placeholders is filled in with `str.format`: a name the code does not pass fails the build with a
KeyError, and `{topic.__class__}` would print Python internals. So each label may name only the
placeholders its `.format(...)` call passes (LABEL_PLACEHOLDERS), written `{name}`, nothing more.
"""

from __future__ import annotations

import string

from .fields import MAX_NOTE, plain_text_problem

# Label -> the names its `.format(...)` call passes, as the code fills it in. Every other label is
# printed as it is written and takes no placeholder.
LABEL_PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "stale_notice": ("source", "date"),  # translations.notice_text
    "untranslated_notice": ("source", "target"),  # translations.notice_text
    "page_x_of_y": ("page", "pages"),  # pdf.css_counter_text
    "statement_intro": ("org",),  # overrides/statement/accessibility.md
    "statement_service": ("domain", "service"),  # overrides/statement/accessibility.md
    "statement_service_no_domain": ("service",),  # overrides/statement/accessibility.md
    "statement_contact_missing": ("org",),  # overrides/statement/accessibility.md
    "model_text_shared": ("others",),  # passage_labels.labeller
    "model_text_shared_changed": ("others",),  # passage_labels.labeller
    "model_text_more": ("name", "count"),  # passage_labels.others_text
    "topic_model_text": ("names",),  # overrides/portal/_model_text.html
    "translation_notice": ("source",),  # about.translation_notice
    "edition_name": ("name",),  # about.edition_view, site_config
    "edition_period": ("start", "end"),  # editions.period_text
    "edition_period_open": ("start",),  # editions.period_text
    "edition_recorded_period": ("start", "end"),  # editions.period_text
    "edition_recorded_period_open": ("start",),  # editions.period_text
    "edition_pdf": ("name", "language"),  # about.edition_view
    "edition_compare": ("name",),  # about.edition_view
    "unapproved_notice": ("name",),  # editions.notices
    "translation_changed_notice": ("name", "source"),  # editions.notices
    "changes_title": ("previous", "name"),  # changes.changes_title, edition_writing
}


def _names(allowed: tuple[str, ...]) -> str:
    return ", ".join(f"{{{name}}}" for name in allowed)


def placeholder_problem(key: str, value: str) -> str | None:
    """Why the placeholders of label `key` cannot be filled in, or None."""
    allowed = LABEL_PLACEHOLDERS.get(key, ())
    can = f"it may use {_names(allowed)}" if allowed else "it takes no placeholders"
    try:
        parsed = list(string.Formatter().parse(value))
    except ValueError:
        parsed = [("{", None, None, None)]
    if any("{" in text or "}" in text for text, *_ in parsed):  # a stray brace, or '{{' written for one
        return f"has a '{{' or '}}' that is not part of a placeholder; {can}, and braces are not text here"
    fields = [(name, spec, conversion) for _, name, spec, conversion in parsed if name is not None]
    for name, spec, conversion in fields:
        written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
        if not name or name.isdigit():
            return f"has the placeholder '{written}' without a name; {can}"
        if "." in name or "[" in name or spec or conversion:
            return f"has the placeholder '{written}'; write a placeholder as a bare name, {can}"
        if name not in allowed:
            return f"has the placeholder '{written}', which is never filled in; {can}"
    return None


def label_problem(key: str, value: str) -> str | None:
    """Why `value` cannot be the label `key`, or None: plain text, with only the placeholders of that label."""
    return plain_text_problem(value, MAX_NOTE) or placeholder_problem(key, value)
