"""Floor 1, files: reading YAML and text with lines, safe paths, atomic writes, locks, swaps, git history,
findings (the file:line messages every floor reports). Imports nothing else of the publisher."""
