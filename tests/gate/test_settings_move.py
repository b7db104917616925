"""The gate's models moved from the hub_site app to the gate's own (hub_site 0002, hub_gate
0001): what editors set before the move is there after it, with the content types that the
permissions groups hold and the copy's revisions point at."""

import pytest

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from wagtail.models import Site

from hub_site.gate.models import GateCopy, HcpGateSettings

# The last migration before the move; migrating back to it unapplies the gate app's too.
BEFORE_THE_MOVE = ("hub_site", "0001_initial")


def migrate_back_before_the_move():
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE_THE_MOVE])
    return executor.loader.project_state(BEFORE_THE_MOVE).apps


def migrate_to_latest():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def save_gate_as_editors_left_it(old_apps):
    """Rows written through the models as they were before the move, in hub_site."""
    content_type = old_apps.get_model("contenttypes", "ContentType")
    permission = old_apps.get_model("auth", "Permission")
    locale = old_apps.get_model("wagtailcore", "Locale")
    old_site = old_apps.get_model("wagtailcore", "Site")
    old_settings = old_apps.get_model("hub_site", "HcpGateSettings")
    old_copy = old_apps.get_model("hub_site", "GateCopy")
    revision = old_apps.get_model("wagtailcore", "Revision")

    old_settings.objects.update_or_create(
        site=old_site.objects.get(is_default_site=True), defaults={"cookie_lifetime_days": 14}
    )
    copy = old_copy.objects.create(
        locale=locale.objects.get(language_code="en"),
        heading="For healthcare professionals",
        statement="Confirm that you are one.",
        confirm_label="I am one",
        patient_label="I am not",
        patient_site_name="Patients' site",
        patient_site_url="https://patients.example/",
        withdraw_label="Not a healthcare professional",
    )
    copy_type = content_type.objects.get(app_label="hub_site", model="gatecopy")
    revision.objects.create(
        content_type=copy_type,
        base_content_type=copy_type,
        object_id=str(copy.pk),
        object_str=copy.heading,
        content={"heading": copy.heading},
        created_at=timezone.now(),
    )
    gate_editors = old_apps.get_model("auth", "Group").objects.create(name="Gate editors")
    gate_editors.permissions.add(
        permission.objects.get(content_type=copy_type, codename="change_gatecopy")
    )
    # What a `migrate` run at this point leaves behind: its post_migrate makes a content type
    # for each model under the app label the code declares.
    content_type.objects.create(app_label="hub_gate", model="gatecopy")
    return copy.pk, copy_type.pk


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_gate_settings_and_copy_keep_their_rows_when_they_move_to_the_gate_app(
    django_user_model,
):
    try:
        copy_pk, copy_type_pk = save_gate_as_editors_left_it(migrate_back_before_the_move())
        migrate_to_latest()

        site = Site.objects.get(is_default_site=True)
        assert HcpGateSettings.objects.get(site=site).cookie_lifetime_days == 14
        copy = GateCopy.objects.get(pk=copy_pk)
        assert (copy.heading, copy.locale.language_code, copy.live) == (
            "For healthcare professionals",
            "en",
            True,
        )
        assert copy.patient_site_url == "https://patients.example/"
        # The same content type row, renamed, and no other: what points at it points at the
        # moved model.
        assert ContentType.objects.get(app_label="hub_gate", model="gatecopy").pk == copy_type_pk
        assert not ContentType.objects.filter(
            app_label="hub_site", model__in=["gatecopy", "hcpgatesettings"]
        ).exists()
        assert [revision.object_str for revision in copy.revisions.all()] == [copy.heading]
        editor = django_user_model.objects.create_user("gate-editor")
        editor.groups.add(Group.objects.get(name="Gate editors"))
        assert editor.has_perm("hub_gate.change_gatecopy")
    finally:
        migrate_to_latest()
