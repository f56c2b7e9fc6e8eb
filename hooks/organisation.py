"""Select the organisation and language of this build and configure MkDocs for it.

Thin adapter: the settings come from `publisher.outputs.site_config`; this file only copies them
into MkDocs' configuration and adds the generated branding files.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from publisher.files.findings import PublisherError
from publisher.model.adopted import ADOPTED_DIR, filler
from publisher.model.organisations import load_catalogue
from publisher.outputs import site_config
from publisher.outputs.optimise import unused_theme_file
from publisher.pipeline import priority
from publisher.render import branding
from publisher.render.markdown_extensions import site_extension_configs
from publisher.render.passage_labels import labeller

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = get_plugin_logger(__name__)


@event_priority(priority("organisation", "on_config"))  # publisher.pipeline.SITE_BUILD says why
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # The configured docs_dir is the folder holding organisations.yml and every organisation.
    catalogue_dir = Path(config.extra.get("guide_catalogue_dir") or config.docs_dir)
    try:
        catalogue = load_catalogue(catalogue_dir)
        target = site_config.target_from_environment(catalogue)
    except PublisherError as error:
        raise PluginError(str(error)) from None

    config.extra["guide_catalogue_dir"] = str(catalogue.docs_dir)
    config.docs_dir = str(site_config.docs_dir(catalogue, target))
    config.site_name = target.org.name
    try:
        config.site_url = site_config.site_url(target)
    except PublisherError as error:
        raise PluginError(str(error)) from None
    config.nav = site_config.nav_entries(catalogue, target)
    edit = site_config.edit_settings(target.org.id)  # no configured repository: no edit link, never a placeholder
    config.repo_url, config.edit_uri = edit if edit else (None, None)
    config.extra["guide"] = site_config.extra_context(catalogue, target)
    labels = catalogue.languages[target.language].labels
    # Everything the theme shows in the page's language: palette toggle, heading permalinks, landmarks
    # (overrides/partials/language.html reads the `theme_*` labels).
    config.theme["palette"] = site_config.palette_in(config.theme["palette"], labels)
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = labels["permalink"]
    config.theme["logo"] = site_config.LOGO
    config.theme["favicon"] = site_config.LOGO
    # One stylesheet of our own (fonts, shared look, palette): see site_config.site_stylesheet.
    config.extra.setdefault("guide_stylesheets", [css for css in config.extra_css if css != site_config.PALETTE_CSS])
    config.extra_css = [site_config.PALETTE_CSS]
    config.mdx_configs.update(site_extension_configs(config.markdown_extensions, config.mdx_configs,
                                                     catalogue.shared_dir,
                                                     labeller(catalogue, target.org.id, target.language),
                                                     filler(catalogue.docs_dir, target.org.id)))
    data_files = [catalogue.docs_dir / name for name in ("organisations.yml", "adoptions.yml", "languages.yml")]
    for watched in (catalogue.shared_dir, catalogue.docs_dir / ADOPTED_DIR, *data_files):
        if str(watched) not in config.watch:
            config.watch.append(str(watched))

    i18n = config.plugins["i18n"]
    errors, _ = i18n.load_config({
        "docs_structure": "suffix",
        "reconfigure_search": False,
        "languages": site_config.i18n_languages(catalogue, target),
    })
    if errors:
        raise PluginError(f"mkdocs-static-i18n rejected the languages of '{target.org.id}': {errors}")
    search = config.plugins["material/search"]
    search.config.lang = [catalogue.languages[target.language].search]

    log.info("Building %s", target)
    return config


@event_priority(priority("organisation", "on_files"))  # publisher.pipeline.SITE_BUILD says why
def on_files(files: Files, config: MkDocsConfig) -> Files:
    guide = config.extra["guide"]
    catalogue = load_catalogue(Path(config.extra["guide_catalogue_dir"]))
    org = catalogue.organisation(guide["org_id"])
    hidden = site_config.hidden_pages(catalogue, org.id)
    for file in files.documentation_pages():
        if Path(file.src_uri).name.split(".", 1)[0] in hidden:
            file.inclusion = InclusionLevel.NOT_IN_NAV
    try:
        stylesheet = site_config.site_stylesheet(config.theme.dirs, config.extra["guide_stylesheets"],
                                                 branding.palette_css(org))
    except PublisherError as error:
        raise PluginError(str(error)) from None
    # Not copied only to be deleted after the build (some 2 MB a site): source maps, other languages' search.
    search_languages = list(config.plugins["material/search"].config.lang or [])
    for file in [file for file in files if unused_theme_file(file.dest_uri, search_languages)]:
        files.remove(file)
    files.append(File.generated(config, site_config.PALETTE_CSS, content=stylesheet))
    files.append(File.generated(config, site_config.LOGO, content=branding.wordmark_svg(org)))
    return files
