from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from danvan.audit.models import GENESIS_HASH, AuditChainHead, AuditEvent


@dataclass(frozen=True)
class ChainProblem:
    seq: int | None
    reason: str


def audit_chain_problems(*, chunk_size: int = 2000, on_row: Callable[[], None] | None = None) -> Iterator[ChainProblem]:
    """Walk the chain in order and yield every break: altered rows, missing or inserted rows."""
    expected_prev, expected_seq = GENESIS_HASH, 1
    last_seq = 0
    for event in AuditEvent.objects.order_by("seq").iterator(chunk_size=chunk_size):
        if event.seq != expected_seq:
            yield ChainProblem(expected_seq, f"row {expected_seq} is missing (next row is {event.seq})")
        if event.prev_hash != expected_prev:
            yield ChainProblem(event.seq, "previous-hash link does not match the row before it")
        if event.compute_hash() != event.hash:
            yield ChainProblem(event.seq, "content does not match its hash (row altered)")
        expected_prev, expected_seq, last_seq = event.hash, event.seq + 1, event.seq
        if on_row is not None:
            on_row()
    head = AuditChainHead.objects.filter(id=1).first()
    if head is not None and (head.seq != last_seq or head.hash != expected_prev):
        yield ChainProblem(last_seq + 1, f"chain head says {head.seq} rows but {last_seq} remain (rows cut off)")
