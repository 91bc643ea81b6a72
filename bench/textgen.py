"""Varied, realistic Vietnamese petition text for benchmarks and evaluation sets (seeded, reproducible)."""

from __future__ import annotations

import random
from dataclasses import dataclass

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Lò",
    "Vàng",
    "Tòng",
    "Giàng",
    "Lường",
    "Quàng",
    "Sùng",
    "Hà",
    "Đinh",
]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Ngọc", "Thu", "Hữu", "Quang", "Thanh", "Xuân", "A", "Mạnh", "Kim"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hoa",
    "Hùng",
    "Huệ",
    "Khánh",
    "Lan",
    "Linh",
    "Mai",
    "Minh",
    "Nam",
    "Nga",
    "Páo",
    "Phúc",
    "Quân",
    "Sáng",
    "Sử",
    "Thảo",
    "Thắng",
    "Trang",
    "Tuấn",
    "Vân",
    "Xuân",
    "Yến",
]
HAMLETS = [
    "bản Nà Khum",
    "bản Pa Pe",
    "tổ dân phố số 3",
    "tổ dân phố 12",
    "thôn Đông",
    "thôn Thượng",
    "bản Sin Suối Hồ",
    "khu phố 4",
    "bản Huổi Luông",
    "thôn Tân Lập",
    "tổ 7",
    "bản Lả Mề",
]
OFFICIALS = [
    "cán bộ địa chính xã",
    "trưởng bản",
    "công chức tư pháp - hộ tịch",
    "Phó Chủ tịch UBND xã",
    "cán bộ văn phòng - thống kê",
    "công an viên",
    "kế toán ngân sách xã",
    "cán bộ lao động - thương binh và xã hội",
]


@dataclass(frozen=True)
class Template:
    kind: str
    category: str
    subject: str
    body: tuple[str, ...]


