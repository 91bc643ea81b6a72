"""DânVận settings: one env-driven file. Every variable is documented in README.md."""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP  # type: ignore[import-not-found,unused-ignore]
from django.utils.translation import gettext_lazy as _
from redis import ConnectionPool

from config.env import (
    development_secret_key,
    env_bool,
    env_database,
    env_email,
    env_int,
    env_list,
    env_redis_url,
    env_secret,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("DANVAN_VAR_DIR", str(BASE_DIR / "var")))
try:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
except OSError as exc:
    raise ImproperlyConfigured(f"DANVAN_VAR_DIR={VAR_DIR} cannot be created: {exc}") from None

DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = env_secret("SECRET_KEY") or ""
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY là bắt buộc khi DEBUG tắt / SECRET_KEY is required when DEBUG is off "
            "(set SECRET_KEY or SECRET_KEY_FILE)."
        )
    SECRET_KEY = development_secret_key(VAR_DIR / "secret_key")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django_htmx",
    "ninja",
    "rules.apps.AutodiscoverRulesConfig",
    "huey.contrib.djhuey",
    "danvan.core",
    "danvan.outbox",
    "danvan.audit",
    "danvan.geography",
    "danvan.accounts",
    "danvan.communities",
    "danvan.law",
    "danvan.calendar",
    "danvan.documents",
    "danvan.cases",
    "danvan.search",
    "danvan.routing",
    "danvan.notifications",
    "danvan.reports",
    "danvan.feedback",
    "danvan.reception",
    "danvan.portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "danvan.core.middleware.VietnameseFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Before any view or CsrfViewMiddleware.process_view reads the body; after the user is known, so
    # that its error pages show the person's own navigation.
    "danvan.core.middleware.RequestGuardMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "danvan.core.middleware.RequestContextMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "danvan" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "danvan.portal.context_processors.site",
            ],
            "builtins": ["django.templatetags.i18n"],
        },
    }
]

# --- Database -------------------------------------------------------------------------------------
DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{VAR_DIR / 'danvan.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Background tasks (Huey): SqliteHuey by default, RedisHuey when REDIS_URL is set -------------
REDIS_URL = env_redis_url("REDIS_URL")
HUEY: dict[str, object] = {
    "name": env_str("HUEY_NAME", "danvan"),
    "immediate": env_bool("HUEY_IMMEDIATE", default=False),
    "utc": True,
    "consumer": {"workers": env_int("HUEY_WORKERS", 2), "worker_type": "thread"},
}
if REDIS_URL:
    # Bounded timeouts: enqueueing onto a Redis that does not answer fails fast (the outbox keeps the
    # follow-up and relays it later) instead of holding the request. The consumer blocks 1 s per read.
    HUEY |= {
        "huey_class": "huey.RedisHuey",
        "connection_pool": ConnectionPool.from_url(REDIS_URL, socket_connect_timeout=1, socket_timeout=5),
    }
else:
    HUEY |= {"huey_class": "huey.SqliteHuey", "filename": str(VAR_DIR / "huey.sqlite3")}

# --- Cache ----------------------------------------------------------------------------------------
# A cache is never a requirement of a request: FailSafeCache turns an unreachable Redis into misses and
# dropped writes (a warning in the log), and rate limits stay open while it is down (RATELIMIT_FAIL_OPEN).
if REDIS_URL:
    _cache_backend: dict[str, object] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "socket_connect_timeout": 0.5,
        "socket_timeout": 0.5,
    }
    _cache_location = REDIS_URL
else:
    _cache_backend, _cache_location = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}, ""
CACHES = {
    "default": {"BACKEND": "danvan.core.cache.FailSafeCache", "LOCATION": _cache_location, "OPTIONS": _cache_backend}
}
RATELIMIT_FAIL_OPEN = True

# --- Authentication -------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "portal:after_login"
LOGOUT_REDIRECT_URL = "portal:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "danvan.accounts.validators.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60 * 2

# Officers (anyone with an active membership) must use TOTP two-factor authentication. On by default
# whenever DEBUG is off; see docs/adr/0004-officer-two-factor.md.
DANVAN_OFFICER_2FA_REQUIRED = env_bool("DANVAN_OFFICER_2FA_REQUIRED", default=not DEBUG)
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "DânVận")

