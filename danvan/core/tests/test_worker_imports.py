"""A web worker does not load what only a management command or a background task needs: the geography
source tables (≈ 200 MiB, used by ``geography_load``) and the search services (used by the indexing
task, run by the task consumer)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

SCRIPT = """
import sys
from config.wsgi import application
from django.urls import get_resolver
get_resolver().url_patterns  # every view module, as the first request imports them
from danvan.geography.services import geography_load, unit_set_remote
from danvan.search.tasks import index_petition_task
heavy = ["danvan.geography.sources", "vietnam_provinces._ward_conversion_2025", "danvan.search.services"]
print(",".join(name for name in heavy if name in sys.modules) or "none")
"""


def test_a_web_worker_does_not_import_the_geography_sources_or_the_search_services(tmp_path):
    dropped = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environ = {k: v for k, v in os.environ.items() if k not in dropped}
    environ |= {"DEBUG": "false", "SECRET_KEY": "worker-imports-" + "x" * 50, "DANVAN_VAR_DIR": str(tmp_path)}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "none"


def test_the_lazy_imports_still_work():
    from danvan.geography import services, sources
    from danvan.search import services as search_services
    from danvan.search import tasks

    assert callable(sources.current_provinces)
    assert callable(services.geography_load)
    assert callable(search_services.index_petition)
    assert callable(tasks.index_petition_task)
