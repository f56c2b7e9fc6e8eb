"""Floor 6, commands: what `make` runs (build, pdf, serve, import, new-org, edition, bench, wordforms).
Imports every floor below."""
