"""The bad-input corpus: hostile and malformed requests against every public URL and form.

``payloads.py`` holds the hostile values; ``cases.py`` combines them with the site's
public URLs into requests (``Case``). ``tests/security/test_corpus.py`` sends each one.
"""
