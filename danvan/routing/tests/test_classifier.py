"""The category classifier: training from confirmed classifications, prediction, persistence with a
signature, the per-process cache, and data minimisation (no identity in the model)."""

from __future__ import annotations

import random

import pytest
from django.core.management import call_command
from django.utils import translation

from danvan.audit.models import AuditEvent
from danvan.cases.models import Category
from danvan.routing import classifier
from danvan.routing.features import PartyIdentity, petition_text
from danvan.routing.models import ClassifierModel, Decision, RoutingSuggestion, Source
from danvan.routing.selectors import suggest_routing
from danvan.routing.services import classifier_train, confirmed_labels
from danvan.routing.tasks import classifier_train_weekly

from .conftest import DENOUNCER, PIECES, letter, make_confirmed


@pytest.fixture(autouse=True)
def _small_thresholds(settings):
    settings.ROUTING_MIN_SAMPLES = 20
    settings.ROUTING_MIN_MACRO_F1 = 0.6
    settings.ROUTING_MIN_CONFIDENCE = 0.4


def test_features_fold_and_cut_identity():
    parties = [
        PartyIdentity(role="petitioner", full_name="Nguyễn Văn An", phone="0912 345 678", personal_id="001085012345")
    ]
    text = petition_text(
        kind="denunciation",
        subject="Tố cáo cán bộ ĐỊA CHÍNH",
        content="Tôi là Nguyễn Văn An, số điện thoại 0912.345.678, CCCD 001085012345. Cán bộ nhận tiền.",
        parties=parties,
    )
    assert text == "kind_denunciation to cao can bo dia chinh toi la so dien thoai cccd can bo nhan tien"


def test_fit_and_predict_pure():
    rng = random.Random(3)
    texts, labels = [], []
    for code in PIECES:
        for _ in range(15):
            texts.append(petition_text(kind="feedback", subject="Đơn", content=letter(code, rng)))
            labels.append(code)
    trained = classifier.fit(texts, labels)
    assert trained.labels == ["corruption", "environment", "land"]
    assert trained.evaluation is not None
    assert trained.evaluation.n_test == 9
    code, probability = classifier.predict(
        trained.pipeline,
        petition_text(kind="feedback", subject="", content="nước thải chăn nuôi gây ô nhiễm, mùi hôi thối"),
    )
    assert code == "environment"
    assert 0.4 < probability <= 1


def test_not_enough_data_trains_nothing(world, head_a):
    make_confirmed(world, head_a, per_class=3)
    result = classifier_train()
    assert result.model is None
    assert result.n_samples == 9
    assert ClassifierModel.objects.count() == 0


def test_train_from_confirmed_classifications_then_suggest(world, head_a, submit):
    make_confirmed(world, head_a, per_class=20)
    audit_before = AuditEvent.objects.count()
    result = classifier_train()
    model = result.model
    assert model is not None
    assert model.is_active
    assert (model.version, model.n_samples, model.n_train, model.n_test) == (1, 60, 48, 12)
    assert model.labels == ["corruption", "environment", "land"]
    assert model.macro_f1 is not None
    assert model.macro_f1 >= 0.6
    assert set(model.per_class) == {"corruption", "environment", "land"}
    assert model.size_bytes == len(bytes(model.blob)) > 0
    event = AuditEvent.objects.order_by("-seq").first()
    assert AuditEvent.objects.count() == audit_before + 1
    assert (event.action, event.data["version"], event.data["active"]) == ("routing.classifier_trained", 1, True)

    petition = submit(
        kind="feedback",
        complaint_round=None,
        subject="Phản ánh ô nhiễm",
        content="Cơ sở chăn nuôi xả nước thải ra mương, mùi hôi thối ảnh hưởng nhiều hộ dân.",
        respondent_name="",
    )
    suggestion = suggest_routing(petition)
    assert suggestion.category == Category.objects.get(code="environment")
    assert (suggestion.source, suggestion.model_version) == (Source.CLASSIFIER, 1)
    assert suggestion.confidence is not None
    assert suggestion.confidence >= 0.4
    # The category is only suggested: the petition keeps its own (none).
    petition.refresh_from_db()
    assert petition.category is None


def test_unconfident_prediction_is_not_suggested(world, head_a, submit, settings):
    make_confirmed(world, head_a, per_class=20)
    classifier_train()
    settings.ROUTING_MIN_CONFIDENCE = 0.999
    petition = submit(kind="feedback", complaint_round=None, subject="Đơn", content="Tôi xin trình bày một việc.")
    suggestion = suggest_routing(petition)
    assert (suggestion.category, suggestion.source, suggestion.model_version) == (None, Source.NONE, 1)


