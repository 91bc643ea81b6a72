"""Demo petitions: about a hundred cases over the last fourteen months, made only through the services.

Everything goes through the same services as the web and the API (intake, workflow, links, citizen rating,
reception, complex cases, hotspot scan), so every row has its timeline, deadlines, documents and audit
trail. A seeded generator picks names, dates and outcomes: two loads on the same day give the same demo.
Dates are counted back from today; a service that takes no date (classify, forward, guide, archive, close)
acts today, as an officer would.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from danvan.accounts.models import Organization, OrganizationKind, User
from danvan.cases.models import Category, Channel, Kind, Outcome, PartyRole, Petition
from danvan.cases.services import citizen, links, workflow
from danvan.cases.services.intake import PartyData, PetitionData, petition_submit
from danvan.geography.models import AdministrativeUnit
from danvan.portal import demo_cases_data as data
from danvan.portal.demo_cases_data import Topic

DEMO_SEED = 20_261_126
HISTORY_PETITIONS = 54


@dataclass
class Demo:
    """What the demo's petitions are made with, and what they made."""

    today: dt.date
    rng: random.Random
    province: AdministrativeUnit
    communes: list[AdministrativeUnit]
    orgs: dict[tuple[str, str], Organization]
    users: dict[str, User]
    categories: dict[str, Category]
    people: int = 0
    slots: dict[int, dict[str, Any]] = field(default_factory=dict)  # petition id → its text's slot values
    places: dict[int, int] = field(default_factory=dict)  # commune index → places handed out
    extra: dict[str, Any] = field(default_factory=dict)

    def org(self, where: str, kind: str = OrganizationKind.COMMUNE_COMMITTEE) -> Organization:
        return self.orgs[(where, kind)]

    def user(self, username: str) -> User:
        return self.users[username]

    def ago(self, days: int, *, weekday: bool = False) -> dt.date:
        day = self.today - dt.timedelta(days=days)
        while weekday and day.weekday() >= 5:
            day -= dt.timedelta(days=1)
        return day


