"""The counselors' web desk and the insights page (FastAPI, Jinja2, htmx)."""
