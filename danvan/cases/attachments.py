"""Attachment checks: the type is read from the content, not from the name, and size is limited."""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

ALLOWED = {
    "application/pdf": {".pdf"},
    "image/jpeg": {".jpg", ".jpeg"},
    "image/png": {".png"},
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {".docx"},
}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class CheckedFile:
    name: str
    content_type: str
    size: int
    sha256: str
    data: bytes


def _sniff(data: bytes) -> str | None:
    kind = filetype.guess(data)
    if kind is None:
        return None
    if kind.mime == "application/zip" or kind.mime == DOCX:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        return DOCX if "word/document.xml" in names and "[Content_Types].xml" in names else None
    return kind.mime


def check_upload(upload: UploadedFile) -> CheckedFile:
    """Return the checked file, or raise ``ValueError`` with a Vietnamese message for the citizen."""
    name = (upload.name or "").rsplit("/", 1)[-1][:200]
    limit = settings.DANVAN_ATTACHMENT_MAX_BYTES
    if upload.size is None or upload.size > limit:
        raise ValueError(
            _("%(name)s is larger than %(limit)s MB.") % {"name": name, "limit": round(limit / 1024 / 1024)}
        )
    data = upload.read()
    if not data:
        raise ValueError(_("%(name)s is empty.") % {"name": name})
    mime = _sniff(data)
    extension = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if mime not in ALLOWED:
        raise ValueError(_("%(name)s is not a PDF, JPEG, PNG or DOCX file.") % {"name": name})
    if extension not in ALLOWED[mime]:
        raise ValueError(
            _("%(name)s does not match its content (it is really a %(kind)s file).")
            % {"name": name, "kind": sorted(ALLOWED[mime])[0].lstrip(".").upper()}
        )
    return CheckedFile(name, mime, len(data), hashlib.sha256(data).hexdigest(), data)
