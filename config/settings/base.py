"""Settings shared by every environment. Every secret and endpoint comes from the environment."""
from datetime import timedelta
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="dev-insecure-change-me")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.forms",
    "django_htmx",
    "bootstrap",
    "axes",
    "django_ratelimit",
    "accounts",
    "resolutions",
    "evidence",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "axes.middleware.AxesMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
]

ROOT_URLCONF = "config.urls"
# Forms render in Bootstrap's markup with the project's templates (config.forms; templates/forms/, and the
# widget templates in templates/django/forms/ and templates/admin/widgets/).
FORM_RENDERER = "config.forms.FormRenderer"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# An empty DATABASE_URL (a .env line left blank) means the embedded default too, not a database
# without an engine.
DATABASES = {
    "default": env.db_url_config(env.str("DATABASE_URL", default="") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.MemberBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-us"
TIME_ZONE = env("TIME_ZONE", default="America/New_York")
# Whereas is in English only: without the translation machinery each date, URL and form label is
# resolved without asking which language is active (about 1 ms of a search page's Python).
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")

# Uploads and generated PDFs go through the storage API: local files by default,
# S3-compatible storage when AWS_STORAGE_BUCKET_NAME is set.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Private files are served by access-checked views only; on S3 a view redirects to a URL signed
# for this long (config/private_files.py).
PRIVATE_FILE_URL_SECONDS = env.int("PRIVATE_FILE_URL_SECONDS", default=60)

# Uploads: the largest import or source file we accept (kept while the body streams in, see
# config/uploads.py), and Django's own in-memory ceiling.
MAX_UPLOAD_BYTES = env.int("MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)
# A whole proxy statement (DEF 14A) runs to 10 MB and more.
MAX_PROXY_BYTES = env.int("MAX_PROXY_BYTES", default=50 * 1024 * 1024)
# Every read of an uploaded file runs in a sandbox worker (config/untrusted.py) within these caps,
# and stops with the reason as soon as the file expands past a limit. The largest proxy statement
# in the corpus has 155 pages and reads in 4 s and 70 MB; no real upload comes near these.
UPLOAD_MAX_PAGES = env.int("UPLOAD_MAX_PAGES", default=2000)
UPLOAD_MAX_EXPANDED_MB = env.int("UPLOAD_MAX_EXPANDED_MB", default=200)
UPLOAD_MAX_ZIP_ENTRIES = env.int("UPLOAD_MAX_ZIP_ENTRIES", default=2000)
UPLOAD_MAX_UNZIPPED_MB = env.int("UPLOAD_MAX_UNZIPPED_MB", default=64)
UPLOAD_READ_MEMORY_MB = env.int("UPLOAD_READ_MEMORY_MB", default=512)
UPLOAD_READ_SECONDS = env.int("UPLOAD_READ_SECONDS", default=30)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "config.uploads.SizeCappedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "whereas_cache",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
    # django-ratelimit counts in this cache too; without Redis's atomic increment, a burst of
    # simultaneous requests may pass a rate limit by a few. Production sets REDIS_URL.
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=REDIS_URL or None)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
if CELERY_TASK_ALWAYS_EAGER:
    # An eager task still takes a producer from the broker's pool: kombu's in-process transport, named
    # with a host (without one, kombu logs "No hostname was supplied" on every command that queues a task).
    CELERY_BROKER_URL = "memory://localhost/"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_TIME_LIMIT = 300
CELERY_TIMEZONE = TIME_ZONE  # beat's schedule (config/celery.py) is in local time

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Whereas <noreply@whereas.local>")
# Links in emails sent without a request (deadline reminders) start with this.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
# Deadline reminders go this many days before each deadline.
DEADLINE_REMINDER_DAYS = env.list("DEADLINE_REMINDER_DAYS", cast=int, default=[7, 1])

MESSAGE_TAGS = {50: "danger", 40: "danger"}

# Sign-in throttling (django-axes, see accounts/throttling.py): failures count per account and per
# client address separately; a throttled one waits SIGN_IN_BACKOFF, doubling while failures go on.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=10)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = "accounts.throttling.cool_off"
SIGN_IN_BACKOFF = timedelta(seconds=env.int("SIGN_IN_BACKOFF_SECONDS", default=60))
SIGN_IN_BACKOFF_MAX = timedelta(seconds=env.int("SIGN_IN_BACKOFF_MAX_SECONDS", default=3600))
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "accounts.throttling.login_username"
AXES_CLIENT_IP_CALLABLE = "accounts.throttling.client_ip"
# The client's real address behind a proxy: the META key of the header it sets (e.g.
# HTTP_X_FORWARDED_FOR) and how many trusted proxies stand in front. Unset: REMOTE_ADDR.
TRUSTED_PROXY_HEADER = env("TRUSTED_PROXY_HEADER", default="")
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1 if env("TRUSTED_PROXY_HEADER", default="") else 0)
# Password reset and change (django-ratelimit, on the shared cache): per address, account and email.
PASSWORD_RESET_RATE = env("PASSWORD_RESET_RATE", default="5/h")
PASSWORD_CHANGE_RATE = env("PASSWORD_CHANGE_RATE", default="10/h")
RATELIMIT_VIEW = "accounts.throttling.rate_limited"
RATELIMIT_IP_META_KEY = "accounts.throttling.client_ip"

# Content Security Policy (django-csp 4): no inline script anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False

# The domain's own knobs.
EVIDENCE_STALE_AFTER_YEARS = env.int("EVIDENCE_STALE_AFTER_YEARS", default=3)
INVITATION_DAYS = env.int("INVITATION_DAYS", default=30)
# The most snippets one CSV export holds: each row's Chicago footnote is a citeproc render (10–20 ms),
# so a whole library (100,000 snippets: half an hour) would outlast the worker; past it the export is
# refused with the count and the limit, and the search page offers no download until the list is narrower.
EVIDENCE_CSV_MAX_ROWS = env.int("EVIDENCE_CSV_MAX_ROWS", default=1000)
# A render of user text runs in a sandbox worker with this much wall and processor time and memory
# (resolutions/filing/pdf/render.py); keep the timeout below gunicorn's (config/gunicorn.py).
PDF_RENDER_TIMEOUT_SECONDS = env.int("PDF_RENDER_TIMEOUT_SECONDS", default=60)
PDF_RENDER_MEMORY_MB = env.int("PDF_RENDER_MEMORY_MB", default=1024)
# Emails sent from background jobs (notifications) link here: the address people open the app at.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
# How often an open page asks for the unread count of the header's bell.
NOTIFICATION_POLL_SECONDS = env.int("NOTIFICATION_POLL_SECONDS", default=30)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
