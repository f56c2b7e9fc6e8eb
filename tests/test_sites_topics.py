"""Topic assignments of the real sites: every passage on a topic is reachable from the topic's page.

A topic is assigned by concept, not by keyword: Region Nordjylland's "graden af fortrolighed" is about
confidentiality. Each row names a passage (the organisation's own words, as its source page has them)
and the topic it is about; the topic's page, in the organisation's language and in English, must link
the page that holds it. The rows are the assignments issue 23's check found missing, and the two the
issue gave as examples.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from publisher.model.organisations import load_catalogue
from publisher.model.sources import read_source
from publisher.render.topic_pages import render_topic_pages

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = load_catalogue(ROOT / "docs")

PASSAGES = [  # (topic, organisation, page, the passage's words on its source page)
    ("confidentiality", "region-nordjylland", "indhold-og-kanaler",
     "Før vi går i dialog, overvejer vi altid graden af fortrolighed."),
    ("confidentiality", "moskenes", "privat-bruk", "må man følgelig være svært bevisst taushetsbelagte emner"),
    ("confidentiality", "moskenes", "felles-grunnlag", "Især må man være varsom ved sensitive og taushetsbelagte"),
    ("private-and-work-role", "kalundborg", "index",
     "grænsefladerne mellem det offentlige rum og privatsfæren er flydende"),
    ("official-accounts", "moskenes", "felles-grunnlag",
     "om rådmannen gir tillatelse til å bruke sosiale medier til det formålet man planlegger"),
    ("official-accounts", "moskenes", "felles-grunnlag", "bygger opp en profil/konto med funksjonell nettarkitektur"),
    ("channels", "moskenes", "pa-vegne-av-kommunen", "hvilke mediekanaler egner seg for dette"),
    ("channels", "moskenes", "pa-vegne-av-kommunen", "De avgjør også hvilke kanaler som skal benyttes"),
    ("private-and-work-role", "moskenes", "pa-vegne-av-kommunen",
     "medarbeidere ikke anledning til å gi egne kommentarer utover kommunens offisielle budskap"),
    ("private-and-work-role", "moskenes", "pa-vegne-av-kommunen",
     "Gjør det tydelig at du og profilsiden/kontoen representerer Moskenes kommune"),
    ("official-accounts", "sunndal", "index",
     "Sunndal kommune ønsker å være tilstede på arenaer der brukerne og interessentene våre er."),
    ("channels", "region-nordjylland", "baggrund",
     "Vi skal være på mange medier, fordi vi derved dækker vores målgruppe optimalt"),
    ("crisis-communication", "region-nordjylland", "formaal",
     "Øget tilgængelighed handler også om håndtering af krisesager."),
    ("official-accounts", "region-nordjylland", "formaal",
     "alt efter om der er tale om fælles sider, institutionssider eller kampagnesider"),
    ("channels", "region-nordjylland", "formaal",
     "Set som supplement til de øvrige traditionelle kanaler og medier som presse og annoncering."),
    ("strategy-and-purpose", "region-nordjylland", "redaktionel-organisering",
     "Hver social medie-ansvarlig opsætter relevante kvalitative eller kvantitative mål"),
    *[("strategy-and-purpose", "region-nordjylland", channel, "## Formål")
      for channel in ("facebook", "linkedin", "twitter", "instagram")],
    *[("conduct-and-tone", "region-nordjylland", channel, "kommunikerer vi partipolitisk neutralt")
      for channel in ("facebook", "linkedin", "twitter", "instagram")],
]


@cache
def topic_pages() -> dict[str, str]:
    return render_topic_pages(CATALOGUE, ROOT / "overrides")


@pytest.mark.parametrize(("topic", "org_id", "base", "words"), PASSAGES)
def test_a_passage_on_a_topic_is_reachable_from_the_topics_page(topic: str, org_id: str, base: str, words: str) -> None:
    org = CATALOGUE.organisation(org_id)
    source = read_source(CATALOGUE.org_dir(org_id) / f"{base}.{org.source_language}.md", f"{base}.md")
    assert words in source.body, f"the passage is no longer on {org_id}/{base}: check its topics again"
    for language in (org.source_language, "en"):
        folder = org_id if language == org.source_language else f"{org_id}/{language}"
        page = topic_pages()[f"topics/{topic}.{language}.html"]
        assert f'href="../{folder}/{base}.html"' in page, (topic, language, org_id, base)


def test_a_translation_names_the_topics_of_its_source() -> None:
    """The topic pages read the source page's `topics:`; a translation that lists others misleads its editor."""
    for org in CATALOGUE.organisations.values():
        for source in CATALOGUE.org_dir(org.id).glob(f"*.{org.source_language}.md"):
            base = source.name.removesuffix(f".{org.source_language}.md")
            for language in org.translations:
                translation = source.with_name(f"{base}.{language}.md")
                topics = read_source(source, source.name).front_matter.get("topics")
                assert read_source(translation, translation.name).front_matter.get("topics") == topics, translation
