"""The gate's models, taken over from hub_site (its 0002 renamed their tables to ours).

Only the migration state is created here: the tables and their rows exist already. Their
content types are renamed too, so the permissions groups hold on them, their revisions,
translations and log entries stay attached.
"""

import django.core.validators
import django.db.models.deletion
import uuid
import wagtail.models.preview
from django.db import migrations, models

MOVED_MODELS = ["hcpgatesettings", "gatecopy"]


def rename_content_types(from_label, to_label):
    def rename(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        content_types = ContentType.objects.using(schema_editor.connection.alias)
        # A migrate that ran while these models' state was in the other app (back to before
        # the move, say) has made empty content types for them under the label the code
        # declares, with nothing but their default permissions: the renamed ones, which
        # what was saved points at, take their place.
        content_types.filter(app_label=to_label, model__in=MOVED_MODELS).delete()
        content_types.filter(app_label=from_label, model__in=MOVED_MODELS).update(
            app_label=to_label
        )

    return rename


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("hub_site", "0002_move_gate_models_to_hub_gate"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="HcpGateSettings",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "cookie_lifetime_days",
                            models.PositiveSmallIntegerField(
                                default=30,
                                help_text="How long a reader's confirmation that they are a healthcare professional is remembered. Shortening it also ends older confirmations.",
                                validators=[
                                    django.core.validators.MinValueValidator(1),
                                    django.core.validators.MaxValueValidator(395),
                                ],
                                verbose_name="confirmation lifetime (days)",
                            ),
                        ),
                        (
                            "site",
                            models.OneToOneField(
                                editable=False,
                                on_delete=django.db.models.deletion.CASCADE,
                                to="wagtailcore.site",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "HCP gate",
                    },
                ),
                migrations.CreateModel(
                    name="GateCopy",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                        (
                            "live",
                            models.BooleanField(default=True, editable=False, verbose_name="live"),
                        ),
                        (
                            "has_unpublished_changes",
                            models.BooleanField(
                                default=False,
                                editable=False,
                                verbose_name="has unpublished changes",
                            ),
                        ),
                        (
                            "first_published_at",
                            models.DateTimeField(
                                blank=True,
                                db_index=True,
                                null=True,
                                verbose_name="first published at",
                            ),
                        ),
                        (
                            "last_published_at",
                            models.DateTimeField(
                                editable=False, null=True, verbose_name="last published at"
                            ),
                        ),
                        (
                            "go_live_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="go live date/time"
                            ),
                        ),
                        (
                            "expire_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="expiry date/time"
                            ),
                        ),
                        (
                            "expired",
                            models.BooleanField(
                                default=False, editable=False, verbose_name="expired"
                            ),
                        ),
                        ("heading", models.CharField(max_length=120, verbose_name="heading")),
                        (
                            "statement",
                            models.TextField(
                                help_text="What the reader confirms. Separate paragraphs with a blank line.",
                                verbose_name="statement",
                            ),
                        ),
                        (
                            "confirm_label",
                            models.CharField(
                                help_text='For example "I am a healthcare professional".',
                                max_length=80,
                                verbose_name="confirm button label",
                            ),
                        ),
                        (
                            "patient_label",
                            models.CharField(
                                help_text='For example "I am a patient or carer".',
                                max_length=80,
                                verbose_name="patient button label",
                            ),
                        ),
                        (
                            "patient_site_name",
                            models.CharField(max_length=80, verbose_name="patient site name"),
                        ),
                        (
                            "patient_site_url",
                            models.URLField(
                                help_text="Patients and carers are sent here. Translations may point elsewhere.",
                                verbose_name="patient site URL",
                            ),
                        ),
                        (
                            "withdraw_label",
                            models.CharField(
                                help_text='Shown in the footer of every page, e.g. "I am not a healthcare professional".',
                                max_length=80,
                                verbose_name="withdraw button label",
                            ),
                        ),
                        (
                            "latest_revision",
                            models.ForeignKey(
                                blank=True,
                                editable=False,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="wagtailcore.revision",
                                verbose_name="latest revision",
                            ),
                        ),
                        (
                            "live_revision",
                            models.ForeignKey(
                                blank=True,
                                editable=False,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="wagtailcore.revision",
                                verbose_name="live revision",
                            ),
                        ),
                        (
                            "locale",
                            models.ForeignKey(
                                editable=False,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="wagtailcore.locale",
                                verbose_name="locale",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "HCP gate copy",
                        "verbose_name_plural": "HCP gate copy",
                        "abstract": False,
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("locale",), name="one_gate_copy_per_locale"
                            )
                        ],
                        "unique_together": {("translation_key", "locale")},
                    },
                    bases=(wagtail.models.preview.PreviewableMixin, models.Model),
                ),
            ],
        ),
        migrations.RunPython(
            rename_content_types("hub_site", "hub_gate"),
            rename_content_types("hub_gate", "hub_site"),
        ),
    ]
