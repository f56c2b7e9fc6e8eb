"""The synthetic repositories `make bench` builds: valid content, and the national one sharing three model texts."""

from __future__ import annotations

from pathlib import Path

import yaml
from checking import errors
from model_text_sites import FIXTURE, model_text_repo
from publisher.commands.bench_model_texts import TOPICS, WORDING
from publisher.commands.bench_sources import NATIONAL, synthesise
from publisher.model.organisations import load_catalogue
from publisher.model.translations import organisation_status

ROOT = Path(__file__).resolve().parents[1]


def test_the_national_repository_adopts_three_model_texts_with_each_bodys_values(tmp_path: Path) -> None:
    repo = synthesise(ROOT, tmp_path / "repo", 3, NATIONAL)
    docs = repo / "docs"
    assert errors(repo) == []
    adoptions = yaml.safe_load((docs / "adoptions.yml").read_text(encoding="utf-8"))
    orgs = ["synthetic-000", "synthetic-001", "synthetic-002"]
    for topic in TOPICS:
        assert sorted(adoptions[topic][WORDING]) == orgs
    adopted = yaml.safe_load((docs / "_adopted/synthetic-001.yml").read_text(encoding="utf-8"))
    assert adopted[f"{TOPICS[0]}/{WORDING}"]["nn"]["values"]["navn"] == "Synthetic organisation 001"
    assert "changes" in yaml.safe_load((docs / "_adopted/synthetic-000.yml").read_text(encoding="utf-8"))[
        f"{TOPICS[0]}/{WORDING}"]["nb"]  # every third body changes a list item
    for language in NATIONAL:
        page = (docs / "synthetic-001" / f"index.{language}.md").read_text(encoding="utf-8")
        assert f'--8<-- "{TOPICS[2]}/{WORDING}.{language}.md"' in page
    # Every translation is current, the ones the bench wrote and the model's own English pages alike.
    catalogue = load_catalogue(docs)
    assert {status.state for org in orgs for status in organisation_status(catalogue, org)} == {"current"}


def test_the_copies_keep_the_topics_of_a_model_texts_sections(tmp_path: Path) -> None:
    """`section_topics` beside a wording's adopters names no organisation: kept as it is, never copied as one."""
    adoptions = (FIXTURE / "docs/adoptions.yml").read_text(encoding="utf-8").replace(
        "  felles-modell:\n", "  felles-modell:\n    section_topics: {facebook: channels}\n")
    source = model_text_repo(tmp_path / "source", {"adoptions.yml": adoptions})
    (source / "requirements.txt").write_text("", encoding="utf-8")  # copied into the bench's repository
    docs = synthesise(source, tmp_path / "repo", 3) / "docs"
    written = yaml.safe_load((docs / "adoptions.yml").read_text(encoding="utf-8"))["strategy-and-purpose"]
    assert written["felles-modell"]["section_topics"] == {"facebook": "channels"}
    catalogue = load_catalogue(docs)
    assert catalogue.adoptions.findings == ()
    assert catalogue.adoptions.adopters("strategy-and-purpose", "felles-modell") == [
        "synthetic-000", "synthetic-001", "synthetic-002"]
    assert catalogue.adoptions.sections_about("channels") == [("strategy-and-purpose", "felles-modell", "facebook")]
