"""What the box around a shared passage tells the reader, in the page's language.

"Trusler · tekst fra Kalundborg Kommune" says that this is the organisation's own text on the
topic; "Samme ordlyd bruges også af …" names the other bodies that adopted the same words.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model.organisations import Catalogue
from ..model.wordings import PassageRef
from .passages import PassageLabels


def join_names(names: list[str], and_word: str) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {and_word} {names[-1]}"


def labeller(catalogue: Catalogue, org_id: str, language: str) -> Callable[[PassageRef], PassageLabels]:
    """The labels for each passage an organisation's page includes, in `language`."""
    org = catalogue.organisation(org_id)
    labels = catalogue.languages[language].labels
    adoptions = catalogue.adoptions

    def label(ref: PassageRef) -> PassageLabels:
        topic = catalogue.topics.get(ref.topic, {}).get(language, ref.topic)
        others = [catalogue.organisations[other].name for other in adoptions.adopters(ref.topic, ref.wording)
                  if other != org_id and other in catalogue.organisations]
        shared = labels["passage_shared"].format(others=join_names(others, labels["and"])) if others else None
        return PassageLabels(labels["passage_title"].format(topic=topic, organisation=org.name), shared)

    return label
