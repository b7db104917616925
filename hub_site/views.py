from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from hub_site import queue


@never_cache
@require_GET
def healthz(request):
    """Liveness and readiness for load balancers: 200 when the database answers and no
    background task has waited too long for a worker (hub_site/queue.py)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        queue_stuck = queue.stuck()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    if queue_stuck:
        return JsonResponse(
            {"status": "unavailable", "database": "up", "queue": "stuck"}, status=503
        )
    return JsonResponse({"status": "ok", "database": "up", "queue": "ok"})


@require_GET
def robots_txt(request):
    """Crawlers may fetch everything but the CMS; gated pages answer them with the noindex gate."""
    lines = ["User-agent: *", f"Disallow: {reverse('wagtailadmin_home')}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
