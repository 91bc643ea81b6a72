"""Writes of the reports app (narrative drafts) and the files it produces (XLSX, DOCX, CSV, JSON)."""
