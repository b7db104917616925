def publish_approved_revision(workflow_state, user=None):
    """Publish what the workflow approved, on the workflow's authority.

    Reviewers hold no publish permission of their own: with it, Wagtail would let them
    publish directly and skip review. Completing every step of the workflow is what
    authorises publishing, so the final approver's own page permissions are not checked.
    """
    workflow_state.content_object.get_latest_revision().publish(
        user=user, skip_permission_checks=True
    )
