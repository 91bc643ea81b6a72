"""The audit trail pages (``/workspace/audit/``, ``/api/audit/events``): the read side of ``danvan.audit``.

The trail is scoped by jurisdiction and role, which ``accounts`` owns, so its pages live here; the
``audit`` app below keeps the write side (``audit_record``) and the chain check, and imports only ``core``.
"""