# django-axes: lock out after repeated failed logins for one username from one address.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False
DANVAN_PROXY_COUNT = env_int("PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "danvan.core.middleware.client_ip"

# --- Internationalisation: English msgids, Vietnamese by default ---------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True
LANGUAGE_COOKIE_NAME = "danvan_language"
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static and media files -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "danvan" / "static", ("vendor", BASE_DIR / "var" / "vendor")]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# A body other than a multipart form (JSON, form-encoded) may be at most this long; a multipart form's
# fields other than files too. Files are limited by DANVAN_ATTACHMENT_MAX_MB/_COUNT (below), and
# RequestGuardMiddleware answers 413 above either limit (docs/api.md "Errors").
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440)
MEDIA_S3_BUCKET = env_str("MEDIA_S3_BUCKET")
_media_storage: dict[str, object] = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
if MEDIA_S3_BUCKET:
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": env_str("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": env_str("MEDIA_S3_REGION") or None,
            "access_key": env_secret("MEDIA_S3_ACCESS_KEY"),
            "secret_key": env_secret("MEDIA_S3_SECRET_KEY"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
STORAGES = {
    "default": _media_storage,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- E-mail ---------------------------------------------------------------------------------------
MAILERS = {"default": env_email("EMAIL_URL", "console://" if DEBUG else "smtp://localhost:25")}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "DânVận <no-reply@danvan.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security -------------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "danvan.core.views.csrf_failure"
# Error answers by path: the API's JSON body and Open311's error list instead of an HTML page.
DANVAN_ERROR_BODIES = {
    "/api/": "danvan.core.error_bodies.json_error",
    "/open311/": "danvan.cases.open311_format.error_for_request",
}
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# --- django-ninja ---------------------------------------------------------------------------------
NINJA_PAGINATION_PER_PAGE = 50
# The furthest a list may be read with limit/offset (a larger offset answers 422).
DANVAN_API_MAX_OFFSET = 1_000_000

# --- Logging: never log petition content or identities; errors go to stderr ----------------------
LOG_LEVEL = env_str("LOG_LEVEL", "INFO").upper()
if LOG_LEVEL not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
    raise ImproperlyConfigured(f"LOG_LEVEL={LOG_LEVEL!r} is not one of DEBUG, INFO, WARNING, ERROR, CRITICAL.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stderr"], "level": LOG_LEVEL},
    "loggers": {"django.security.DisallowedHost": {"level": "ERROR"}},
}

ADMINS = env_list("ADMIN_EMAILS", [])
# Server-error reports (e-mail to ADMINS, the debug page) name parameters but never show their values.
DEFAULT_EXCEPTION_REPORTER = "danvan.core.error_reports.PersonalDataExceptionReporter"
DEFAULT_EXCEPTION_REPORTER_FILTER = "danvan.core.error_reports.PersonalDataReporterFilter"

# Demo data may only be loaded into a development instance (DEBUG on) or when explicitly allowed.
DANVAN_ALLOW_DEMO_DATA = env_bool("DANVAN_ALLOW_DEMO_DATA", default=DEBUG)
# Two-factor enrolment needs a one-time code from an administrator (hours it stays valid, wrong tries allowed).
DANVAN_OTP_ENROLMENT_HOURS = env_int("DANVAN_OTP_ENROLMENT_HOURS", 72)
DANVAN_OTP_ENROLMENT_MAX_TRIES = 5
DANVAN_SITE_NAME = env_str("DANVAN_SITE_NAME", "DânVận")
DANVAN_ATTACHMENT_MAX_BYTES = env_int("DANVAN_ATTACHMENT_MAX_MB", 10) * 1024 * 1024
DANVAN_ATTACHMENT_MAX_COUNT = env_int("DANVAN_ATTACHMENT_MAX_COUNT", 10)
DANVAN_SITE_URL = env_str("DANVAN_SITE_URL", "http://127.0.0.1:8000")
DANVAN_OPEN311_POST_RATE = env_str("DANVAN_OPEN311_POST_RATE", "10/h")
