"""Floor 5, outputs: the per-site engine configuration, build inputs, optimisation (fonts, CSS), PDFs, the
portal and the status page. Imports files, model, render and checks."""
