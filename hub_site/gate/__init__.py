"""The HCP gate: every reader confirms once that they are a healthcare professional.

``middleware`` decides per request, ``cookies`` signs and checks the confirmation,
``access`` knows what is open, ``redirects`` checks return URLs, ``views`` and ``forms``
serve the interstitial. ``models`` holds what editors set: the gate's copy (a snippet, see
``wagtail_hooks``) and the confirmation's lifetime (a site setting). See README.md, "HCP gate".
"""
