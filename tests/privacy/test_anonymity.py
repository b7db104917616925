"""Survey responses and votes are anonymous; client addresses are never stored in clear."""

from datetime import timedelta

import pytest

from django.db import models
from django.test import RequestFactory
from django.utils import timezone

from hub_site.security.ratelimit import address_key
from surveys.models import PollVote, SurveyResponse

PERSONAL_FIELD_HINTS = ("email", "mail", "ip", "address", "user", "name", "session")


@pytest.mark.parametrize("model", [SurveyResponse, PollVote])
def test_responses_and_votes_have_no_personal_fields(model):
    names = {
        field.name
        for field in model._meta.get_fields()
        if isinstance(field, models.Field) and not field.is_relation
    }
    personal = {n for n in names if any(hint in n.lower() for hint in PERSONAL_FIELD_HINTS)}
    assert personal == set(), personal
    assert not any(
        isinstance(field, models.GenericIPAddressField) for field in model._meta.get_fields()
    )


def test_the_address_hash_is_salted_and_changes_every_day():
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.41")
    today = timezone.now().date()
    first = address_key(request)
    assert "192.0.2.41" not in first and len(first) == 64
    assert address_key(request, today) == first
    assert address_key(request, today + timedelta(days=1)) != first
