"""Strings of Django itself that its Vietnamese catalogue does not translate yet (several are new in Django 6.1:
the "- Select an option -" of every optional choice field). Marked here so that ``makemessages`` keeps them in our
catalogues, which Django reads before its own (``LOCALE_PATHS``): forms and pages then show Vietnamese, not English.
Nothing imports this module; it only carries the marks."""

from __future__ import annotations

from django.utils.translation import gettext_noop

FRAMEWORK_STRINGS = (
    gettext_noop("- Select an option -"),
    gettext_noop("That page number is not an integer"),
    gettext_noop("That page number is less than 1"),
    gettext_noop("That page contains no results"),
    gettext_noop("Null characters are not allowed."),
    gettext_noop("“%(value)s” value has an invalid date format. It must be in YYYY-MM-DD format."),
    gettext_noop("“%(value)s” value has the correct format (YYYY-MM-DD) but it is an invalid date."),
    gettext_noop("“%(value)s” value must be a decimal number."),
    gettext_noop("“%(value)s” value must be a float."),
    gettext_noop("“%(value)s” value must be an integer."),
    gettext_noop("“%(value)s” value must be either True or False."),
    gettext_noop("“%(value)s” is not a valid UUID."),
    gettext_noop("Value must be valid JSON."),
    gettext_noop("Enter a valid duration."),
    gettext_noop("Enter a complete value."),
    gettext_noop("Enter a valid UUID."),
    gettext_noop("Enter a valid JSON."),
    gettext_noop("“%(pk)s” is not a valid value."),
    gettext_noop("File extension “%(extension)s” is not allowed. Allowed extensions are: %(allowed_extensions)s."),
    gettext_noop("Enter a valid “slug” consisting of letters, numbers, underscores or hyphens."),
    gettext_noop("Date out of range"),
    gettext_noop("Forbidden"),
    gettext_noop("CSRF verification failed. Request aborted."),
)
