"""Forms of the petitions module: they parse input, nothing more. The services validate the domain
(personal ID, dates, attachments by content); their field errors are mapped back onto these forms."""
