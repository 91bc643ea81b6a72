"""``{% list_url query "received" kind="complaint" %}``: the address of the list a number counts."""

from __future__ import annotations

from urllib.parse import urlencode

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag
def list_url(query: str, measure: str, **filters: object) -> str:
    extra = {key: value for key, value in filters.items() if value not in (None, "")}
    params = "&".join(part for part in (query, urlencode({"measure": measure, **extra})) if part)
    return f"{reverse('reports:petition_list')}?{params}"


@register.filter
def get(mapping: dict, key: str) -> object:
    return mapping.get(key)
