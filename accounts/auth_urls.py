"""Django's sign-in, sign-out and password views, with password reset and change rate-limited."""
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django_ratelimit.decorators import ratelimit

RESET_RATE = "accounts.throttling.password_reset_rate"
CHANGE_RATE = "accounts.throttling.password_change_rate"


def _limited(view, *keys, rate):
    for key in keys:
        view = ratelimit(key=key, rate=rate, method="POST", block=True)(view)
    return view


urlpatterns = [
    path("password_reset/", _limited(auth_views.PasswordResetView.as_view(), "ip", "post:email", rate=RESET_RATE),
         name="password_reset"),
    path("password_change/", _limited(auth_views.PasswordChangeView.as_view(), "user", "ip", rate=CHANGE_RATE),
         name="password_change"),
    path("", include("django.contrib.auth.urls")),
]
