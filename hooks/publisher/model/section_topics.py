"""The topics a model text's sections are about, beside its adopters in `docs/adoptions.yml`.

A model text that spans several topics names, per section, the topic that section is about; the
section then also shows on that topic's page (render/topic_pages.py):

    strategy-and-purpose:
      felles-modell:
        section_topics: {facebook: channels}   # section -> topic id from docs/topics.yml
        fjellvik: {where: "..."}

The key has an underscore, which no organisation id may have (model/organisation_entry.py ORG_ID), so it
never stands for an adopter. Plain data and functions; no MkDocs import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..files.yamlsource import Located

SECTION_TOPICS = "section_topics"


def read_section_topics(located: Located, finding: Callable[[int, str], None], topic: str, wording: str,
                        raw: Any, known_sections: list[str] | None, topics: Iterable[str]) -> dict[str, str]:
    """`section_topics` of one wording as {section: topic}; every entry that is wrong is a finding instead."""
    name = f"{topic}/{wording}"
    if not isinstance(raw, dict) or not raw:
        finding(located.line(topic, wording, SECTION_TOPICS),
                f"'{SECTION_TOPICS}' of '{name}' maps each section to the topic it is about, e.g. "
                f"'{SECTION_TOPICS}: {{facebook: channels}}'")
        return {}
    topics = list(topics)
    found = {}
    for section, about in raw.items():
        section, about = str(section), str(about)
        line = located.line(topic, wording, SECTION_TOPICS, section)
        if known_sections is not None and section not in known_sections:
            finding(line, f"wording '{name}' has no section '{section}'; its sections: "
                          f"{', '.join(known_sections) or 'none (a wording without sections is about its own topic)'}")
        elif about == topic:
            finding(line, f"section '{section}' of '{name}' is about '{topic}' already, the wording's own topic; "
                          f"leave it out of '{SECTION_TOPICS}'")
        elif about not in topics:
            finding(line, f"unknown topic '{about}' for section '{section}' of '{name}'; add it to docs/topics.yml "
                          f"or use one of: {', '.join(topics)}")
        else:
            found[section] = about
    return found