TEMPLATES = [
    Template(
        "complaint",
        "land",
        "Khiếu nại Quyết định thu hồi đất số {n}/QĐ-UBND",
        (
            "Gia đình tôi ở {hamlet} có thửa đất số {plot}, tờ bản đồ số {sheet}, diện tích {area} m².",
            "Ngày {date}, UBND xã ban hành Quyết định số {n}/QĐ-UBND thu hồi {part} m² để làm {project}.",
            "Việc thu hồi không thông báo trước, không tổ chức đo đạc có mặt gia đình tôi.",
            "Đề nghị xem xét lại quyết định và bồi thường theo đúng giá đất ở tại địa phương.",
        ),
    ),
    Template(
        "complaint",
        "compensation",
        "Khiếu nại về mức bồi thường, hỗ trợ khi giải phóng mặt bằng",
        (
            "Tôi là hộ bị ảnh hưởng bởi dự án {project} tại {hamlet}.",
            "Phương án bồi thường áp giá {price} đồng/m² cho đất trồng cây lâu năm là quá thấp so với thực tế.",
            "Cây trồng, vật kiến trúc trên đất chưa được kiểm đếm đầy đủ.",
            "Đề nghị kiểm đếm lại và điều chỉnh phương án bồi thường, hỗ trợ tái định cư.",
        ),
    ),
    Template(
        "denunciation",
        "corruption",
        "Tố cáo {official} có hành vi nhận tiền khi làm thủ tục",
        (
            "Ngày {date}, khi tôi làm thủ tục cấp giấy chứng nhận quyền sử dụng đất tại UBND xã,",
            "{official} yêu cầu nộp thêm {money} đồng ngoài lệ phí quy định, không có biên lai.",
            "Nhiều hộ ở {hamlet} cũng bị yêu cầu như vậy.",
            "Đề nghị cơ quan có thẩm quyền xác minh, xử lý nghiêm theo quy định của pháp luật.",
        ),
    ),
    Template(
        "denunciation",
        "public_order",
        "Tố cáo việc khai thác cát trái phép trên sông",
        (
            "Từ tháng {month}, tại khu vực {hamlet} có nhóm người dùng máy hút cát ban đêm.",
            "Việc khai thác làm sạt lở bờ sông, ảnh hưởng đến {part} m² đất sản xuất của bà con.",
            "Chúng tôi đã báo với {official} nhưng chưa thấy xử lý.",
        ),
    ),
    Template(
        "recommendation",
        "infrastructure",
        "Kiến nghị sửa chữa đường giao thông nông thôn",
        (
            "Tuyến đường từ {hamlet} ra trung tâm xã dài khoảng {length} km đã xuống cấp nghiêm trọng.",
            "Mùa mưa học sinh đi học rất khó khăn, nhiều đoạn bị sạt taluy.",
            "Đề nghị UBND xã đưa vào kế hoạch sửa chữa năm {year}.",
        ),
    ),
    Template(
        "recommendation",
        "social_policy",
        "Kiến nghị xem xét chế độ hộ nghèo, cận nghèo",
        (
            "Gia đình tôi ở {hamlet} thuộc diện khó khăn, chồng ốm đau lâu năm.",
            "Năm {year} gia đình không được bình xét hộ cận nghèo mặc dù thu nhập thấp.",
            "Đề nghị rà soát lại danh sách và công khai kết quả bình xét.",
        ),
    ),
    Template(
        "feedback",
        "environment",
        "Phản ánh ô nhiễm từ cơ sở chăn nuôi",
        (
            "Cơ sở chăn nuôi lợn tại {hamlet} xả nước thải chưa qua xử lý ra mương thoát nước chung.",
            "Mùi hôi thối ảnh hưởng đến khoảng {people} hộ dân xung quanh.",
            "Đề nghị kiểm tra và yêu cầu cơ sở xử lý chất thải theo quy định.",
        ),
    ),
    Template(
        "feedback",
        "administrative_procedure",
        "Phản ánh thái độ phục vụ tại bộ phận một cửa",
        (
            "Ngày {date} tôi đến bộ phận tiếp nhận và trả kết quả để làm thủ tục chứng thực.",
            "{official} có thái độ thiếu tôn trọng, yêu cầu bổ sung giấy tờ không có trong danh mục.",
            "Đề nghị chấn chỉnh tác phong, lề lối làm việc của cán bộ.",
        ),
    ),
    Template(
        "feedback",
        "infrastructure",
        "Phản ánh đèn chiếu sáng công cộng bị hỏng",
        (
            "Hệ thống đèn chiếu sáng tại {hamlet} bị hỏng {people} bóng từ tháng {month}.",
            "Buổi tối người dân đi lại nguy hiểm, đã xảy ra va chạm giao thông.",
        ),
    ),
    Template(
        "complaint",
        "social_policy",
        "Khiếu nại việc cắt trợ cấp xã hội hằng tháng",
        (
            "Tôi là người cao tuổi ở {hamlet}, đang hưởng trợ cấp xã hội.",
            "Từ tháng {month}, UBND xã cắt trợ cấp mà không có quyết định bằng văn bản.",
            "Đề nghị xem xét khôi phục chế độ và truy lĩnh số tiền còn thiếu.",
        ),
    ),
]
PROJECTS = [
    "đường tỉnh lộ 129",
    "trường mầm non",
    "khu tái định cư",
    "thủy điện Nậm Na",
    "cụm công nghiệp",
    "kè chống sạt lở",
    "nhà văn hóa bản",
    "đường nội thị",
]


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def fill(text: str, rng: random.Random) -> str:
    return text.format(
        n=rng.randint(1, 999),
        plot=rng.randint(1, 400),
        sheet=rng.randint(1, 60),
        area=rng.randint(80, 4000),
        part=rng.randint(20, 900),
        date=f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2023, 2026)}",
        project=rng.choice(PROJECTS),
        hamlet=rng.choice(HAMLETS),
        price=f"{rng.randint(20, 400) * 1000:,}".replace(",", "."),
        official=rng.choice(OFFICIALS),
        money=f"{rng.randint(2, 50) * 100_000:,}".replace(",", "."),
        month=rng.randint(1, 12),
        length=rng.randint(2, 15),
        year=rng.randint(2025, 2027),
        people=rng.randint(5, 80),
    )


def petition_text(rng: random.Random) -> tuple[Template, str, str]:
    template = rng.choice(TEMPLATES)
    subject = fill(template.subject, rng)
    sentences = [fill(s, rng) for s in template.body]
    if rng.random() < 0.3:
        sentences.append("Rất mong nhận được sự quan tâm giải quyết của các cấp chính quyền.")
    return template, subject, " ".join(sentences)
