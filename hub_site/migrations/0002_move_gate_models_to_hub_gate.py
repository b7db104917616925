"""The gate's models move to the gate's own app (hub_gate, its 0001_initial takes them over).

Their tables are renamed to the names Django gives them there, keeping every row; this
app's state forgets the models.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("hub_site", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable("HcpGateSettings", "hub_gate_hcpgatesettings"),
                migrations.AlterModelTable("GateCopy", "hub_gate_gatecopy"),
            ],
            state_operations=[
                migrations.DeleteModel("HcpGateSettings"),
                migrations.DeleteModel("GateCopy"),
            ],
        ),
    ]
