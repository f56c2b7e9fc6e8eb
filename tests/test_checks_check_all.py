"""The checks as a whole (publisher.checks.check_all): a clean fixture, the real content, every error of a run
reported at once, and the build stopping with the same messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from checking import FM_DA, FM_EN, findings
from publisher.checks import check_all
from publisher.checks.report import print_report
from publisher.model.organisations import load_catalogue
from publisher.pipeline.whole import BuildFailed, build_all


def test_fixture_is_clean(fixture_repo) -> None:
    assert findings(fixture_repo()) == []


def test_several_errors_in_several_files_reported_in_one_run(fixture_repo) -> None:
    root = fixture_repo({
        "testby/index.da.md": "---\ntitle: Forside\nowner: HR\nreview_by: 2027-01-01\n---\n\nSe [x](#).\n",
        "testby/regler.da.md": FM_DA + "## Tavshedspligt {#tavshed}\n\n--8<-- \"confidentiality/nope.da.md\"\n",
        "testby/regler.en.md": FM_EN + "## Confidentiality {#tavshed}\n\n[a](regler.md#nowhere)\n",
    })
    report = check_all(load_catalogue(root / "docs"))
    assert [(f.path, f.line) for f in report.errors] == [
        ("docs/testby/index.da.md", 7),
        ("docs/testby/regler.da.md", 10),
        ("docs/testby/regler.en.md", 9),  # line 5 is the recorded source_hash
    ]
    lines: list[str] = []
    print_report(report, "summary", lines.append, environ={"GITHUB_ACTIONS": "true"})
    annotations = [line for line in lines if line.startswith("::")]
    assert annotations[0] == ("::error file=docs/testby/index.da.md,line=7::placeholder link '[x](#)': link to a "
                              "real page or heading, or write the words as plain text")
    assert len(annotations) == 4  # and the warning that the adopted wording is shown nowhere (yet)


def test_build_fails_with_the_same_messages(fixture_repo) -> None:
    root = fixture_repo({"testby/index.da.md": "---\ntitle: Forside\nowner: HR\nreview_by: 2027-01-01\n---\n\n"
                                               "Se [x](#) og [y](regler.md#nej).\n"})
    with pytest.raises(BuildFailed) as failed:
        build_all(root, root / "site", progress=lambda line: None)
    problems = "\n".join(failed.value.failures[0].problems)
    assert failed.value.failures[0].language == "da"
    assert ("docs/testby/index.da.md:7: error: placeholder link '[x](#)': link to a real page or heading, "
            "or write the words as plain text") in problems
    assert "docs/testby/index.da.md:7: error: anchor '#nej' does not exist in docs/testby/regler.da.md" in problems


def test_real_content_has_no_error() -> None:
    root = Path(__file__).resolve().parents[1]
    report = check_all(load_catalogue(root / "docs"))
    assert [str(f) for f in report.errors] == []