def fmt(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def _short(unit: AdministrativeUnit) -> str:
    return unit.name[:1].lower() + unit.name[1:]


def place(demo: Demo, where: int) -> tuple[str, str]:
    """A street address (for a party) and a place (for the petition) in commune ``where``."""
    commune = demo.communes[where]
    # In turn rather than at random: no place gathers enough recent petitions to look like a hotspot.
    turn = demo.places[where] = demo.places.get(where, 0) + 1
    if commune.name.startswith("Phường"):
        street = f"Tổ dân phố số {turn % 12 + 1}"
    else:
        street = f"Bản {data.VILLAGES[turn % len(data.VILLAGES)]}"
    return street, f"{street}, {_short(commune)}"


def person(demo: Demo, where: int, *, female: bool | None = None, born: int | None = None) -> PartyData:
    """A citizen with a valid personal ID (birth registered in Lai Châu, code 012) and a phone of their own."""
    rng = demo.rng
    demo.people += 1
    female = rng.random() < 0.45 if female is None else female
    born = born or rng.randint(1950, 2002)
    middle = rng.choice(data.FEMALE_MIDDLE if female else data.MALE_MIDDLE)
    given = rng.choice(data.FEMALE_GIVEN if female else data.MALE_GIVEN)
    century = (born - 1900) // 100 * 2 + (1 if female else 0)
    personal_id = f"012{century}{born % 100:02d}{demo.people:03d}{rng.randint(0, 999):03d}"
    phone = f"0{rng.choice(['912', '983', '868', '369', '974', '388'])}{demo.people:03d}{rng.randint(0, 999):03d}"
    street, _place = place(demo, where)
    return PartyData(
        full_name=f"{rng.choice(data.FAMILY_NAMES)} {middle} {given}",
        personal_id=personal_id,
        birth_year=born,
        address_unit=demo.communes[where],
        address_street=street,
        phone=phone,
    )


def _slots(demo: Demo, topic: Topic, where: int, received_on: dt.date) -> dict[str, Any]:
    rng = demo.rng
    street, where_text = place(demo, where)
    decided = received_on - dt.timedelta(days=rng.randint(15, 75))
    return {
        "place": where_text,
        "street": street,
        "n": rng.randint(12, 480),
        "d": fmt(decided),
        "decided": decided,
        "year": received_on.year - rng.randint(0, 1) if topic.kind != Kind.COMPLAINT else rng.randint(1995, 2012),
        "area": rng.choice([120, 180, 240, 315, 420, 560, 860]),
        "amount": f"{rng.choice([150, 200, 300, 500, 800, 1200, 2500, 7500]):,}.000".replace(",", "."),
        "age": rng.randint(80, 93),
        "official": rng.choice(data.OFFICIALS),
        "people": 12,
        "respondent": rng.choice(data.RESPONDENT_TITLES).format(commune=_short(demo.communes[where])),
    }


def submit(
    demo: Demo,
    topic: Topic,
    *,
    received_on: dt.date,
    where: int = 0,
    org: Organization | None = None,
    actor: User | None = None,
    channel: str | None = None,
    parties: list[PartyData] | None = None,
    people_count: int = 1,
    anonymous: bool = False,
    complaint_round: int = 1,
    previous_round: Petition | None = None,
    extra: dict[str, Any] | None = None,
) -> Petition:
    """Register a petition on ``topic``: officers' entries name the officer, web petitions nobody."""
    values = _slots(demo, topic, where, received_on) | (extra or {})
    channel = channel or demo.rng.choice(topic.channels)
    if actor is None and channel not in (Channel.WEB, Channel.HOTLINE):
        actor = demo.user("demo.tiepdan")
    if parties is None:
        parties = [] if anonymous else [person(demo, where)]
    petition = petition_submit(
        actor=actor,
        data=PetitionData(
            kind=topic.kind,
            complaint_round=complaint_round if topic.kind == Kind.COMPLAINT else None,
            subject=topic.subject,
            content=topic.content.format(**values),
            unit=demo.communes[where],
            channel=channel,
            category=demo.categories[topic.category],
            location=values["place"] if topic.kind != Kind.DENUNCIATION else "",
            respondent_name=topic.respondent.format(**values),
            decision_reference=f"Quyết định số {values['n']}/QĐ-UBND" if topic.decision else "",
            decision_date=values["decided"] if topic.decision else None,
            people_count=people_count,
            is_anonymous=anonymous,
            received_on=received_on,
            parties=parties,
            previous_round=previous_round,
        ),
        receiving_organization=org or demo.org("0"),
    ).petition
    demo.slots[petition.pk] = values
    return petition


def answer_for(demo: Demo, petition: Petition, topic: Topic, outcome: str) -> str:
    values = demo.slots.get(petition.pk, {}) | {"decision": petition.decision_reference or "quyết định"}
    text = topic.answer_wrong if outcome == Outcome.WRONG else topic.answer
    return text.format(**values)


def pick_outcome(demo: Demo, topic: Topic) -> str:
    if topic.kind not in data.OUTCOME_WEIGHTS:
        return Outcome.ANSWERED
    if demo.rng.random() < 0.45:
        return Outcome.WRONG
    return Outcome.PARTLY_RIGHT if "đúng một phần" in topic.answer else Outcome.RIGHT


# The workflow, step by step, by the officer whose job it is: the reception officer classifies, the head
# accepts, assigns and concludes, the handler verifies.
def classify(demo: Demo, petition: Petition, *, actor: str = "demo.tiepdan") -> Petition:
    return workflow.petition_classify(actor=demo.user(actor), petition=petition, eligible=True, within_competence=True)


def accept(demo: Demo, petition: Petition, *, on: dt.date, actor: str = "demo.tiepdan") -> Petition:
    petition = classify(demo, petition, actor=actor)
    return workflow.petition_accept(actor=demo.user("demo.chutich"), petition=petition, on=on)


def verify(demo: Demo, petition: Petition, *, on: dt.date, handler: str = "demo.xuly") -> Petition:
    petition = accept(demo, petition, on=on)
    return workflow.petition_start_verification(
        actor=demo.user("demo.chutich"), petition=petition, handler=demo.user(handler)
    )


def resolve(
    demo: Demo,
    petition: Petition,
    topic: Topic,
    *,
    accepted_on: dt.date,
    concluded_on: dt.date,
    close: bool = True,
    outcome: str | None = None,
) -> Petition:
    """Accepted, verified (complaints and denunciations), concluded and, unless ``close`` is off, closed
    and rated by most citizens."""
    head = demo.user("demo.chutich")
    if topic.kind in (Kind.COMPLAINT, Kind.DENUNCIATION):
        handler = "demo.xuly" if demo.rng.random() < 0.8 else "demo.tiepdan"
        petition = verify(demo, petition, on=accepted_on, handler=handler)
    else:
        petition = accept(demo, petition, on=accepted_on)
    outcome = outcome or pick_outcome(demo, topic)
    petition = workflow.petition_conclude(
        actor=head,
        petition=petition,
        outcome=outcome,
        answer=answer_for(demo, petition, topic, outcome),
        on=concluded_on,
    )
    if not close:
        return petition
    petition = workflow.petition_close(actor=head, petition=petition)
    if demo.rng.random() < 0.75:
        low = outcome == Outcome.WRONG
        rating = demo.rng.choice([1, 2, 3, 3, 4] if low else [3, 4, 4, 5, 5, 5])
        petition = citizen.petition_rate(
            petition=petition, rating=rating, comment=demo.rng.choice(data.RATING_COMMENTS[rating])
        )
    return petition


def history(demo: Demo) -> list[Petition]:
    """Resolved petitions received 7 weeks to 14 months ago: the reports' earlier periods."""
    rng = demo.rng
    days = sorted((rng.randint(50, 420) for _ in range(HISTORY_PETITIONS)), reverse=True)
    topics = data.TOPICS * 3
    made = []
    for index, ago in enumerate(days):
        topic = topics[index]
        received = demo.ago(ago)
        petition = submit(demo, topic, received_on=received, where=0)
        accepted = received + dt.timedelta(days=rng.randint(1, 6))
        concluded = accepted + dt.timedelta(days=rng.randint(9, 27))
        made.append(resolve(demo, petition, topic, accepted_on=accepted, concluded_on=concluded))
    return made


def _first_wrong_complaint(petitions: list[Petition]) -> Petition:
    return next(p for p in petitions if p.kind == Kind.COMPLAINT and p.outcome == Outcome.WRONG)


def current(demo: Demo, earlier: list[Petition]) -> dict[str, Petition]:
    """The petitions of the last weeks, one or more in every state an officer meets. Returns the notable ones."""
    tiepdan, tiepdan2, head = demo.user("demo.tiepdan"), demo.user("demo.tiepdan2"), demo.user("demo.chutich")
    topic, special = data.TOPIC, data.SPECIAL
    notable: dict[str, Petition] = {}

    # Just received (one the same citizen sent twice, by hotline and online: the duplicate panel suggests it).
    caller = person(demo, 0)
    first = submit(demo, topic["street_lights"], received_on=demo.ago(1), channel=Channel.HOTLINE, parties=[caller])
    twice = submit(
        demo,
        topic["street_lights"],
        received_on=demo.today,
        channel=Channel.WEB,
        parties=[caller],
        extra={"place": demo.slots[first.pk]["place"]},
    )
    notable["suggested_duplicate"] = twice
    waste = submit(demo, topic["waste_point"], received_on=demo.ago(2), channel=Channel.WEB)
    # A second complaint goes to the province (Complaint Law art. 33): the same citizen as a first-round
    # complaint found wrong, linked to it.
    previous = _first_wrong_complaint(earlier)
    parties = [
        PartyData(
            full_name=p.full_name,
            personal_id=p.personal_id,
            birth_year=p.birth_year,
            address_unit=p.address_unit,
            address_street=p.address_street,
            phone=p.phone,
        )
        for p in previous.parties.filter(role=PartyRole.PETITIONER)
    ]
    notable["second_round"] = submit(
        demo,
        special["second_round"],
        received_on=demo.ago(3),
        channel=Channel.WEB,
        parties=parties,
        org=demo.org("province", OrganizationKind.PROVINCIAL_COMMITTEE),
        complaint_round=2,
        previous_round=previous,
        extra={"decided": previous.concluded_on, "d": fmt(previous.concluded_on or previous.received_on)},
    )
    # From the remote commune, to the province (longer time limits apply there).
    submit(
        demo,
        topic["disaster_housing"],
        received_on=demo.ago(4),
        where=2,
        channel=Channel.WEB,
        org=demo.org("province", OrganizationKind.PROVINCIAL_COMMITTEE),
    )
    # Received in commune 1 and classified there.
    classify(
        demo,
        submit(
            demo,
            topic["road_landslide"],
            received_on=demo.ago(3),
            where=1,
            org=demo.org("1"),
            actor=tiepdan2,
            channel=Channel.IN_PERSON,
        ),
        actor="demo.tiepdan2",
    )

    # Classified, waiting for the head's acceptance; accepted, waiting for a handler.
    classify(demo, submit(demo, topic["road_landslide"], received_on=demo.ago(4)))
    classify(demo, submit(demo, topic["building_fine"], received_on=demo.ago(5, weekday=True), channel=Channel.POST))
    accept(demo, submit(demo, topic["social_allowance"], received_on=demo.ago(8)), on=demo.ago(3))

    # Under verification with a handler.
    compensation = verify(demo, submit(demo, topic["compensation_price"], received_on=demo.ago(20)), on=demo.ago(16))
    notable["verification"] = compensation
    farm = verify(
        demo, submit(demo, topic["pig_farm"], received_on=demo.ago(12)), on=demo.ago(9), handler="demo.tiepdan"
    )
    links.petition_link_related(actor=tiepdan, petition=farm, other=waste)
    # A denunciation whose author names himself in the letter: only the handler and the head read who he is.
    author = person(demo, 0, female=False)
    notable["denunciation"] = verify(
        demo,
        submit(
            demo,
            special["named_denouncer"],
            received_on=demo.ago(18),
            channel=Channel.POST,
            parties=[author],
            extra={
                "self_name": author.full_name,
                "self_year": author.birth_year,
                "self_address": f"{author.address_street}, {_short(demo.communes[0])}",
                "self_phone": author.phone,
            },
        ),
        on=demo.ago(12),
    )
    # A denunciation extended once (Denunciation Law art. 30): complex, +30 days.
    village = verify(demo, submit(demo, topic["village_fund"], received_on=demo.ago(45)), on=demo.ago(38))
    notable["extended"] = workflow.petition_extend(
        actor=head, petition=village, reason="Nội dung tố cáo liên quan đến nhiều hộ, cần xác minh thu chi của từng hộ."
    )
    # Suspended while the land registry measures the plot again.
    suspended = verify(demo, submit(demo, topic["compensation_price"], received_on=demo.ago(30)), on=demo.ago(27))
    workflow.petition_suspend(
        actor=head, petition=suspended, reason="Chờ kết quả đo đạc lại của Văn phòng đăng ký đất đai."
    )
    # Concluded in the last days, the decision still to be sent.
    certificate = submit(demo, topic["land_certificate"], received_on=demo.ago(30))
    resolve(
        demo, certificate, topic["land_certificate"], accepted_on=demo.ago(26), concluded_on=demo.ago(1), close=False
    )
    water = submit(demo, topic["clean_water"], received_on=demo.ago(15))
    resolve(demo, water, topic["clean_water"], accepted_on=demo.ago(12), concluded_on=demo.ago(2), close=False)
    # The citizen withdrew (they settled with the neighbour).
    withdrawn = verify(demo, submit(demo, topic["building_fine"], received_on=demo.ago(22)), on=demo.ago(19))
    workflow.petition_withdraw(
        actor=None, petition=withdrawn, full=True, content="Gia đình đã tháo dỡ phần mái che và xin rút đơn."
    )

    # Forwarded to the competent body: a province department, the police, and commune 1 (which confirmed).
    sand = submit(demo, special["sand_mining"], received_on=demo.ago(6), where=1, channel=Channel.HOTLINE)
    workflow.petition_forward(
        actor=tiepdan,
        petition=sand,
        to_organization=demo.org("province", OrganizationKind.DEPARTMENT),
        reason="Khai thác khoáng sản trên suối thuộc quản lý của Sở Nông nghiệp và Môi trường.",
    )
    notable["forwarded"] = sand
    gambling = submit(demo, special["gambling"], received_on=demo.ago(5, weekday=True), channel=Channel.POST)
    workflow.petition_forward(
        actor=tiepdan,
        petition=gambling,
        to_organization=demo.org("province", OrganizationKind.POLICE),
        reason="Tố cáo hành vi có dấu hiệu tội phạm: chuyển cơ quan công an.",
    )
    to_commune = submit(demo, topic["clean_water"], received_on=demo.ago(7), where=1)
    workflow.petition_forward(
        actor=tiepdan,
        petition=to_commune,
        to_organization=demo.org("1"),
        reason="Công trình nước thuộc địa bàn xã Phong Thổ.",
    )
    workflow.petition_acknowledge(actor=tiepdan2, petition=to_commune)
    # And the other way: received in commune 1, about the ward, forwarded here and handled.
    pavement = submit(
        demo, topic["pavement"], received_on=demo.ago(9), org=demo.org("1"), actor=tiepdan2, channel=Channel.IN_PERSON
    )
    workflow.petition_forward(
        actor=tiepdan2,
        petition=pavement,
        to_organization=demo.org("0"),
        reason="Địa điểm phản ánh thuộc phường Tân Phong.",
    )
    workflow.petition_acknowledge(actor=tiepdan, petition=pavement)
    verify(demo, pavement, on=demo.today, handler="demo.tiepdan")

    # The same complaint sent to the ward and to commune 1: commune 1 marks its copy a duplicate.
    copy = submit(
        demo,
        topic["compensation_price"],
        received_on=demo.ago(17),
        org=demo.org("1"),
        channel=Channel.WEB,
        parties=[_same(p) for p in compensation.parties.all()],
        extra=_same_slots(demo, compensation),
    )
    notable["duplicate"] = links.petition_mark_duplicate(actor=tiepdan2, petition=copy, canonical=compensation)

    # Not taken up: guided to the competent body, archived on a legal ground, anonymous information.
    for index, (t, body, guidance) in enumerate(data.GUIDED):
        where, org, officer = (1, demo.org("1"), "demo.tiepdan2") if index == 2 else (0, demo.org("0"), "demo.tiepdan")
        guided = submit(
            demo,
            t,
            received_on=demo.ago(3 + 2 * index),
            where=where,
            org=org,
            actor=demo.user(officer),
            channel=Channel.IN_PERSON,
        )
        workflow.petition_guide(actor=demo.user(officer), petition=guided, guidance=guidance, competent_body=body)
    for index, (t, ground, reason) in enumerate(data.ARCHIVED):
        extra = {"d": "12/03/2019", "decided": dt.date(2019, 3, 12)} if ground == "kn11_6" else {}
        archived = submit(demo, t, received_on=demo.ago(4 + 3 * index), channel=Channel.POST, extra=extra)
        workflow.petition_archive(actor=tiepdan, petition=archived, ground=ground, reason=reason)
        notable.setdefault("archived", archived)
    lead = submit(
        demo,
        topic["poor_household_list"],
        received_on=demo.ago(9),
        where=1,
        channel=Channel.SUGGESTION_BOX,
        anonymous=True,
    )
    workflow.petition_mark_inspection_lead(
        actor=tiepdan, petition=lead, reason="Đơn không ký tên nhưng nêu cụ thể sự việc: chuyển thông tin để kiểm tra."
    )
    return notable


def _same(party: Any) -> PartyData:
    return PartyData(
        full_name=party.full_name,
        role=party.role,
        personal_id=party.personal_id,
        birth_year=party.birth_year,
        address_unit=party.address_unit,
        address_street=party.address_street,
        phone=party.phone,
    )


def _same_slots(demo: Demo, petition: Petition) -> dict[str, Any]:
    return dict(demo.slots[petition.pk])
