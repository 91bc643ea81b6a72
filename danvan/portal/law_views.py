"""The officer page "Căn cứ pháp lý": every rule in force on a chosen day, with its citation and certainty,
searchable without accents, and the versions of one code. It lives in the officer workspace (portal) so that
the law app depends on nothing but ``danvan.core``; its template and reads are the law app's."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from danvan.accounts.access import officer_required
from danvan.law.forms import LawFilterForm
from danvan.law.selectors import history, rules_in_force


@officer_required
def rule_list(request: HttpRequest) -> HttpResponse:
    form = LawFilterForm(request.GET or None)
    valid = form.is_valid() if request.GET else True
    data = form.cleaned_data if request.GET and valid else {}
    day = data.get("on") or timezone.localdate()
    listing = rules_in_force(on=day, query=data.get("q") or "")
    code = request.GET.get("code", "")[:100]
    versions = history(code) if code else []
    context = {"form": form, "listing": listing, "code": code, "versions": versions}
    return render(request, "law/rule_list.html", context, status=200 if valid else 400)
