"""The guideline publisher: engine-independent logic over the Markdown sources and built HTML.

MkDocs hooks in ``hooks/*.py`` are thin adapters over these modules, so a later change of site
engine (mkdocs-material reaches end of life in May 2027) touches little here.
"""
