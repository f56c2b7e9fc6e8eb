"""`make import ... ADOPT=1`: a model text found at import is adopted, with each body's values and changes.

Fictional bodies only (tests/fixtures/model-texts/README.md): Fjellvik is imported first; Strandå's document
shares the model text with Fjellvik's pages, so ADOPT=1 makes a model text of Fjellvik's words (its English
pages translated, so in English too) that both include; Lyngmo, the fourth document, then adopts that
model text with its own change. Near misses adopt nothing; two matching wordings stop the import.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from model_text_sites import model_text_repo
from publisher.checks import check_all
from publisher.commands.import_document import Adopt, import_organisation
from publisher.commands.new_org import new_organisation
from publisher.files.findings import PublisherError
from publisher.model.adopted import adopted_data
from publisher.model.coverage import own_pages
from publisher.model.matching import markdown_items
from publisher.model.organisations import load_catalogue

FIXTURES = Path(__file__).parent / "fixtures" / "model-texts"
TOPIC = "strategy-and-purpose"
BODIES = {"fjellvik": ("Fjellvik kommune", "fjellvik.kommune.no"),
          "strandaa": ("Strandå kommune", "stranda.kommune.no"), "lyngmo": ("Lyngmo kommune", "lyngmo.kommune.no"),
          "kvernes": ("Kvernes kommune", "kvernes.kommune.no")}
ENGLISH = {  # Fjellvik's own translation of its pages (fictional)
    "index": "Fjellvik kommune uses social media to:\n\n- tell residents what happens in Fjellvik\n"
             "- make the services Fjellvik offers known\n- protect Fjellvik's reputation\n"
             "- answer residents' questions quickly\n",
    "facebook": "Facebook is the municipality's main news channel. We post every week. Residents can send us "
                "messages. We answer within two working days.\n",
    "hvem-kan-opprette-en-offisiell-konto": "Only the communications unit can open official accounts. Units that "
                                            "want an account of their own must apply. The application is sent through "
                                            "the website (fjellvik.kommune.no).\n",
}
SHARED = {"informere innbyggerne om det som skjer i Lyngmo", "gjøre tjenestene og tiltakene Lyngmo tilbyr kjent",
          "ivareta Lyngmos omdømme", "gi raske svar på spørsmål fra innbyggerne",
          "Lyngmo kommune bruker sosiale medier for å:", "Facebook er kommunens viktigste kanal for nyheter.",
          "Vi legger ut saker hver uke.", "Innbyggerne kan sende oss meldinger.", "Vi svarer innen fem virkedager.",
          "Bare kommunikasjonsenheten kan opprette offisielle kontoer.",
          "Enheter som ønsker en egen konto, må søke om det.", "Søknaden sendes via hjemmesiden (lyngmo.kommune.no)."}


def quiet(line: str) -> None:
    pass


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "docs").rglob("*")) if p.is_file()}


def with_bodies(root: Path) -> Path:
    for org, (name, domain) in BODIES.items():
        new_organisation(root / "docs", org, name, ["nb", "en"], domain=domain)
    return root


@pytest.fixture
def bodies(fixture_repo, tmp_path: Path) -> Path:
    """Fjellvik imported and translated; Strandå imported with ADOPT=1; Lyngmo and Kvernes not yet imported."""
    root = with_bodies(fixture_repo())
    for org in ("fjellvik", "strandaa"):
        text = re.sub(r"^#+ ", "", (FIXTURES / f"{org}.nb.md").read_text(encoding="utf-8"), flags=re.M)
        (tmp_path / f"{org}.txt").write_text(text, encoding="utf-8")
    import_organisation(root / "docs", "fjellvik", tmp_path / "fjellvik.txt", out=quiet)
    for base, english in ENGLISH.items():
        page = root / "docs" / "fjellvik" / f"{base}.en.md"
        title = re.search(r"^title: (.*)$", page.read_text(encoding="utf-8"), re.M)[1]
        page.write_text(f"---\ntitle: {title}\n---\n\n{english}", encoding="utf-8")
    import_organisation(root / "docs", "strandaa", tmp_path / "strandaa.txt", out=quiet, adopt=Adopt(TOPIC))
    return root


def test_strandaa_and_fjellvik_share_a_new_model_text_that_reads_as_each_document(bodies: Path) -> None:
    docs = bodies / "docs"
    model = (docs / "_shared" / TOPIC / "fjellvik-model.nb.md").read_text(encoding="utf-8")
    assert "[[navn]] bruker sosiale medier for å:" in model and "([[domene]])" in model
    assert (docs / "fjellvik" / "facebook.nb.md").read_text(encoding="utf-8").endswith(
        '--8<-- "strategy-and-purpose/fjellvik-model.nb.md:facebook"\n')
    assert "[[navn]] uses social media to:" in (docs / "_shared" / TOPIC / "fjellvik-model.en.md").read_text(
        encoding="utf-8")
    catalogue = load_catalogue(docs)
    assert catalogue.adoptions.adopters(TOPIC, "fjellvik-model") == ["fjellvik", "strandaa"]
    strandaa = adopted_data(docs, "strandaa")
    assert strandaa.findings == ()
    filling = strandaa.fillings[(TOPIC, "fjellvik-model", "nb")]
    assert filling.values == {"navn": "Strandå kommune", "navn:kort": "Strandå", "navn:kort-genitiv": "Strandås",
                              "domene": "stranda.kommune.no"}
    assert [(c.kind, c.target, c.text) for c in filling.changes] == [
        ("replace", "ivareta [[navn:kort-genitiv]] omdømme", "ivareta og bygge [[navn:kort-genitiv]] omdømme"),
        ("add_after", "gi raske svar på spørsmål fra innbyggerne", "rekruttere nye medarbeidere"),
        ("replace", "Vi svarer innen to virkedager.", "Vi svarer innen tre virkedager.")]


def test_the_fourth_body_adopts_the_model_text_and_every_check_passes(bodies: Path) -> None:
    docs = bodies / "docs"
    lines: list[str] = []
    import_organisation(docs, "lyngmo", FIXTURES / "lyngmo.txt", out=lines.append, adopt=Adopt())
    assert "  adopted strategy-and-purpose/fjellvik-model (index, facebook, hvem-kan-opprette-en-offisiell-konto) on " \
           "index, facebook, hvem-kan-opprette-en-offisiell-konto: 4 value(s), 1 change(s)" in lines
    catalogue = load_catalogue(docs)
    assert from_model(docs) >= 0.9 * len(SHARED)
    assert adopted_data(docs, "lyngmo").findings == ()
    report = check_all(catalogue)
    assert [str(f) for f in report.errors] == []
    assert [str(f) for f in report.findings if "source document" in f.message] == []


def from_model(docs: Path) -> int:
    """How many of the passages Lyngmo shares with the model text its pages now say through an include."""
    catalogue = load_catalogue(docs)
    included = set()
    for page in own_pages(catalogue, catalogue.organisation("lyngmo")):
        written = (docs.parent / page.display).read_text(encoding="utf-8").split("\n")
        shown = [line for number, line in page.lines if "--8<--" in written[number - 1]]
        included |= {item.text for item in markdown_items("\n".join(shown))}
    return len(included & SHARED)


@pytest.mark.parametrize("near_miss", ["near-miss-same-topic.txt", "near-miss-generic.txt"])
def test_a_near_miss_adopts_nothing(bodies: Path, near_miss: str) -> None:
    docs = bodies / "docs"
    before = snapshot(bodies)
    lines: list[str] = []
    import_organisation(docs, "kvernes", FIXTURES / near_miss, out=lines.append, adopt=Adopt())
    assert "  nothing adopted: the document shares no passage with a wording or another organisation's pages" in lines
    after = snapshot(bodies)
    assert {name for name in after if name not in before or after[name] != before[name]} <= {
        "docs/organisations.yml", *(n for n in after if n.startswith(("docs/kvernes/", "docs/_sources/kvernes/",
                                                                      "docs/_editorial/kvernes")))}


def test_two_matching_wordings_adopt_neither_and_nothing_is_written(bodies: Path) -> None:
    docs = bodies / "docs"
    for language in ("nb", "en"):
        model = docs / "_shared" / TOPIC / f"fjellvik-model.{language}.md"
        (model.parent / f"copy.{language}.md").write_text(model.read_text(encoding="utf-8"), encoding="utf-8")
    before = snapshot(bodies)
    with pytest.raises(PublisherError) as error:
        import_organisation(docs, "lyngmo", FIXTURES / "lyngmo.txt", out=quiet, adopt=Adopt())
    assert str(error.value).startswith(
        "docs/adoptions.yml:1: error: ADOPT=1 found a passage that matches two different wordings, so it adopted "
        "neither and nothing was changed: docs/lyngmo/")
    assert "'strategy-and-purpose/copy'" in str(error.value) and "WORDING=<topic>/<wording>" in str(error.value)
    assert snapshot(bodies) == before
    import_organisation(docs, "lyngmo", FIXTURES / "lyngmo.txt", out=quiet,
                        adopt=Adopt(wording=f"{TOPIC}/fjellvik-model"))
    assert load_catalogue(docs).adoptions.adopters(TOPIC, "fjellvik-model") == ["fjellvik", "strandaa", "lyngmo"]


def test_without_adopt_nothing_becomes_shared(bodies: Path) -> None:
    docs = bodies / "docs"
    import_organisation(docs, "lyngmo", FIXTURES / "lyngmo.txt", out=quiet)
    assert not (docs / "_adopted" / "lyngmo.yml").exists()
    assert "lyngmo" not in load_catalogue(docs).adoptions.adopters(TOPIC, "fjellvik-model")


def test_a_new_model_text_needs_a_topic(fixture_repo, tmp_path: Path) -> None:
    root = with_bodies(fixture_repo())
    text = re.sub(r"^#+ ", "", (FIXTURES / "fjellvik.nb.md").read_text(encoding="utf-8"), flags=re.M)
    (tmp_path / "fjellvik.txt").write_text(text, encoding="utf-8")
    import_organisation(root / "docs", "fjellvik", tmp_path / "fjellvik.txt", out=quiet)
    before = snapshot(root)
    with pytest.raises(PublisherError) as error:
        import_organisation(root / "docs", "lyngmo", FIXTURES / "lyngmo.txt", out=quiet, adopt=Adopt())
    assert str(error.value).startswith(
        "docs/topics.yml:1: error: ADOPT=1 makes a new model text of what the document shares with 'fjellvik', and "
        "the pages of 'fjellvik' it shares name no topic, so nothing was changed: run the import again with "
        "TOPIC=<id>, one of confidentiality, friend-requests, ")
    assert snapshot(root) == before


def test_the_fourth_body_adopts_the_model_text_of_three_adopters(tmp_path: Path) -> None:
    """adopt-core's fixture site: Fjellvik, Strandå (bokmål) and Haugvik (nynorsk) adopt one model text whose
    blanks are named otherwise ([[kommune]], [[sted]], [[leder]]): Lyngmo's values are read from its own words
    where it shares a sentence with the model text, and every check passes."""
    root = model_text_repo(tmp_path / "repo")
    new_organisation(root / "docs", "lyngmo", "Lyngmo kommune", ["nb"], domain="lyngmo.kommune.no")
    lines: list[str] = []
    import_organisation(root / "docs", "lyngmo", FIXTURES / "lyngmo.txt", out=lines.append, adopt=Adopt())
    assert "  adopted strategy-and-purpose/felles-modell (formal, facebook, kontoer) on index, facebook, " \
           "hvem-kan-opprette-en-offisiell-konto: 4 value(s), 5 change(s)" in lines
    catalogue = load_catalogue(root / "docs")
    filling = adopted_data(root / "docs", "lyngmo").fillings[(TOPIC, "felles-modell", "nb")]
    assert filling.values == {"kommune": "Lyngmo kommune", "sted": "Lyngmo", "kommune:genitiv": "Lyngmos",
                              "domene": "lyngmo.kommune.no"}
    assert from_model(root / "docs") >= 0.9 * len(SHARED)
    report = check_all(catalogue)
    assert [str(f) for f in report.errors] == []
    assert [str(f) for f in report.findings if "source document" in f.message] == []


def test_english_values_that_are_no_names_are_left_to_the_editor(tmp_path: Path) -> None:
    root = model_text_repo(tmp_path / "repo")
    new_organisation(root / "docs", "lyngmo", "Lyngmo kommune", ["nb", "en"], domain="lyngmo.kommune.no")
    lines: list[str] = []
    import_organisation(root / "docs", "lyngmo", FIXTURES / "lyngmo.txt", out=lines.append, adopt=Adopt())
    assert "  English: add 'lyngmo''s English values for [[municipality]], [[municipality:genitive]], [[officer]], " \
           "[[officer:genitive]] under strategy-and-purpose/felles-modell → en → values in docs/_adopted/lyngmo.yml " \
           "(make check reports them until then)" in lines
    english = adopted_data(root / "docs", "lyngmo").fillings[(TOPIC, "felles-modell", "en")]
    assert english.values == {"place": "Lyngmo", "domain": "lyngmo.kommune.no"}  # as Fjellvik's names are in both
