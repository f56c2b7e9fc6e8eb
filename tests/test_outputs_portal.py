"""outputs/portal.py: the portal page rendered with the real overrides/portal/index.html from a tiny
catalogue (the fixture organisation and a Norwegian one), and its own assets. No build."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import FIXTURE_ORGANISATIONS, ROOT, make_repo
from publisher.model.organisations import Catalogue, load_catalogue
from publisher.outputs.portal import (
    FAVICON,
    PORTAL_FONTS,
    render_portal,
    write_portal_assets,
)
from publisher.render.branding import wordmark_svg

BAKKE = """\
  bakke:
    name: bakke kommune & co
    country: "NO"
    languages: [nb, en]
    palette: {primary: "#1d4f7c", accent: "#a3461a"}
    document: {title: Bakkes regler & råd, title_translations: {en: Bakke's rules}}
    nav: [index.md]
    status: ready
"""


@pytest.fixture
def catalogue(tmp_path: Path) -> Catalogue:
    """Two organisations; topic names of the test's own (docs/topics.yml is content)."""
    root = make_repo(tmp_path / "repo", {"bakke/index.nb.md": "---\ntitle: Forside\n---\n\nHei.\n",
                                         "bakke/index.en.md": "---\ntitle: Home\n---\n\nHi.\n"},
                     FIXTURE_ORGANISATIONS + BAKKE)
    catalogue = load_catalogue(root / "docs")
    return dataclasses.replace(catalogue, topics={"confidentiality": {"en": "Silence & secrecy"},
                                                  "threats": {"en": "Threats"}})


def row(catalogue: Catalogue, org_id: str, sites: str) -> str:
    org = catalogue.organisations[org_id]
    return (f'      <tr id="{org_id}">\n'
            f'        <td><span class="wordmark">{wordmark_svg(org, decorative=True)}</span>\n'
            f'            <a href="{org_id}/index.html" hreflang="{org.source_language}"><strong>'
            f'{org.name.replace("&", "&amp;")}</strong></a>\n'
            f'            <span class="doc" lang="{org.source_language}">{org.document.title.replace("&", "&amp;")}'
            f'</span></td>\n{sites}      </tr>\n')


def test_organisations_sorted_by_name_with_their_sites_and_pdfs(catalogue: Catalogue) -> None:
    name = {code: catalogue.languages[code].name for code in ("da", "nb", "en")}
    html = render_portal(catalogue, ROOT / "overrides", {"testby/da": "testby/pdf/testby-da.pdf"})
    bakke = row(catalogue, "bakke", f"""\
        <td>Norway</td>
        <td><ul>
          <li><a href="bakke/index.html" hreflang="nb"><span lang="nb">{name["nb"]}</span></a></li>
          <li><a href="bakke/en/index.html" hreflang="en"><span lang="en">{name["en"]}</span></a></li>
        </ul></td>
""")
    testby = row(catalogue, "testby", f"""\
        <td>Denmark</td>
        <td><ul>
          <li><a href="testby/index.html" hreflang="da"><span lang="da">{name["da"]}</span></a> · \
<a href="testby/pdf/testby-da.pdf" hreflang="da" type="application/pdf"
             aria-label="PDF: Testby Kommune, {catalogue.languages["en"].names["da"]}">PDF</a></li>
          <li><a href="testby/en/index.html" hreflang="en"><span lang="en">{name["en"]}</span></a></li>
        </ul></td>
""")
    assert f"    <tbody>\n{bakke}{testby}    </tbody>\n" in html  # 'bakke' before 'Testby': case does not sort
    assert "kommune & co" not in html and "regler & råd" not in html  # every '&' of the data is escaped


def test_topics_link_their_page_in_every_published_language(catalogue: Catalogue) -> None:
    name = {code: catalogue.languages[code].name for code in ("da", "nb", "en")}
    html = render_portal(catalogue, ROOT / "overrides")
    # Only confidentiality has a wording (adopted by testby); threats is named by no page.
    assert f"""\
  <ul>
    <li>Silence &amp; secrecy:
      <a href="topics/confidentiality.da.html" hreflang="da" lang="da">{name["da"]}</a> ·
      <a href="topics/confidentiality.nb.html" hreflang="nb" lang="nb">{name["nb"]}</a> ·
      <a href="topics/confidentiality.en.html" hreflang="en">{name["en"]}</a></li>
  </ul>""" in html
    assert "Threats" not in html and "PDF" not in html


def test_no_topics_no_topic_section(catalogue: Catalogue) -> None:
    html = render_portal(dataclasses.replace(catalogue, topics={}), ROOT / "overrides")
    assert 'id="topics"' not in html
    assert html.endswith("</html>\n")


def test_write_portal_assets_copies_the_fonts_and_writes_the_favicon(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_portal_assets(ROOT / "overrides", site)
    fonts = ROOT / "overrides" / "assets" / "fonts"
    assert sorted(path.name for path in (site / "assets" / "fonts").iterdir()) == sorted([*PORTAL_FONTS, "OFL.txt"])
    for name in (*PORTAL_FONTS, "OFL.txt"):
        assert (site / "assets" / "fonts" / name).read_bytes() == (fonts / name).read_bytes()
    assert (site / "assets" / "images" / "favicon.svg").read_text(encoding="utf-8") == FAVICON
