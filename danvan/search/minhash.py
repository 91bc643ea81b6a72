"""MinHash signatures and LSH bands over word shingles (docs/adr/0009-duplicate-detection.md).

A petition's content becomes a set of 32-bit shingle hashes; the shingles that are common across the
corpus (form phrases every letter has, counted in ``ShingleFrequency``) are left out so that two letters share
a band only when their *specific* text is alike. The signature has ``BANDS × ROWS`` minima (datasketch
``MinHash``, affine32 scheme); each band becomes one signed 64-bit key in ``MinHashBand``.
"""

from __future__ import annotations

import hashlib
import math
import threading
import time
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash

BANDS = 32
ROWS = 2
NUM_PERM = BANDS * ROWS
SEED = 20261125
SCHEME = "affine32"
# A shingle found in more than this share of the petitions (and in at least MIN_COMMON of them) is common:
# left out of the signatures. Frequencies are kept for shingles seen at least DF_FLOOR times.
COMMON_SHARE = 0.001
MIN_COMMON = 20
DF_FLOOR = 3
MIDDLING_SHARE = 0.05
MIN_LSH_SET = 2
STATS_TTL = 300.0

_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def pack(hashes: Iterable[int]) -> bytes:
    return array("I", hashes).tobytes()


def unpack(blob: bytes | memoryview | None) -> frozenset[int]:
    if not blob:
        return frozenset()
    values = array("I")
    values.frombytes(bytes(blob))
    return frozenset(values)


def signature(hashes: Iterable[int]) -> np.ndarray | None:
    values = list(hashes)
    if not values:
        return None
    m = MinHash(num_perm=NUM_PERM, hashfunc=int, permutations=_PERMUTATIONS, scheme=SCHEME)
    m.update_batch(values)
    return m.hashvalues


def lsh_set(hashes: Iterable[int]) -> frozenset[int]:
    """The set a signature is made of: the distinctive shingles, if there are at least ``MIN_LSH_SET``.

    A letter with fewer has nothing particular to match on (its duplicates are found by the keys), and
    the many letters with the same one or no rare shingle would all share their bands.
    """
    rare = distinctive(hashes)
    return rare if len(rare) >= MIN_LSH_SET else frozenset()


def band_keys(sig: np.ndarray | None) -> list[int]:
    """One signed 64-bit key per band; the band number is part of the key."""
    if sig is None:
        return []
    data = sig.astype("<u4").tobytes()
    width = ROWS * 4
    keys = []
    for band in range(BANDS):
        digest = hashlib.blake2b(data[band * width : (band + 1) * width], digest_size=8, person=b"band%04d" % band)
        keys.append(int.from_bytes(digest.digest(), "little", signed=True))
    return keys


@dataclass(frozen=True)
class Frequencies:
    documents: int
    counts: dict[int, int]
    weights: dict[int, float] = field(default_factory=dict)

    @classmethod
    def of(cls, documents: int, counts: dict[int, int]) -> Frequencies:
        weights = {h: math.log((documents + 1) / (df + 0.5)) + 1.0 for h, df in counts.items()}
        return cls(documents, counts, weights)

    @property
    def common_limit(self) -> int:
        return max(MIN_COMMON, int(self.documents * COMMON_SHARE))

    @property
    def unseen_weight(self) -> float:
        return math.log((self.documents + 1) / 1.5) + 1.0

    def weight(self, shingle: int) -> float:
        """Inverse document frequency (unseen or rare shingles weigh the most)."""
        return self.weights.get(shingle, self.unseen_weight)


class _Stats:
    def __init__(self) -> None:
        self._value = Frequencies.of(0, {})
        self._loaded = -1e18
        self._lock = threading.Lock()

    def get(self) -> Frequencies:
        if time.monotonic() - self._loaded > STATS_TTL:
            from danvan.search.models import ShingleCorpus, ShingleFrequency

            with self._lock:
                corpus = ShingleCorpus.objects.order_by("pk").first()
                counts = dict(ShingleFrequency.objects.values_list("hash", "documents").iterator(chunk_size=20_000))
                self._value = Frequencies.of(corpus.documents if corpus else 0, counts)
                self._loaded = time.monotonic()
        return self._value

    def reset(self) -> None:
        self._loaded = -1e18


stats = _Stats()


def distinctive(hashes: Iterable[int]) -> frozenset[int]:
    """The shingles that are not common form phrases (the MinHash set)."""
    freq = stats.get()
    limit = freq.common_limit
    return frozenset(h for h in hashes if freq.counts.get(h, 0) <= limit)


def middling(hashes: Iterable[int]) -> frozenset[int]:
    """Shingles too common to be particulars but not form phrases: places, officials, projects, months."""
    freq = stats.get()
    low, high = freq.common_limit, max(freq.common_limit, int(freq.documents * MIDDLING_SHARE))
    return frozenset(h for h in hashes if low < freq.counts.get(h, 0) <= high)


def weighted_similarity(a: frozenset[int], b: frozenset[int]) -> tuple[float, float]:
    """(weighted Jaccard, weighted containment of the lighter set) with IDF weights."""
    if not a or not b:
        return 0.0, 0.0
    freq = stats.get()
    get, unseen = freq.weights.get, freq.unseen_weight
    wa = sum(get(h, unseen) for h in a)
    wb = sum(get(h, unseen) for h in b)
    inter = sum(get(h, unseen) for h in a & b)
    return inter / (wa + wb - inter), inter / min(wa, wb)
