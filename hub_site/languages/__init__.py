"""Language versions and the language switch, for readers.

``versions`` finds what the reader is looking at in each language (a page's published
translations, or any other view under each language prefix); the ``hub_languages`` template
tags show them as the switcher and hreflang links; ``views`` is the 404 listing the versions
of the page a URL names; ``wagtail_hooks`` refuses an article under another language's
prefix; ``middleware`` is Django's LocaleMiddleware without its language-prefix redirect of
the admin's 404s. Making translations is ``hub_site.translation``'s.
"""
