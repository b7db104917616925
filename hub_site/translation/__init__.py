"""Translating the site's pages and snippets with wagtail-localize, and what guards it.

For translators: ``machine`` (the LibreTranslate client; ``config`` picks the service),
``machine_queue`` and ``machine_views`` (the editor's machine-translation button, answered
from the task queue), ``drafts`` (a translation saved as a draft). Guards: ``numbers_guard``
(a translation's figures must be the original's), ``approval`` (what blocks approving a
translation), ``signals`` (publishing refused while figures differ unconfirmed, machine
text recorded with each revision). For readers: ``reader_machine_translation`` (a page
machine-translated on request, with its ``_views`` and ``_urls``) and ``machine_notice``
(the notice on translations still holding machine text). ``views`` and ``status``: the
numbers check and the translation status report. The language versions readers switch
between are ``hub_site.languages``'.
"""
