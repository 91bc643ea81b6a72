"""Writes of the reception app: keyword-only, one transaction, an audit row in it, side effects on commit."""
