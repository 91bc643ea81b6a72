"""The category classifier: TF-IDF over folded syllable uni- and bigrams, then a linear model (logistic
regression, so that a suggestion has a probability the panel can show and a threshold can cut).
Character n-grams inside words can be added (``chars=True``); on the benchmark they did not help
(bench/RESULTS.md, "Suggested category").

Pure functions (fit, evaluate, serialise) are shared with ``bench/routing_eval.py``; the database side
(load the newest active model, cache it per process by version) is at the bottom. A model blob is only
ever written by ``danvan.routing.services.classifier_train`` and is signed with an HMAC of the site's
secret key; a blob whose signature does not match is never unpickled.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import logging
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

# scikit-learn, numpy and joblib are imported inside the functions: importing them costs seconds, and
# every web process loads this module through the URLs even if it never suggests anything.

logger = logging.getLogger(__name__)

ALGORITHM = "tfidf(word 1-2) + logistic regression (saga)"
ALGORITHM_CHARS = "tfidf(word 1-2 + char_wb 2-4) + logistic regression (saga)"
TEST_SIZE = 0.2
SEED = 2026


def build_pipeline(*, chars: bool = False, c: float = 4.0, max_features: int = 300_000) -> Pipeline:
    """A fresh, unfitted pipeline. Only built-in scikit-learn objects: nothing of ours is pickled."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    words = TfidfVectorizer(
        token_pattern=r"\S+",  # noqa: S106 - a regular expression, not a password
        lowercase=False,
        ngram_range=(1, 2),
        min_df=2,
        max_df=0.5,
        sublinear_tf=True,
        max_features=max_features,
        dtype=np.float32,
    )
    parts: list[tuple[str, Any]] = [("words", words)]
    if chars:
        parts.append(
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=(2, 4),
                    lowercase=False,
                    min_df=3,
                    sublinear_tf=True,
                    max_features=max_features,
                    dtype=np.float32,
                ),
            )
        )
    return Pipeline(
        [
            ("features", FeatureUnion(parts)),
            (
                "model",
                LogisticRegression(
                    C=c, solver="saga", max_iter=200, tol=1e-3, class_weight="balanced", random_state=SEED
                ),
            ),
        ]
    )


@dataclass
class Evaluation:
    macro_f1: float
    accuracy: float
    per_class: dict[str, dict[str, float]]
    n_train: int
    n_test: int


@dataclass
class Trained:
    pipeline: Pipeline
    labels: list[str]
    evaluation: Evaluation | None
    seconds: float
    algorithm: str = ALGORITHM
    notes: list[str] = field(default_factory=list)


def evaluate(y_true: Sequence[str], y_pred: Sequence[str], labels: Sequence[str]) -> Evaluation:
    from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

    precision, recall, f1, support = precision_recall_fscore_support(
        y_true, y_pred, labels=list(labels), zero_division=0
    )
    per_class = {
        label: {"precision": float(p), "recall": float(r), "f1": float(f), "support": int(s)}
        for label, p, r, f, s in zip(labels, precision, recall, f1, support, strict=True)
    }
    return Evaluation(
        macro_f1=float(f1_score(y_true, y_pred, labels=list(labels), average="macro", zero_division=0)),
        accuracy=float(accuracy_score(y_true, y_pred)),
        per_class=per_class,
        n_train=0,
        n_test=len(y_true),
    )


def split(texts: Sequence[str], labels: Sequence[str], *, seed: int = SEED) -> tuple[list, list, list, list]:
    """80/20, stratified when every class has at least two samples."""
    from sklearn.model_selection import train_test_split

    counts = Counter(labels)
    stratify = list(labels) if min(counts.values()) >= 2 else None
    x_train, x_test, y_train, y_test = train_test_split(
        list(texts), list(labels), test_size=TEST_SIZE, random_state=seed, stratify=stratify
    )
    return x_train, x_test, y_train, y_test


def fit(texts: Sequence[str], labels: Sequence[str], *, held_out: bool = True, **options: Any) -> Trained:
    """Evaluate on a held-out 20 % (macro-F1), then fit the model that is kept on all the samples."""
    started = time.perf_counter()
    classes = sorted(set(labels))
    evaluation = None
    if held_out:
        x_train, x_test, y_train, y_test = split(texts, labels)
        probe = build_pipeline(**options).fit(x_train, y_train)
        evaluation = evaluate(y_test, list(probe.predict(x_test)), classes)
        evaluation.n_train = len(x_train)
    pipeline = build_pipeline(**options).fit(list(texts), list(labels))
    return Trained(pipeline=pipeline, labels=classes, evaluation=evaluation, seconds=time.perf_counter() - started)


def predict(pipeline: Pipeline, text: str) -> tuple[str, float]:
    """The most probable category code and its probability."""
    probabilities = pipeline.predict_proba([text])[0]
    best = int(probabilities.argmax())
    return str(pipeline.classes_[best]), float(probabilities[best])


# --- Serialisation ----------------------------------------------------------------------------------


def _signature(blob: bytes) -> str:
    key = hashlib.sha256(("danvan.routing.classifier:" + settings.SECRET_KEY).encode()).digest()
    return hmac.new(key, blob, hashlib.sha256).hexdigest()


def dump(pipeline: Pipeline) -> tuple[bytes, str]:
    import joblib

    buffer = io.BytesIO()
    joblib.dump(pipeline, buffer, compress=3)
    blob = buffer.getvalue()
    return blob, _signature(blob)


def load(blob: bytes, digest: str) -> Pipeline | None:
    """Unpickle a blob we wrote ourselves; ``None`` if its signature does not match (never unpickled)."""
    if not digest or not hmac.compare_digest(_signature(bytes(blob)), digest):
        return None
    import joblib
    from sklearn.pipeline import Pipeline

    pipeline = joblib.load(io.BytesIO(bytes(blob)))
    return pipeline if isinstance(pipeline, Pipeline) else None


# --- The model in use (per process, keyed by version) -------------------------------------------------

_lock = threading.Lock()
_cache: dict[str, Any] = {"version": None, "pipeline": None}


@dataclass(frozen=True)
class Loaded:
    version: int
    pipeline: Pipeline


def active_model() -> Loaded | None:
    """The newest active model, loaded once per process and version (a retrain elsewhere is seen at once)."""
    from danvan.routing.models import ClassifierModel

    row = ClassifierModel.objects.filter(is_active=True).order_by("-version").values("pk", "version").first()
    if row is None:
        return None
    with _lock:
        if _cache["version"] == row["version"] and _cache["pipeline"] is not None:
            return Loaded(row["version"], _cache["pipeline"])
    stored = ClassifierModel.objects.filter(pk=row["pk"]).values("blob", "digest").first()
    if stored is None or not stored["blob"]:
        return None
    pipeline = load(bytes(stored["blob"]), stored["digest"])
    if pipeline is None:
        logger.warning("routing: classifier v%s has a bad signature; not used (retrain it)", row["version"])
        return None
    with _lock:
        _cache.update(version=row["version"], pipeline=pipeline)
    return Loaded(row["version"], pipeline)


def cache_clear() -> None:
    with _lock:
        _cache.update(version=None, pipeline=None)
