"""Floor 2, the model: organisations, their sources, adoptions of shared wordings, editions, editorial
records, addresses, glossary, translations, and the facts a document states. Imports only files."""
