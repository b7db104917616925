"""Releasing a page in all its languages at once.

When the editorial workflow approves a change to a page that has translations, the change
waits in a release (``models``) until the translations chosen for it have been synced,
translated and approved; then every language goes live together, in one transaction
(``publishing``). The workflow's finish action hands each approval to ``holding``. Site
managers may release without waiting (with a reason, logged); a release may be scheduled
(``management/commands/publish_releases``). ``views`` is the admin's list of open releases
and each release's page.
"""
