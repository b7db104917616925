def publish_approved_revision(workflow_state, user=None):
    """Certify what the workflow approved, then publish it on the workflow's authority.

    Reviewers hold no publish permission of their own: with it, Wagtail would let them
    publish directly and skip review. Completing every step of the workflow is what
    authorises publishing, so the final approver's own page permissions are not checked.
    The certificate is written first: nothing goes live without one (certification/guard.py).
    A page taking part in a language release is held there instead, and goes live with
    the release's other languages (hub_site/releases).
    """
    # Imported here: Wagtail imports this module while wagtail.models itself is loading
    # (WAGTAIL_FINISH_WORKFLOW_ACTION is resolved in the WorkflowState class body).
    from hub_site.certification.issue import issue_certificate
    from hub_site.releases.holding import hold

    revision = workflow_state.content_object.get_latest_revision()
    issue_certificate(workflow_state, revision)
    if hold(workflow_state.content_object, revision, user):
        return
    revision.publish(user=user, skip_permission_checks=True)
