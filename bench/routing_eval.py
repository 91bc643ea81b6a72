"""Evaluation of the suggested-category classifier (issue #4 §3): macro-F1 on a held-out 20 %, per-class F1,
training time, prediction latency, model size, at 10,000 and 100,000 labelled letters, with a majority-class
baseline in the same run. Everything is generated in memory (no database is read or written).

    .venv/bin/python -m bench.routing_eval --sizes 10000 100000 [--write]

Why not ``bench/textgen.py`` alone: its ten letter templates map one-to-one to a category, so any classifier
is perfect on them. The letters here start from those templates (a third of them) and from phrase banks for
all eleven categories, then add what real letters do:
* **mixed topics**: 30 % carry one or two sentences about another category (the label stays the main topic);
* **boilerplate**: greetings, self-introductions and closings shared by every category;
* **short letters**: 20 % keep only the subject or one sentence; 3 % are generic ("Đơn đề nghị") with
  nothing topical at all;
* **no diacritics** in 30 %, **typos** (swap, drop, double, replace; 6 % of words) in 40 %;
* **label noise**: 5 % of labels (train and test alike) are moved to a confusable category
  (land↔compensation, corruption↔administrative procedures, infrastructure↔construction,
  environment↔public order, social policy↔justice), as two officers would disagree.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import time
from collections import Counter
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
os.environ.setdefault("DEBUG", "true")
django.setup()

from sklearn.dummy import DummyClassifier  # noqa: E402
from sklearn.pipeline import Pipeline  # noqa: E402
from sklearn.svm import LinearSVC  # noqa: E402

from bench.dupes_variants import strip_diacritics, typos  # noqa: E402
from bench.search_report import percentile  # noqa: E402
from bench.textgen import TEMPLATES, fill, person_name  # noqa: E402
from danvan.routing import classifier  # noqa: E402
from danvan.routing.features import PartyIdentity, petition_text  # noqa: E402

RESULTS = Path(__file__).with_name("RESULTS.md")
HEADING = "## Suggested category (classifier)"

# category → (kinds, subjects, sentences). Placeholders as in bench/textgen.py.
BANKS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "land": (
        ("complaint", "recommendation", "feedback"),
        (
            "Đề nghị cấp giấy chứng nhận quyền sử dụng đất",
            "Tranh chấp ranh giới thửa đất",
            "Khiếu nại việc đo đạc lại đất",
        ),
        (
            "Thửa đất số {plot} tờ bản đồ số {sheet} của gia đình tôi đã sử dụng ổn định từ năm 1995.",
            "Hồ sơ cấp giấy chứng nhận nộp từ tháng {month} đến nay vẫn chưa được giải quyết.",
            "Nhà bên cạnh lấn sang đất của gia đình tôi khoảng {part} m², đã hòa giải ở thôn không thành.",
            "Diện tích ghi trên sổ đỏ ít hơn thực tế {part} m² do đo đạc sai.",
            "Đề nghị xác định lại mốc giới và chỉnh lý biến động đất đai.",
        ),
    ),
    "compensation": (
        ("complaint", "recommendation"),
        (
            "Đề nghị bồi thường tài sản trên đất bị thu hồi",
            "Kiến nghị về giá đất tái định cư",
            "Chưa nhận tiền hỗ trợ di dời",
        ),
        (
            "Dự án {project} đã thu hồi đất của gia đình tôi nhưng đến nay chưa chi trả tiền bồi thường.",
            "Lô đất tái định cư được bố trí xa, chưa có điện, nước và đường đi.",
            "Giá bồi thường {price} đồng/m² thấp hơn nhiều so với giá chuyển nhượng thực tế.",
            "Nhà và chuồng trại trên đất chưa được kiểm đếm vào phương án.",
            "Đề nghị hội đồng bồi thường, giải phóng mặt bằng xem xét lại.",
        ),
    ),
    "social_policy": (
        ("recommendation", "complaint", "feedback"),
        (
            "Đề nghị xét hưởng chế độ người có công",
            "Kiến nghị cấp thẻ bảo hiểm y tế",
            "Phản ánh việc bình xét hộ nghèo",
        ),
        (
            "Bố tôi tham gia kháng chiến, bị nhiễm chất độc hóa học nhưng chưa được hưởng chế độ.",
            "Gia đình thuộc hộ cận nghèo nhưng chưa được cấp thẻ bảo hiểm y tế năm {year}.",
            "Việc bình xét hộ nghèo ở {hamlet} không công khai, có hộ khá giả vẫn được vào danh sách.",
            "Mẹ tôi 82 tuổi, sống một mình, chưa được hưởng trợ cấp người cao tuổi.",
            "Tiền hỗ trợ học sinh dân tộc thiểu số chậm chi trả {month} tháng.",
        ),
    ),
    "corruption": (
        ("denunciation",),
        (
            "Tố cáo hành vi tham ô tiền hỗ trợ",
            "Tố cáo cán bộ sách nhiễu, vòi tiền",
            "Tố cáo sai phạm trong quản lý quỹ",
        ),
        (
            "{official} đã thu của mỗi hộ {money} đồng khi làm hồ sơ mà không có biên lai.",
            "Tiền hỗ trợ thiên tai của {people} hộ bị giữ lại, người dân chỉ nhận một phần.",
            "Quỹ do dân đóng góp xây nhà văn hóa không được công khai thu chi.",
            "{official} lợi dụng chức vụ để hợp thức hóa đất cho người nhà.",
            "Việc nghiệm thu công trình {project} có dấu hiệu khống khối lượng.",
        ),
    ),
    "environment": (
        ("feedback", "recommendation", "denunciation"),
        ("Phản ánh ô nhiễm nguồn nước", "Phản ánh khói bụi từ nhà máy", "Kiến nghị thu gom rác thải"),
        (
            "Nước suối chảy qua {hamlet} có màu đục và mùi lạ từ khi xưởng chế biến hoạt động.",
            "Rác thải tập kết bên đường không được thu gom, bốc mùi hôi thối.",
            "Khói bụi từ lò gạch ảnh hưởng đến sức khỏe của {people} hộ dân.",
            "Cây trồng của bà con bị chết do nước thải tràn ra ruộng.",
            "Đề nghị cơ quan chức năng lấy mẫu kiểm tra chất lượng môi trường.",
        ),
    ),
    "public_order": (
        ("feedback", "denunciation", "recommendation"),
        ("Phản ánh tụ tập gây mất trật tự", "Tố cáo hoạt động cờ bạc", "Phản ánh tình trạng trộm cắp"),
        (
            "Một nhóm thanh niên thường tụ tập đua xe, gây ồn ào sau 23 giờ ở {hamlet}.",
            "Có đối tượng tổ chức đánh bạc tại nhà riêng, nhiều người ra vào ban đêm.",
            "Trong tháng {month} đã có {people} vụ mất trộm trâu bò, xe máy.",
            "Quán karaoke mở nhạc to quá giờ quy định ảnh hưởng đến nghỉ ngơi của người dân.",
            "Đề nghị công an xã tăng cường tuần tra, xử lý nghiêm.",
        ),
    ),
    "justice": (
        ("recommendation", "complaint", "feedback"),
        ("Đề nghị đăng ký khai sinh quá hạn", "Kiến nghị về việc chứng thực hợp đồng", "Đề nghị cải chính hộ tịch"),
        (
            "Con tôi sinh năm {year} ở nhà, đến nay chưa làm được giấy khai sinh.",
            "Giấy khai sinh ghi sai năm sinh của mẹ, đề nghị cải chính.",
            "Tôi đề nghị được trích lục bản sao giấy chứng nhận kết hôn.",
            "Hợp đồng tặng cho nhà đất giữa bố mẹ và tôi chưa được chứng thực.",
            "Việc hòa giải ở cơ sở chưa được tổ hòa giải thôn thực hiện.",
        ),
    ),
    "construction": (
        ("feedback", "complaint", "denunciation"),
        ("Phản ánh xây dựng trái phép", "Khiếu nại quyết định xử phạt xây dựng", "Phản ánh lấn chiếm vỉa hè"),
        (
            "Hộ bên cạnh xây nhà ba tầng không có giấy phép, lấn sang lối đi chung.",
            "Công trình xây dựng gây nứt tường nhà tôi, chủ đầu tư không khắc phục.",
            "Nhiều hộ kinh doanh lấn chiếm vỉa hè tại {hamlet} để bán hàng.",
            "Tôi bị lập biên bản vì sửa chữa mái nhà, trong khi việc sửa chữa không cần giấy phép.",
            "Đề nghị kiểm tra trật tự xây dựng và xử lý theo quy định.",
        ),
    ),
    "administrative_procedure": (
        ("feedback", "recommendation", "complaint"),
        ("Phản ánh chậm trả kết quả hồ sơ", "Kiến nghị đơn giản hóa thủ tục", "Phản ánh thái độ của cán bộ một cửa"),
        (
            "Hồ sơ nộp trên cổng dịch vụ công ngày {date} đã quá hạn nhưng chưa có kết quả.",
            "Cán bộ tiếp nhận yêu cầu nộp bản sao có chứng thực dù đã có dữ liệu dân cư.",
            "{official} không hướng dẫn đầy đủ, bắt người dân đi lại nhiều lần.",
            "Đề nghị niêm yết công khai thủ tục và thời hạn giải quyết.",
            "Người dân phải chờ cả buổi sáng mới được tiếp nhận hồ sơ.",
        ),
    ),
    "infrastructure": (
        ("recommendation", "feedback"),
        ("Kiến nghị kéo điện về bản", "Phản ánh mất nước sinh hoạt", "Kiến nghị xây cầu dân sinh"),
        (
            "{people} hộ ở {hamlet} chưa có điện lưới quốc gia, phải dùng thủy điện nhỏ.",
            "Đường ống nước sinh hoạt bị vỡ từ tháng {month}, người dân phải đi gánh nước.",
            "Mùa lũ suối dâng cao, học sinh không thể qua suối đến trường.",
            "Mặt đường bê tông dài {length} km bị nứt vỡ, ổ gà nhiều.",
            "Đề nghị đầu tư cống thoát nước để tránh ngập úng.",
        ),
    ),
    "other": (
        ("recommendation", "feedback"),
        ("Góp ý hoạt động của thôn", "Kiến nghị tổ chức lễ hội", "Phản ánh về sinh hoạt cộng đồng"),
        (
            "Nhà văn hóa thôn ít được sử dụng, đề nghị mở cửa cho người dân sinh hoạt.",
            "Đề nghị tổ chức lớp học tiếng phổ thông cho phụ nữ ở {hamlet}.",
            "Người dân mong muốn được phục dựng lễ hội truyền thống của bản.",
            "Loa truyền thanh phát vào giờ nghỉ trưa gây ảnh hưởng.",
            "Đề nghị thành lập câu lạc bộ thể thao cho thanh niên.",
        ),
    ),
}
CONFUSABLE = {
    "land": "compensation",
    "compensation": "land",
    "corruption": "administrative_procedure",
    "administrative_procedure": "corruption",
    "infrastructure": "construction",
    "construction": "infrastructure",
    "environment": "public_order",
    "public_order": "environment",
    "social_policy": "justice",
    "justice": "social_policy",
    "other": "social_policy",
}
OPENINGS = (
    "Kính gửi: Ủy ban nhân dân xã.",
    "Kính gửi các cơ quan có thẩm quyền.",
    "Tôi tên là {name}, trú tại {hamlet}.",
    "Chúng tôi gồm {people} hộ dân ở {hamlet} cùng làm đơn này.",
    "Tôi xin trình bày sự việc như sau.",
)
CLOSINGS = (
    "Rất mong nhận được sự quan tâm giải quyết của các cấp chính quyền.",
    "Tôi xin cam đoan những nội dung trên là đúng sự thật.",
    "Xin trân trọng cảm ơn.",
    "Đề nghị trả lời bằng văn bản cho tôi được biết.",
)
GENERIC = ("Đơn đề nghị", "Đơn trình bày", "Đơn gửi lãnh đạo xã")
BY_CATEGORY = {code: [t for t in TEMPLATES if t.category == code] for code in BANKS}
CATEGORY_WEIGHTS = {
    "land": 22,
    "compensation": 10,
    "social_policy": 12,
    "corruption": 5,
    "environment": 8,
    "public_order": 7,
    "justice": 6,
    "construction": 8,
    "administrative_procedure": 9,
    "infrastructure": 10,
    "other": 3,
}


def _fill(text: str, rng: random.Random) -> str:
    return fill(text.replace("{name}", person_name(rng)), rng)


def letter(rng: random.Random) -> tuple[str, str, str, str]:
    """(kind, subject, content, label) of one synthetic letter."""
    category = rng.choices(list(CATEGORY_WEIGHTS), weights=list(CATEGORY_WEIGHTS.values()))[0]
    kinds, subjects, bank = BANKS[category]
    templates = BY_CATEGORY[category]
    if templates and rng.random() < 0.33:
        template = rng.choice(templates)
        kind, subject = template.kind, _fill(template.subject, rng)
        body = [_fill(s, rng) for s in template.body]
    else:
        kind, subject = rng.choice(kinds), _fill(rng.choice(subjects), rng)
        body = [_fill(s, rng) for s in rng.sample(bank, rng.randint(1, min(4, len(bank))))]
    if rng.random() < 0.30:
        other = rng.choice([c for c in BANKS if c != category])
        body += [_fill(s, rng) for s in rng.sample(BANKS[other][2], rng.randint(1, 2))]
        rng.shuffle(body)
    if rng.random() < 0.5:
        body.insert(0, _fill(rng.choice(OPENINGS), rng))
    if rng.random() < 0.4:
        body.append(rng.choice(CLOSINGS))
    roll = rng.random()
    if roll < 0.03:
        subject, body = rng.choice(GENERIC), [_fill(rng.choice(OPENINGS), rng), rng.choice(CLOSINGS)]
    elif roll < 0.13:
        body = []
    elif roll < 0.23:
        body = [rng.choice(body)]
    content = " ".join(body)
    if rng.random() < 0.30:
        subject, content = strip_diacritics(subject), strip_diacritics(content)
    if rng.random() < 0.40:
        subject, content = typos(subject, rng), typos(content, rng)
    label = CONFUSABLE[category] if rng.random() < 0.05 else category
    return kind, subject, content, label


def dataset(size: int, seed: int) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    texts, labels = [], []
    for _ in range(size):
        kind, subject, content, label = letter(rng)
        name = person_name(rng)
        # The petitioner's name is cut out as in production (it is sometimes quoted in the letter).
        parties = [PartyIdentity(role="petitioner", full_name=name, phone=f"09{rng.randint(10**7, 10**8 - 1)}")]
        texts.append(petition_text(kind=kind, subject=subject, content=content, parties=parties))
        labels.append(label)
    return texts, labels


def _latency(pipeline: object, texts: list[str], n: int = 400) -> list[float]:
    times = []
    for text in texts[:n]:
        started = time.perf_counter()
        classifier.predict(pipeline, text)  # type: ignore[arg-type]
        times.append(time.perf_counter() - started)
    return times


def _thresholds(pipeline: Pipeline, x_test: list[str], y_test: list[str]) -> list[tuple[float, float, float]]:
    """(threshold, share of petitions given a suggestion, accuracy of those suggestions)."""
    probabilities = pipeline.predict_proba(x_test)
    best = probabilities.argmax(axis=1)
    rows = []
    for threshold in (0.3, 0.5, 0.7, 0.9):
        shown = [i for i, p in enumerate(probabilities) if p[best[i]] >= threshold]
        right = sum(1 for i in shown if pipeline.classes_[best[i]] == y_test[i])
        rows.append((threshold, len(shown) / len(x_test), right / len(shown) if shown else 0.0))
    return rows


def run(size: int, seed: int, variants: list[str]) -> dict[str, object]:
    texts, labels = dataset(size, seed)
    x_train, x_test, y_train, y_test = classifier.split(texts, labels)
    classes = sorted(set(labels))
    out: dict[str, object] = {"size": size, "classes": len(classes), "rows": []}
    baseline = DummyClassifier(strategy="most_frequent").fit(x_train, y_train)
    base = classifier.evaluate(y_test, list(baseline.predict(x_test)), classes)
    out["rows"].append(("majority class (baseline)", base, 0.0, [], 0))  # type: ignore[attr-defined]
    for variant in variants:
        if variant == "svm":
            features = classifier.build_pipeline().steps[0][1]
            pipeline = Pipeline([("features", features), ("model", LinearSVC(C=0.5, class_weight="balanced"))])
            name = "tfidf(word 1-2) + LinearSVC (no probabilities: not usable for a threshold)"
        else:
            pipeline = classifier.build_pipeline(chars=variant == "word+char")
            name = classifier.ALGORITHM_CHARS if variant == "word+char" else classifier.ALGORITHM
        started = time.perf_counter()
        pipeline.fit(x_train, y_train)
        seconds = time.perf_counter() - started
        evaluation = classifier.evaluate(y_test, list(pipeline.predict(x_test)), classes)
        latency = _latency(pipeline, x_test) if variant != "svm" else []
        if variant == "word":
            out["thresholds"] = _thresholds(pipeline, x_test, y_test)
        size_bytes = len(classifier.dump(pipeline)[0])
        out["rows"].append((name, evaluation, seconds, latency, size_bytes))  # type: ignore[attr-defined]
        print(f"{size:>7} {name}: macro-F1 {evaluation.macro_f1:.3f} acc {evaluation.accuracy:.3f} fit {seconds:.1f}s")
    out["label_counts"] = Counter(labels)
    return out


def report(runs: list[dict[str, object]], argv: str) -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    lines = [
        f"`{argv}` ({time.strftime('%Y-%m-%d')}). Machine: {os.cpu_count()} CPUs ({cpu}), Python "
        f"{platform.python_version()}, scikit-learn {__import__('sklearn').__version__}; shared with other "
        f"engineers' runs (load average {os.getloadavg()[0]:.1f} at the end). Data: generated in memory by this "
        "script (see its docstring: textgen templates + phrase banks for the 11 categories, mixed topics, "
        "boilerplate, short and generic letters, 30 % without diacritics, 40 % with typos, 5 % label noise); "
        "train on 80 %, scores on the held-out 20 % (stratified). Latency: one petition through the production "
        "path (`classifier.predict`: vectorise + predict_proba), 400 petitions, single thread.",
        "",
        "| samples | model | macro-F1 | accuracy | fit on 80 % (s) | predict p50 ms | predict p95 ms | model size |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for run_ in runs:
        for name, ev, seconds, latency, size_bytes in run_["rows"]:  # type: ignore[attr-defined]
            p50 = f"{percentile(latency, 50):.2f}" if latency else "—"
            p95 = f"{percentile(latency, 95):.2f}" if latency else "—"
            size = f"{size_bytes / 1024 / 1024:.1f} MiB" if size_bytes else "—"
            fit = f"{seconds:.1f}" if seconds else "—"
            scores = f"{ev.macro_f1:.3f} | {ev.accuracy:.3f}"
            lines.append(f"| {run_['size']:,} | {name} | {scores} | {fit} | {p50} | {p95} | {size} |")
    chosen = [r for r in runs[-1]["rows"] if r[0] == classifier.ALGORITHM]  # type: ignore[index]
    if chosen:
        ev = chosen[0][1]
        lines += [
            "",
            f"Per-class F1 of the production model at {runs[-1]['size']:,} samples (support in the test split):",
            "",
        ]
        lines += ["| category | precision | recall | F1 | support |", "|---|---|---|---|---|"]
        for code, row in ev.per_class.items():
            lines.append(
                f"| {code} | {row['precision']:.3f} | {row['recall']:.3f} | {row['f1']:.3f} | {row['support']} |"
            )
    for run_ in runs:
        if run_.get("thresholds"):
            lines += [
                "",
                f"Confidence threshold (`ROUTING_MIN_CONFIDENCE`) at {run_['size']:,} samples, production model:",
                "",
                "| threshold | petitions given a category | accuracy of the categories given |",
                "|---|---|---|",
            ]
            for threshold, share, accuracy in run_["thresholds"]:  # type: ignore[attr-defined]
                lines.append(f"| {threshold} | {share:.1%} | {accuracy:.3f} |")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines += ["", f"Peak RSS of this process: {rss:.0f} MiB."]
    return "\n".join(lines)


def append(text: str) -> None:
    current = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    if HEADING not in current:
        current = (
            current.rstrip() + f"\n\n{HEADING}\n\nHow to run and what the data is: docs/routing.md. Newest runs last.\n"
        )
    RESULTS.write_text(current.rstrip() + "\n\n" + text.strip() + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--variants",
        nargs="+",
        default=["word", "word+char", "svm"],
        help="models compared at the smallest size; larger sizes run the production model (word) only",
    )
    parser.add_argument("--write", action="store_true", help=f"append the figures to bench/RESULTS.md ({HEADING})")
    args = parser.parse_args()
    runs = []
    for index, size in enumerate(sorted(args.sizes)):
        variants = args.variants if index == 0 else ["word"]
        runs.append(run(size, args.seed, variants))
    text = report(runs, "python -m bench.routing_eval " + " ".join(f"{s}" for s in args.sizes))
    print(text)
    if args.write:
        append("### " + time.strftime("%Y-%m-%d") + "\n\n" + text)


if __name__ == "__main__":
    main()
