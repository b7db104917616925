def publish_approved_revision(workflow_state, user=None):
    """Certify what the workflow approved, then publish it on the workflow's authority.

    Reviewers hold no publish permission of their own: with it, Wagtail would let them
    publish directly and skip review. Completing every step of the workflow is what
    authorises publishing, so the final approver's own page permissions are not checked.
    The certificate is written first: nothing goes live without one (certification/guard.py).
    """
    # Imported here: Wagtail imports this module while wagtail.models itself is loading
    # (WAGTAIL_FINISH_WORKFLOW_ACTION is resolved in the WorkflowState class body).
    from hub_site.certification.issue import issue_certificate

    revision = workflow_state.content_object.get_latest_revision()
    issue_certificate(workflow_state, revision)
    revision.publish(user=user, skip_permission_checks=True)
