"""Each command's own make variables: a name typed on make's command line that the command does not
take is refused with its list, before anything runs.

make accepts any NAME=value and ignores the ones no rule reads, so `make edition VERSON=2.0` recorded
an edition without its version. The Makefile hands over the names of every variable typed on its
command line in GUIDE_MAKE_VARIABLES (origin "command line"; the values never pass through here).
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping

from ..files.findings import ArgumentError

NAMES_ENV = "GUIDE_MAKE_VARIABLES"
# The make target of each publisher command, and the variables it reads (README.md, "Other targets").
TARGETS = {"build": "site", "pdf": "pdf", "serve": "serve", "check": "check", "translations": "translations",
           "addresses": "addresses", "edition": "edition", "new-org": "new-org", "import": "import",
           "match": "match", "bench": "bench"}
COMMAND_VARIABLES: dict[str, tuple[str, ...]] = {
    "build": ("ORG", "SHARD"),
    "pdf": ("ORG",),
    "serve": ("ORG", "LANG", "PORT", "ADDR"),
    "check": ("HINTS",),
    "translations": ("MARK",),
    "addresses": (),
    "edition": ("ORG", "NOTE", "NOTE_DA", "NOTE_NB", "NOTE_EN", "VERSION", "APPROVED_BY", "APPROVED_ON",
                "IN_FORCE_FROM"),
    "new-org": ("ID", "NAME", "LANGUAGES", "COUNTRY", "DOMAIN"),
    "import": ("ORG", "FILE", "LANG", "ADOPT", "TOPIC", "WORDING"),
    "match": ("FILE", "ORG", "NAME", "DOMAIN"),
    "bench": ("ORGS", "LIGHTHOUSE_PAGES", "RUNS"),
}
# Taken by every command: the engine (ENGINE=properdocs), the Makefile's own settings (VENV=, PYTHON=),
# and the environment switches a command line may set (GUIDE_BUILD_WAIT=0, GUIDE_SITE_URL=...).
EVERY_COMMAND = ("ENGINE", "VENV", "PYTHON", "SOURCE_DATE_EPOCH", "NO_MKDOCS_2_WARNING")
OPEN_PREFIX = "GUIDE_"


def unknown_variables(command: str, environ: Mapping[str, str] | None = None) -> list[str]:
    """Why each variable typed on make's command line is not one `command` takes (empty: all are)."""
    env = os.environ if environ is None else environ
    typed = env.get(NAMES_ENV, "").split()
    if command not in COMMAND_VARIABLES or not typed:
        return []  # not run by make (tests, python -m publisher), or nothing typed
    own = COMMAND_VARIABLES[command]
    target = TARGETS[command]
    problems = []
    for name in typed:
        if name in own or name in EVERY_COMMAND or name.startswith(OPEN_PREFIX):
            continue
        close = difflib.get_close_matches(name, own, n=1, cutoff=0.6)
        hint = f" Did you mean {close[0]}?" if close else ""
        takes = f"it takes {', '.join(own)}" if own else "it takes no variables"
        problems.append(f"make {target} does not take {name}: {takes}.{hint} Nothing was done; run it again "
                        f"without {name}=")
    return problems


def refuse_unknown(command: str, environ: Mapping[str, str] | None = None) -> None:
    if problems := unknown_variables(command, environ):
        raise ArgumentError(problems)
