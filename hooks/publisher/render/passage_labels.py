"""The note under a passage whose model text other bodies adopt too, in the page's language.

A passage only this organisation adopts gets no note: its site reads as its own document does.
Otherwise "Samme modeltekst som Kalundborg Kommune og 12 andre" (one or two bodies named, the rest
counted), "…, med lokale ændringer" where this organisation's text differs from the model text, linked
to the topic page that shows the model text and every adopter. Who wrote a model text is not said.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model.organisations import Catalogue
from ..model.wordings import PassageRef
from .passages import PassageNote
from .topic_pages import topic_page_name

NAMED = 2  # others named in a note; beyond that, one is named and the rest counted


def join_names(names: list[str], and_word: str) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {and_word} {names[-1]}"


def others_text(names: list[str], labels: dict[str, str]) -> str:
    """'A', 'A og B', or 'A og 12 andre'."""
    if len(names) <= NAMED:
        return join_names(names, labels["and"])
    return labels["model_text_more"].format(name=names[0], count=len(names) - 1)


def other_adopters(catalogue: Catalogue, org_id: str, ref: PassageRef) -> list[str]:
    """The names of the other published organisations (drafts are named nowhere) whose adoption holds the
    text `ref` shows, in adoption order."""
    ready = catalogue.ready
    return [ready[a.org_id].name for a in catalogue.adoptions.adoptions
            if (a.topic, a.wording) == (ref.topic, ref.wording) and a.org_id != org_id
            and a.org_id in ready and (ref.section is None or a.covers(ref.section))]


def topic_href(catalogue: Catalogue, org_id: str, language: str, topic: str) -> str:
    """The topic page from a page of the organisation's site in `language`: site/<org>/ holds its source
    language's pages, site/<org>/<language>/ the others', site/topics/ the topic pages."""
    up = "../" if language == catalogue.organisation(org_id).source_language else "../../"
    return up + topic_page_name(topic, language)


def labeller(catalogue: Catalogue, org_id: str, language: str,
             link: bool = True) -> Callable[[PassageRef, bool], PassageNote | None]:
    """The note for each passage an organisation's page includes, in `language`, given whether this
    organisation changed that text (`model.adopted.Filled.changed`); `link=False` (the PDF): no link."""
    labels = catalogue.languages[language].labels

    def note(ref: PassageRef, changed: bool = False) -> PassageNote | None:
        others = other_adopters(catalogue, org_id, ref)
        if not others:
            return None
        key = "model_text_shared_changed" if changed else "model_text_shared"
        text = labels[key].format(others=others_text(others, labels))
        return PassageNote(text, topic_href(catalogue, org_id, language, ref.topic) if link else None)

    return note
