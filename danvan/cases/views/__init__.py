"""HTML views of the petitions module (thin adapters: parse with a form, check the rule, call the service,
render). ``citizen``: no account needed; ``officer``: inbox and paper entry; ``case``: the case page."""
