"""`make translations`: each translation's state against its source page; MARK= records a review."""

from __future__ import annotations

from pathlib import Path


def translations_command(root: Path, mark: list[str]) -> int:
    from ..model.organisations import load_catalogue
    from ..model.translations import all_status, mark_current

    catalogue = load_catalogue(root / "docs")
    for name in mark:
        path = Path(name) if Path(name).is_absolute() else Path.cwd() / name
        print(f"marked {name} as translating source version {mark_current(catalogue, path)}")
    statuses = all_status(catalogue)
    print(f"{'organisation':<20} {'lang':<5} {'pages':>5} {'current':>8} {'stale':>6} {'unreviewed':>11} "
          f"{'untranslated':>13} {'missing':>8}")
    groups: dict[tuple[str, str], list] = {}
    for status in statuses:
        groups.setdefault((status.org_id, status.language), []).append(status)
    for (org_id, language), group in groups.items():
        count = {state: sum(1 for s in group if s.state == state)
                 for state in ("current", "stale", "unreviewed", "untranslated", "missing")}
        print(f"{org_id:<20} {language:<5} {len(group):>5} {count['current']:>8} {count['stale']:>6} "
              f"{count['unreviewed']:>11} {count['untranslated']:>13} {count['missing']:>8}")
    attention = [s for s in statuses if s.state != "current"]
    if attention:
        print("\nNeeds attention:")
        for status in attention:
            print(f"  {status.describe(root)}")
        print('\nAfter reviewing a translation against its source: make translations MARK="<file> [<file> ...]"')
    return 0
