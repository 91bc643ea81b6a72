"""Reads for reports, always scoped to the user (ARCHITECTURE.md §4.2): see ``scope``, ``measures``, ``tables``,
``dashboard``, ``satisfaction`` and ``opendata``."""
