"""Writes about petitions. Every function is keyword-only, runs in one transaction and writes an audit row."""
