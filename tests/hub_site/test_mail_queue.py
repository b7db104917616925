"""E-mail leaves on the task queue (hub_site/mail.py): sending enqueues the message as data,
the worker delivers it as it was, and a mail server that does not answer is tried again."""

import smtplib
from unittest import mock

import pytest

from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.utils import timezone

from hub_site.mail import deliver

QUEUED = "hub_site.mail.QueuedEmailBackend"


@pytest.fixture
def queued(settings):
    settings.EMAIL_BACKEND = QUEUED
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_sending_enqueues_the_message_and_delivers_nothing_yet(queued, waiting_queue):
    message = EmailMultiAlternatives(
        "Changes requested: Blinatumomab in upfront ALL",
        "Plain text",
        "Hub CMS <noreply@localhost>",
        ["editor@example.org"],
        cc=["lead@example.org"],
        reply_to=["compliance@example.org"],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative("<p>HTML</p>", "text/html")
    message.attach("report.csv", "a,b\n1,2\n", "text/csv")

    assert message.send() == 1

    assert mail.outbox == []
    (enqueued,) = waiting_queue.results
    assert enqueued.task.name == "deliver"
    # The worker delivers what was sent.
    deliver.call(*enqueued.args)
    (delivered,) = mail.outbox
    assert (delivered.subject, delivered.to, delivered.cc) == (
        message.subject,
        ["editor@example.org"],
        ["lead@example.org"],
    )
    assert delivered.reply_to == ["compliance@example.org"]
    assert delivered.extra_headers["Auto-Submitted"] == "auto-generated"
    assert delivered.alternatives[0][:2] == ("<p>HTML</p>", "text/html")
    assert delivered.attachments[0][:3] == ("report.csv", "a,b\n1,2\n", "text/csv")


def test_with_the_immediate_queue_the_message_is_delivered_at_once(queued):
    send_mail("Reminder", "Due in 7 days", None, ["owner@example.org"])

    assert [m.subject for m in mail.outbox] == ["Reminder"]


def test_a_mail_server_that_does_not_answer_is_tried_again_later(queued, waiting_queue, settings):
    send_mail("Reminder", "Due in 7 days", None, ["owner@example.org"])
    (enqueued,) = waiting_queue.results
    waiting_queue.clear()
    before = timezone.now()

    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        side_effect=smtplib.SMTPServerDisconnected("gone"),
    ):
        deliver.call(*enqueued.args)

    (retry,) = waiting_queue.results
    assert retry.args == [enqueued.args[0], 1]
    assert 0.5 < (retry.task.run_after - before).total_seconds() < 2
    assert mail.outbox == []


def test_a_message_still_undelivered_after_the_last_attempt_fails_its_task(queued, waiting_queue):
    send_mail("Reminder", "Due in 7 days", None, ["owner@example.org"])
    (enqueued,) = waiting_queue.results
    waiting_queue.clear()

    with (
        mock.patch(
            "django.core.mail.backends.locmem.EmailBackend.send_messages",
            side_effect=ConnectionRefusedError(),
        ),
        pytest.raises(ConnectionRefusedError),
    ):
        deliver.call(enqueued.args[0], 59)

    assert waiting_queue.results == []
