from __future__ import annotations

import datetime as dt
import random

import pytest

from danvan.accounts.models import Role
from danvan.cases.models import CaseEvent, Category, Petition
from danvan.cases.services.intake import PartyData, PetitionData, petition_submit
from danvan.routing import classifier
from danvan.testing import World, make_user

DENOUNCER = "Lò Văn Páo"
DENOUNCER_PHONE = "0987654321"


@pytest.fixture(autouse=True)
def _fresh_model_cache():
    classifier.cache_clear()
    yield
    classifier.cache_clear()


@pytest.fixture
def head_a(world: World):
    return make_user("head_a", org=world.org_a, role=Role.UNIT_HEAD)


@pytest.fixture
def submit(world: World):
    """A petition received by commune A's People's Committee (override any PetitionData field)."""

    def _submit(*, organization=None, **overrides) -> Petition:
        values = {
            "kind": "complaint",
            "complaint_round": 1,
            "subject": "Khiếu nại quyết định thu hồi đất",
            "content": "Tôi khiếu nại Quyết định số 15/QĐ-UBND về việc thu hồi đất nông nghiệp của gia đình tôi.",
            "unit": world.commune_a,
            "respondent_name": "Chủ tịch UBND phường Tân Phong",
            "decision_reference": "Quyết định số 15/QĐ-UBND",
            "received_on": dt.date(2026, 11, 2),
            "parties": [PartyData(full_name="Nguyễn Văn An", phone="0912345678")],
        }
        values.update(overrides)
        data = PetitionData(**values)
        return petition_submit(actor=None, data=data, receiving_organization=organization or world.org_a).petition

    return _submit


# --- A small labelled corpus: three subject areas, varied letters ------------------------------------

PIECES = {
    "land": [
        "thửa đất số {n} của gia đình tôi bị đo đạc sai",
        "đề nghị cấp giấy chứng nhận quyền sử dụng đất",
        "nhà bên cạnh lấn chiếm ranh giới đất",
        "tờ bản đồ địa chính ghi sai diện tích",
        "tranh chấp quyền sử dụng đất với hộ liền kề",
        "hồ sơ đăng ký đất đai chưa được giải quyết",
    ],
    "environment": [
        "cơ sở chăn nuôi xả nước thải ra mương",
        "mùi hôi thối ảnh hưởng {n} hộ dân",
        "khói bụi từ lò gạch gây ô nhiễm không khí",
        "rác thải không được thu gom bốc mùi",
        "nước suối bị ô nhiễm có màu đục",
        "cây trồng chết do nước thải tràn ra ruộng",
    ],
    "corruption": [
        "cán bộ thu thêm {n} nghìn đồng không có biên lai",
        "tiền hỗ trợ thiên tai bị giữ lại một phần",
        "quỹ đóng góp của dân không công khai thu chi",
        "lợi dụng chức vụ để trục lợi",
        "nghiệm thu công trình khống khối lượng",
        "nhận tiền khi làm thủ tục hành chính",
    ],
}


def letter(code: str, rng: random.Random, *, name: str = "") -> str:
    parts = [p.format(n=rng.randint(2, 90)) for p in rng.sample(PIECES[code], 3)]
    intro = f"Tôi là {name}, xin trình bày. " if name else ""
    return intro + ". ".join(parts) + "."


def make_confirmed(world: World, officer, *, per_class: int = 20, seed: int = 1, name: str = "") -> list[Petition]:
    """Petitions classified by ``officer`` with a category (bulk, as confirmed training data)."""
    rng = random.Random(seed)
    categories = {c.code: c for c in Category.objects.filter(code__in=PIECES)}
    rows = []
    for code in PIECES:
        for i in range(per_class):
            rows.append(
                Petition(
                    tracking_code=f"DV-T{code[:3].upper()}-{seed}{i:03d}",
                    secret_hash="x",
                    kind="feedback",
                    channel="web",
                    status="classified",
                    receiving_organization=world.org_a,
                    handling_organization=world.org_a,
                    unit=world.commune_a,
                    subject=f"Đơn về {rng.choice(PIECES[code]).format(n=5)}",
                    content=letter(code, rng, name=name),
                    category=categories[code],
                    received_on=dt.date(2026, 10, 1),
                )
            )
    created = Petition.objects.bulk_create(rows)
    created = list(Petition.objects.filter(tracking_code__in=[p.tracking_code for p in rows]))
    CaseEvent.objects.bulk_create(
        [CaseEvent(petition=p, action="classified", to_status="classified", actor=officer) for p in created]
    )
    return created
