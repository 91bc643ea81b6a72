"""The reception app's rule tables become the law app's, data kept: this migration only takes them into the
law app's state (their tables keep their names here); ``reception.0004`` drops them from reception's state and
``law.0002`` renames the tables and adds what the law app's shape has more (certainty, unit, list)."""

import django.db.models.deletion  # noqa: F401
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [("reception", "0003_seed_rules")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ReceptionDutyRule',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('effective_from', models.DateField(verbose_name='effective from')),
                        ('effective_to', models.DateField(blank=True, help_text='First day on which this version no longer applies; empty while it is in force.', null=True, verbose_name='effective until')),
                        ('citation', models.CharField(max_length=300, verbose_name='legal citation')),
                        ('note', models.TextField(blank=True, verbose_name='note')),
                        ('position', models.CharField(choices=[('provincial_chairman', "Chairman of the provincial People's Committee"), ('commune_chairman', "Chairman of the commune People's Committee"), ('department_head', 'Head of a department or agency'), ('provincial_party_secretary', 'Secretary of the provincial Party committee'), ('commune_party_secretary', 'Secretary of the commune Party committee')], max_length=40, verbose_name='position')),
                        ('days_required', models.PositiveSmallIntegerField(verbose_name='days of reception required')),
                        ('period', models.CharField(choices=[('week', 'week'), ('month', 'month')], max_length=10, verbose_name='per')),
                        ('delegation_allowed', models.BooleanField(default=False, verbose_name="a deputy may receive in the head's place")),
                    ],
                    options={
                        'db_table': 'reception_receptiondutyrule',
                        'verbose_name': 'reception duty rule',
                        'verbose_name_plural': 'reception duty rules',
                        'ordering': ['position', 'effective_from'],
                        'constraints': [models.UniqueConstraint(fields=('position', 'effective_from'), name='reception_duty_unique_version'), models.CheckConstraint(condition=models.Q(('effective_to__isnull', True), ('effective_to__gt', models.F('effective_from')), _connector='OR'), name='reception_duty_period_valid'), models.CheckConstraint(condition=models.Q(('days_required__gte', 1)), name='reception_duty_days_positive')],
                    },
                ),
                migrations.CreateModel(
                    name='LegalFigure',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('effective_from', models.DateField(verbose_name='effective from')),
                        ('effective_to', models.DateField(blank=True, help_text='First day on which this version no longer applies; empty while it is in force.', null=True, verbose_name='effective until')),
                        ('citation', models.CharField(max_length=300, verbose_name='legal citation')),
                        ('note', models.TextField(blank=True, verbose_name='note')),
                        ('code', models.CharField(db_index=True, max_length=60, verbose_name='code')),
                        ('people_from', models.PositiveIntegerField(default=0, verbose_name='from group size')),
                        ('people_to', models.PositiveIntegerField(blank=True, null=True, verbose_name='to group size')),
                        ('value', models.PositiveIntegerField(blank=True, null=True, verbose_name='value')),
                    ],
                    options={
                        'db_table': 'reception_receptionrule',
                        'verbose_name': 'reception rule',
                        'verbose_name_plural': 'reception rules',
                        'ordering': ['code', 'people_from', 'effective_from'],
                        'constraints': [models.UniqueConstraint(fields=('code', 'people_from', 'effective_from'), name='reception_rule_unique_version'), models.CheckConstraint(condition=models.Q(('effective_to__isnull', True), ('effective_to__gt', models.F('effective_from')), _connector='OR'), name='reception_rule_period_valid')],
                    },
                ),
                migrations.CreateModel(
                    name='LegalGround',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('effective_from', models.DateField(verbose_name='effective from')),
                        ('effective_to', models.DateField(blank=True, help_text='First day on which this version no longer applies; empty while it is in force.', null=True, verbose_name='effective until')),
                        ('citation', models.CharField(max_length=300, verbose_name='legal citation')),
                        ('note', models.TextField(blank=True, verbose_name='note')),
                        ('code', models.SlugField(max_length=40, unique=True, verbose_name='code')),
                        ('name', models.CharField(max_length=300, verbose_name='name')),
                        ('name_en', models.CharField(max_length=300, verbose_name='English name')),
                        ('position', models.PositiveSmallIntegerField(default=0)),
                    ],
                    options={
                        'db_table': 'reception_refusalground',
                        'verbose_name': 'ground for refusing reception',
                        'verbose_name_plural': 'grounds for refusing reception',
                        'ordering': ['position', 'code'],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
