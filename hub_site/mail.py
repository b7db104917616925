"""E-mail on the task queue: workflow notifications, certification reminders and every
other message the site sends leave the request (or the daily command) at once, and a mail
server that does not answer is tried again (hub_site/queue.py).

``EMAIL_BACKEND`` is ``QueuedEmailBackend``; it enqueues each message as plain data and
the worker hands it to ``EMAIL_DELIVERY_BACKEND`` (the backend ``EMAIL_URL`` names). With
the immediate queue (tests, ``make demo``) the message is delivered at once.
"""

import base64
import logging
import smtplib

from django_tasks import task

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend

from hub_site.queue import retry_later

logger = logging.getLogger(__name__)

# Tried for about an hour (a minute apart at most) while the mail server does not answer.
DELIVERY_ATTEMPTS = 60


def as_data(message):
    """The message as JSON-ready data, or None for one this cannot carry (a MIME part
    attached as an object): such a message is delivered at once instead."""
    attachments = []
    for attachment in message.attachments:
        if not isinstance(attachment, tuple):
            return None
        filename, content, mimetype = attachment
        raw = content.encode() if isinstance(content, str) else content
        attachments.append([filename, base64.b64encode(raw).decode(), mimetype])
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [list(a) for a in getattr(message, "alternatives", [])],
        "attachments": attachments,
    }


def from_data(data, connection):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        connection=connection,
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


def delivery_connection():
    return get_connection(settings.EMAIL_DELIVERY_BACKEND)


@task()
def deliver(data, attempt=0):
    try:
        from_data(data, delivery_connection()).send()
    except (smtplib.SMTPException, OSError) as error:
        if not retry_later(deliver, attempt, data, attempts=DELIVERY_ATTEMPTS):
            logger.error("e-mail to %s not delivered: %s", data["to"], error)
            raise
        logger.warning("e-mail to %s not delivered (%s); retrying", data["to"], error)


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        sent = 0
        for message in email_messages:
            if not message.recipients():
                continue
            data = as_data(message)
            if data is None:
                sent += delivery_connection().send_messages([message])
                continue
            deliver.enqueue(data)
            sent += 1
        return sent
