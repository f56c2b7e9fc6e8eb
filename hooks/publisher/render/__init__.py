"""Floor 3, rendering: our Markdown extensions, rendered HTML and its sanitizer, the page chrome (front
door, about and change views, branding, page info), topic pages, search forms. Imports files and model."""
