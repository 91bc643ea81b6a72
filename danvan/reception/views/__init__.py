"""HTML views of the reception app: thin adapters that parse input, check the rule, call a service, render."""