def test_identity_never_enters_the_model(world, head_a):
    make_confirmed(world, head_a, per_class=20, name=DENOUNCER)
    from danvan.cases.models import Party, Petition

    Party.objects.bulk_create(
        [Party(petition=p, role="petitioner", full_name=DENOUNCER) for p in Petition.objects.all()]
    )
    model = classifier_train().model
    pipeline = classifier.load(bytes(model.blob), model.digest)
    vocabulary = pipeline.named_steps["features"].transformer_list[0][1].vocabulary_
    assert not {w for w in vocabulary if "pao" in w.split() or w == "lo van"}


def test_a_tampered_model_is_never_loaded(world, head_a, submit):
    make_confirmed(world, head_a, per_class=20)
    model = classifier_train().model
    ClassifierModel.objects.filter(pk=model.pk).update(digest="0" * 64)
    classifier.cache_clear()
    assert classifier.active_model() is None
    assert classifier.load(bytes(model.blob), "") is None
    suggestion = suggest_routing(submit())
    assert (suggestion.category, suggestion.source) == (None, Source.NONE)


def test_model_cached_per_version(world, head_a, django_assert_num_queries):
    make_confirmed(world, head_a, per_class=20)
    classifier_train()
    first = classifier.active_model()
    with django_assert_num_queries(1):  # only the version is looked up: the blob is not read again
        again = classifier.active_model()
    assert again.pipeline is first.pipeline
    make_confirmed(world, head_a, per_class=20, seed=2)
    classifier_train()
    newer = classifier.active_model()
    assert (first.version, newer.version) == (1, 2)
    assert newer.pipeline is not first.pipeline
    assert list(ClassifierModel.objects.order_by("version").values_list("is_active", flat=True)) == [False, True]


def test_poor_model_is_kept_but_not_used(world, head_a, settings):
    settings.ROUTING_MIN_MACRO_F1 = 1.01
    make_confirmed(world, head_a, per_class=20)
    model = classifier_train().model
    assert model is not None
    assert not model.is_active
    assert classifier.active_model() is None


def test_old_blobs_are_dropped(world, head_a):
    make_confirmed(world, head_a, per_class=20)
    for _ in range(4):
        classifier_train()
    kept = list(ClassifierModel.objects.order_by("version").values_list("version", "blob"))
    assert [v for v, blob in kept if blob is None] == [1]
    assert len(kept) == 4


def test_corrections_are_training_labels(world, head_a, submit):
    """A decision with a category counts; a later classification of the petition wins over it."""
    land = Category.objects.get(code="land")
    env = Category.objects.get(code="environment")
    decided = submit()
    classified = submit()
    for petition, category in ((decided, land), (classified, land)):
        RoutingSuggestion.objects.create(
            petition=petition,
            respondent="unknown",
            explanation="…",
            source=Source.NONE,
            decision=Decision.CORRECTED,
            final_category=category,
            decided_by=head_a,
            decided_at=petition.created_at,
        )
    from danvan.cases.services import workflow

    workflow.petition_classify(
        actor=head_a, petition=classified, eligible=True, within_competence=True, category_id=env.pk
    )
    assert confirmed_labels(limit=100) == {classified.pk: "environment", decided.pk: "land"}


def test_retraining_records_what_the_petition_finally_got(world, head_a, submit):
    env = Category.objects.get(code="environment")
    petition = submit()
    suggestion = RoutingSuggestion.objects.create(
        petition=petition,
        respondent="commune_leader",
        explanation="…",
        source=Source.NONE,
        suggested_organization=world.org_a,
        decision=Decision.ACCEPTED,
        final_organization=world.org_a,
        decided_by=head_a,
        decided_at=petition.created_at,
    )
    from danvan.cases.services import workflow

    workflow.petition_classify(
        actor=head_a, petition=petition, eligible=True, within_competence=True, category_id=env.pk
    )
    result = classifier_train()
    assert result.observed == 1
    suggestion.refresh_from_db()
    assert (suggestion.observed_category, suggestion.observed_organization) == (env, world.org_a)
    assert suggestion.observed_at is not None
    assert suggestion.category_agreed is False  # nothing was suggested for the category


def test_command_and_weekly_task(world, head_a, capsys):
    with translation.override("en"):
        call_command("routing_train")
    assert "Not enough confirmed classifications" in capsys.readouterr().out
    make_confirmed(world, head_a, per_class=20)
    call_command("routing_train")
    out = capsys.readouterr().out
    assert "classifier v1: 60 samples (48 train / 12 held out), macro-F1" in out
    result = classifier_train_weekly.call_local()
    assert (result["version"], result["active"], result["n_samples"]) == (2, True, 60)
