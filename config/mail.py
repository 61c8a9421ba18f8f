"""Sending one email without letting a mail-server failure become a 500."""
import logging

logger = logging.getLogger(__name__)


def send_or_say_why(message) -> str:
    """Send ``message``; "" when it went, else a short reason fit to show the person who sent it.

    Call it from ``transaction.on_commit`` so nothing is mailed for a write that rolled back.
    """
    try:
        message.send()
    except Exception as error:  # any backend failure (SMTP refusal, DNS, timeout) is reported, not raised
        logger.exception("Could not send %r to %s", message.subject, message.to or message.bcc)
        return f"the mail server did not take it ({type(error).__name__}); check the address and send again"
    return ""
