"""Who may produce the learning-outcomes report: site managers and compliance reviewers.

Funders never get admin access: these people produce the report for them. Editors and
medical reviewers do not see it: its figures are about readers, not content.
"""

from hub_site.workflows.roles import COMPLIANCE_REVIEWERS, SITE_MANAGERS, in_any_group

REPORT_GROUPS = (SITE_MANAGERS, COMPLIANCE_REVIEWERS)


def may_view_outcomes(user):
    return user.is_superuser or in_any_group(user, REPORT_GROUPS)
