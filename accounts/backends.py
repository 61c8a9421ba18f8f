"""Signing in with Django's own ``ModelBackend``; only the per-request user lookup differs."""
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class MemberBackend(ModelBackend):
    """Brings the user's organization along in the one query every page makes: the header names it."""

    def get_user(self, user_id):
        try:
            user = get_user_model()._default_manager.select_related("organization").get(pk=user_id)
        except get_user_model().DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None


# For ``login()`` after a sign-up or a join, where no password was checked through the backends.
MEMBER_BACKEND = f"{__name__}.{MemberBackend.__name__}"
