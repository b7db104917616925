"""Roles and review workflows.

``roles`` (the editorial roles, as data), ``role_sync`` (applied to the groups and the page
trees), ``models`` (the four-eyes approval task), ``actions`` (what a finished workflow
does: certify, then publish), ``translation_review`` (submitting a translation for review).
"""
