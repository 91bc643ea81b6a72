"""Forms of the reception app: they parse input, nothing more; the services validate the domain and their
field errors are put back on these forms (``danvan.reception.views.common.apply_error``)."""
