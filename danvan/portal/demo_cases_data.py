"""The texts of the demo petitions: Vietnamese plain language, as citizens write and officers answer.

Every name, place and number here is invented for the demo (no real person or decision). Texts carry
``str.format`` slots filled by ``danvan.portal.demo_cases`` from a seeded random generator: ``{place}``,
``{n}`` (a document number), ``{d}`` (a date), ``{year}``, ``{area}``, ``{amount}``, ``{age}``, ``{official}``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from danvan.cases.models import Kind, Outcome

# People (Thái, Mông, Dao, Giáy and Kinh names, as in Lai Châu).
FAMILY_NAMES = ["Lò", "Tòng", "Lường", "Vàng", "Giàng", "Sùng", "Lý", "Tẩn", "Chảo", "Hoàng", "Nguyễn", "Trần"]
FAMILY_NAMES += ["Phạm", "Đỗ", "Lê", "Bùi", "Điêu", "Quàng"]
MALE_MIDDLE = ["Văn", "Văn", "A", "Seo", "Văn", "Đức", "Quang"]
FEMALE_MIDDLE = ["Thị", "Thị", "Thị", "Thu", "Thị Mỹ"]
MALE_GIVEN = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Minh", "Nam", "Phúc", "Quân"]
MALE_GIVEN += ["Sơn", "Thắng", "Tuấn", "Chử", "Páo", "Sử", "Pình", "Lả", "Chiến", "Thanh", "Kiên"]
FEMALE_GIVEN = ["Hoa", "Lan", "Mai", "Hương", "Thảo", "Nga", "Xuân", "Dung", "Phượng", "Mỷ", "Sua", "Chừ"]
FEMALE_GIVEN += ["Dợ", "Hằng", "Liên", "Nhung", "Vân", "Yến"]
# Where people live: a ward has residential groups, a rural commune has villages (bản).
VILLAGES = ["Nà Cang", "Huổi Cơi", "Pá Khoang", "Nậm Sáng", "Lả Dạo", "Pa Chải", "Phiêng Lúc", "Cò Lá", "Tà Pạc"]
OFFICIALS = ["Lò Văn T.", "Tòng Văn K.", "Hoàng Đức P.", "Lường Thị H.", "Vàng A D."]
RESPONDENT_TITLES = [
    "Chủ tịch Ủy ban nhân dân {commune}",
    "Ủy ban nhân dân {commune}",
    "Chủ tịch Ủy ban nhân dân {commune} (quyết định giao đất)",
]


@dataclass(frozen=True)
class Topic:
    key: str
    kind: str
    category: str
    subject: str
    content: str
    answer: str  # the answer or conclusion when the petition is right (or answered)
    answer_wrong: str = ""  # a complaint or denunciation found wrong
    respondent: str = ""  # "{respondent}": one of RESPONDENT_TITLES; other text: as is
    decision: bool = False  # a complaint about a numbered decision
    channels: list[str] = field(default_factory=lambda: ["web", "in_person", "post"])


COMPLAINT_WRONG = (
    "Qua xác minh, {decision} được ban hành đúng trình tự, thủ tục và đúng quy định của pháp luật. "
    "Giữ nguyên quyết định. Nếu không đồng ý, ông (bà) có quyền khiếu nại lần hai đến Chủ tịch Ủy ban nhân "
    "dân tỉnh hoặc khởi kiện vụ án hành chính tại Tòa án theo quy định."
)
DENUNCIATION_WRONG = (
    "Kết quả xác minh cho thấy nội dung tố cáo là không đúng: không có căn cứ cho thấy người bị tố cáo "
    "vi phạm pháp luật. Khôi phục quyền và lợi ích hợp pháp của người bị tố cáo theo quy định."
)

TOPICS = [
    Topic(
        "land_recovery",
        Kind.COMPLAINT,
        "land",
        "Khiếu nại quyết định thu hồi đất nông nghiệp",
        "Tôi khiếu nại Quyết định số {n}/QĐ-UBND ngày {d} về việc thu hồi {area} m² đất trồng lúa của gia "
        "đình tôi tại {place} để mở rộng đường giao thông. Diện tích thu hồi chưa được đo đạc lại với sự có "
        "mặt của gia đình, ranh giới cắm mốc lấn sang phần đất không thuộc dự án. Đề nghị xem xét lại.",
        "Khiếu nại đúng một phần: diện tích thu hồi được đo đạc lại là {area} m², giảm so với quyết định. "
        "Ủy ban nhân dân ban hành quyết định điều chỉnh và tính lại tiền bồi thường cho gia đình.",
        COMPLAINT_WRONG,
        respondent="{respondent}",
        decision=True,
    ),
    Topic(
        "compensation_price",
        Kind.COMPLAINT,
        "compensation",
        "Khiếu nại mức bồi thường, hỗ trợ khi giải phóng mặt bằng",
        "Gia đình tôi có đất bị thu hồi tại {place} để xây dựng công trình thủy lợi. Phương án bồi thường "
        "được phê duyệt theo Quyết định số {n}/QĐ-UBND ngày {d} áp giá {amount} đồng/m², thấp hơn giá thực "
        "tế; cây ăn quả và chuồng trại trên đất chưa được kiểm đếm đủ. Đề nghị kiểm đếm lại và bồi thường thỏa đáng.",
        "Khiếu nại đúng một phần: tổ công tác đã kiểm đếm bổ sung cây trồng và chuồng trại; phương án bồi "
        "thường được điều chỉnh tăng. Đơn giá đất áp dụng đúng bảng giá đất của tỉnh nên được giữ nguyên.",
        COMPLAINT_WRONG,
        respondent="{respondent}",
        decision=True,
    ),
    Topic(
        "social_allowance",
        Kind.COMPLAINT,
        "social_policy",
        "Khiếu nại việc dừng chi trả trợ cấp xã hội hằng tháng",
        "Mẹ tôi năm nay {age} tuổi, sống tại {place}, đang hưởng trợ cấp xã hội hằng tháng. Theo Quyết định "
        "số {n}/QĐ-UBND ngày {d}, Ủy ban nhân dân dừng chi trả trợ cấp mà không nêu rõ lý do, gia đình không "
        "được thông báo trước. Đề nghị xem xét khôi phục trợ cấp cho mẹ tôi.",
        "Khiếu nại là đúng. Việc dừng chi trả do nhầm lẫn khi rà soát danh sách; Ủy ban nhân dân đã hủy "
        "quyết định, khôi phục trợ cấp và truy lĩnh đủ các tháng bị dừng.",
        COMPLAINT_WRONG,
        respondent="{respondent}",
        decision=True,
    ),
    Topic(
        "land_certificate",
        Kind.COMPLAINT,
        "administrative_procedure",
        "Khiếu nại việc trả lại hồ sơ cấp giấy chứng nhận quyền sử dụng đất",
        "Hồ sơ đề nghị cấp giấy chứng nhận quyền sử dụng đất của gia đình tôi tại {place} nộp từ ngày {d} "
        "đã bị trả lại với lý do đất đang có tranh chấp (Văn bản số {n}/UBND). Gia đình tôi sử dụng ổn định "
        "từ năm {year}, không ai tranh chấp. Đề nghị tiếp nhận lại hồ sơ.",
        "Khiếu nại là đúng: qua xác minh, thửa đất không có tranh chấp. Bộ phận một cửa tiếp nhận lại hồ sơ "
        "và giải quyết trong thời hạn quy định.",
        COMPLAINT_WRONG,
        respondent="Công chức địa chính - xây dựng",
        decision=True,
    ),
    Topic(
        "building_fine",
        Kind.COMPLAINT,
        "construction",
        "Khiếu nại quyết định xử phạt vi phạm hành chính về xây dựng",
        "Tôi khiếu nại Quyết định xử phạt số {n}/QĐ-XPHC ngày {d} phạt gia đình tôi {amount} đồng vì xây "
        "dựng không phép tại {place}. Gia đình tôi chỉ sửa chữa, thay mái tôn của nhà cũ, không làm thay "
        "đổi kết cấu chịu lực nên không thuộc trường hợp phải xin giấy phép.",
        "Khiếu nại là đúng: công trình là sửa chữa, cải tạo không thuộc trường hợp phải cấp phép. Hủy quyết "
        "định xử phạt và hoàn trả số tiền đã nộp.",
        COMPLAINT_WRONG,
        respondent="{respondent}",
        decision=True,
    ),
    Topic(
        "cadastral_bribe",
        Kind.DENUNCIATION,
        "corruption",
        "Tố cáo công chức địa chính yêu cầu nộp tiền ngoài quy định",
        "Tôi tố cáo ông {official}, công chức địa chính, khi gia đình tôi nộp hồ sơ tách thửa đất tại "
        "{place} đã yêu cầu nộp thêm {amount} đồng gọi là chi phí đi lại, đo vẽ, ngoài lệ phí theo quy "
        "định và không có biên lai. Đề nghị xác minh, xử lý nghiêm.",
        "Kết luận: nội dung tố cáo đúng một phần. Ông {official} có thu tiền đo vẽ không có biên lai; đã yêu "
        "cầu hoàn trả cho công dân, kiểm điểm và xem xét xử lý kỷ luật theo quy định.",
        DENUNCIATION_WRONG,
        respondent="Ông {official}, công chức địa chính",
    ),
    Topic(
        "village_fund",
        Kind.DENUNCIATION,
        "corruption",
        "Tố cáo trưởng bản thu tiền của các hộ không công khai",
        "Năm {year}, trưởng bản {official} thu của mỗi hộ tại {place} {amount} đồng để làm đường bê tông nội "
        "bản nhưng không họp dân bàn bạc, không công khai thu chi. Đường làm xong đã hỏng nhiều đoạn.",
        "Kết luận: nội dung tố cáo đúng. Việc thu tiền không được họp dân thống nhất; yêu cầu công khai thu "
        "chi trước nhân dân, hoàn trả phần thu vượt và đề nghị bản bầu lại trưởng bản.",
        DENUNCIATION_WRONG,
        respondent="Ông {official}, trưởng bản",
    ),
    Topic(
        "poor_household_list",
        Kind.DENUNCIATION,
        "social_policy",
        "Tố cáo việc lập danh sách hộ nghèo không đúng đối tượng",
        "Tôi tố cáo việc bình xét hộ nghèo năm {year} tại {place} không đúng: một số hộ có nhà xây kiên cố, "
        "có ô tô vẫn được đưa vào danh sách, trong khi nhiều hộ khó khăn thật sự lại không được xét. Cán bộ "
        "phụ trách là bà {official}.",
        "Kết luận: nội dung tố cáo đúng một phần. Hai hộ không đủ điều kiện đã bị đưa ra khỏi danh sách; "
        "yêu cầu tổ chức bình xét lại công khai và rút kinh nghiệm đối với cán bộ phụ trách.",
        DENUNCIATION_WRONG,
        respondent="Bà {official}, công chức văn hóa - xã hội",
    ),
    Topic(
        "road_landslide",
        Kind.RECOMMENDATION,
        "infrastructure",
        "Kiến nghị sửa chữa đoạn đường bị sạt lở",
        "Sau mưa lớn, đoạn đường dài khoảng {area} m qua {place} bị sạt lở taluy, đất đá lấn ra nửa mặt "
        "đường, học sinh và xe máy đi lại rất nguy hiểm. Kiến nghị chính quyền sớm khắc phục, cắm biển cảnh báo.",
        "Ủy ban nhân dân đã cắm biển cảnh báo, huy động máy móc dọn đất đá và đưa đoạn đường vào kế hoạch "
        "sửa chữa bằng nguồn vốn khắc phục thiên tai năm nay.",
    ),
    Topic(
        "waste_point",
        Kind.RECOMMENDATION,
        "environment",
        "Kiến nghị bố trí điểm tập kết rác thải sinh hoạt",
        "Khu dân cư {place} chưa có điểm tập kết rác, người dân phải đổ rác ra bờ suối gây ô nhiễm, bốc mùi. "
        "Kiến nghị bố trí điểm tập kết và lịch thu gom rác định kỳ.",
        "Ủy ban nhân dân đã bố trí điểm tập kết rác tại đầu khu dân cư và ký hợp đồng thu gom hai lần mỗi "
        "tuần; đề nghị bà con phân loại rác và không đổ rác ra suối.",
    ),
    Topic(
        "disaster_housing",
        Kind.RECOMMENDATION,
        "social_policy",
        "Kiến nghị hỗ trợ nhà ở cho hộ bị ảnh hưởng thiên tai",
        "Nhà của gia đình tôi tại {place} bị lũ quét làm hư hỏng nặng, hiện phải ở nhờ nhà người thân. "
        "Gia đình thuộc hộ cận nghèo, kiến nghị được xem xét hỗ trợ làm lại nhà ở.",
        "Gia đình được đưa vào danh sách hỗ trợ làm nhà ở cho hộ bị ảnh hưởng thiên tai; Ủy ban Mặt trận "
        "Tổ quốc phối hợp vận động hỗ trợ thêm ngày công và vật liệu.",
    ),
    Topic(
        "clean_water",
        Kind.RECOMMENDATION,
        "infrastructure",
        "Kiến nghị sửa chữa công trình nước sinh hoạt tập trung",
        "Công trình nước sinh hoạt tập trung của {place} bị vỡ đường ống từ ngày {d}, nhiều hộ phải đi lấy "
        "nước suối. Kiến nghị sửa chữa đường ống và cử người quản lý công trình.",
        "Ủy ban nhân dân đã giao đơn vị quản lý công trình thay đoạn ống bị vỡ; nước đã được cấp trở lại. "
        "Bản đã bầu tổ quản lý công trình để bảo vệ đường ống.",
    ),
    Topic(
        "street_lights",
        Kind.FEEDBACK,
        "infrastructure",
        "Phản ánh đèn chiếu sáng công cộng hỏng kéo dài",
        "Hệ thống đèn chiếu sáng trên tuyến đường qua {place} bị hỏng hơn một tháng nay, buổi tối rất tối, "
        "đã xảy ra va chạm giao thông. Đề nghị sớm sửa chữa.",
        "Đơn vị quản lý chiếu sáng đã thay bóng và sửa tủ điện; tuyến đèn đã hoạt động trở lại.",
        channels=["web", "hotline"],
    ),
    Topic(
        "pig_farm",
        Kind.FEEDBACK,
        "environment",
        "Phản ánh mùi hôi từ trại chăn nuôi lợn gần khu dân cư",
        "Trại chăn nuôi lợn gần {place} xả nước thải ra mương, mùi hôi nồng nặc, ruồi muỗi nhiều, ảnh hưởng "
        "sinh hoạt của các hộ xung quanh. Đề nghị kiểm tra, xử lý.",
        "Đoàn kiểm tra đã lập biên bản, yêu cầu chủ trại xây hầm biogas và dừng xả thải ra mương; sẽ kiểm tra "
        "lại sau 30 ngày.",
    ),
    Topic(
        "speeding_trucks",
        Kind.FEEDBACK,
        "public_order",
        "Phản ánh xe tải chở vật liệu chạy quá tốc độ qua khu dân cư",
        "Xe tải chở cát, đá thường xuyên chạy tốc độ cao qua {place}, rơi vãi đất đá trên đường, đặc biệt "
        "vào giờ học sinh đi học. Đề nghị lực lượng chức năng kiểm tra, xử lý.",
        "Công an đã tăng cường tuần tra vào giờ cao điểm và lắp biển hạn chế tốc độ; doanh nghiệp vận tải "
        "được yêu cầu che chắn thùng xe.",
        channels=["hotline", "web"],
    ),
    Topic(
        "one_stop_attitude",
        Kind.FEEDBACK,
        "administrative_procedure",
        "Phản ánh thái độ phục vụ tại bộ phận một cửa",
        "Ngày {d} tôi đến bộ phận một cửa làm thủ tục chứng thực, cán bộ tiếp nhận có thái độ thiếu tôn "
        "trọng, hướng dẫn không rõ ràng khiến tôi phải đi lại nhiều lần.",
        "Ủy ban nhân dân đã xác minh, nhắc nhở cán bộ tiếp nhận và xin lỗi công dân; bộ phận một cửa niêm "
        "yết lại hướng dẫn thủ tục.",
    ),
    Topic(
        "birth_extract",
        Kind.FEEDBACK,
        "justice",
        "Phản ánh chậm trễ cấp bản sao trích lục khai sinh",
        "Tôi nộp hồ sơ xin cấp bản sao trích lục khai sinh cho con từ ngày {d}, quá hẹn đã lâu vẫn chưa có "
        "kết quả, cán bộ tư pháp hẹn nhiều lần.",
        "Hồ sơ chậm do lỗi đồng bộ dữ liệu hộ tịch; bản sao trích lục đã được cấp và gửi cho công dân.",
    ),
    Topic(
        "pavement",
        Kind.FEEDBACK,
        "construction",
        "Phản ánh công trình xây dựng lấn chiếm vỉa hè",
        "Một hộ kinh doanh tại {place} xây bậc tam cấp và mái che lấn ra vỉa hè khoảng {area} m², người đi "
        "bộ phải đi xuống lòng đường.",
        "Ủy ban nhân dân đã yêu cầu hộ kinh doanh tự tháo dỡ phần lấn chiếm; phần vỉa hè đã được trả lại.",
    ),
]
TOPIC = {t.key: t for t in TOPICS}

# Petitions that are not taken up: guided elsewhere, or archived on a legal ground.
GUIDED = [
    (
        Topic(
            "loan_dispute",
            Kind.RECOMMENDATION,
            "justice",
            "Đề nghị giải quyết tranh chấp hợp đồng vay tiền",
            "Năm {year} tôi cho một người hàng xóm ở {place} vay {amount} đồng, có giấy viết tay. Đến nay "
            "người này không trả, tránh mặt. Đề nghị chính quyền buộc người vay trả tiền cho tôi.",
            "",
        ),
        "Tòa án nhân dân có thẩm quyền",
        "Đây là tranh chấp dân sự về hợp đồng vay tài sản, thuộc thẩm quyền giải quyết của Tòa án. Ông (bà) "
        "có thể nộp đơn khởi kiện kèm giấy vay tiền tại Tòa án nhân dân có thẩm quyền.",
    ),
    (
        Topic(
            "social_insurance",
            Kind.RECOMMENDATION,
            "social_policy",
            "Đề nghị giải quyết chế độ bảo hiểm xã hội một lần",
            "Tôi đã nghỉ việc tại công ty ở {place} hơn một năm, nộp hồ sơ hưởng bảo hiểm xã hội một lần nhưng "
            "chưa được giải quyết. Đề nghị chính quyền xem xét giúp.",
            "",
        ),
        "Bảo hiểm xã hội tỉnh Lai Châu",
        "Việc giải quyết chế độ bảo hiểm xã hội một lần thuộc thẩm quyền của cơ quan bảo hiểm xã hội. Đề nghị "
        "ông (bà) liên hệ Bảo hiểm xã hội tỉnh Lai Châu, mang theo sổ bảo hiểm xã hội và giấy tờ tùy thân.",
    ),
    (
        Topic(
            "electricity_bill",
            Kind.FEEDBACK,
            "infrastructure",
            "Phản ánh hóa đơn tiền điện tăng bất thường",
            "Hóa đơn tiền điện tháng này của gia đình tôi tại {place} tăng gấp ba lần so với các tháng trước dù "
            "sử dụng như bình thường. Đề nghị kiểm tra lại công tơ.",
            "",
        ),
        "Công ty Điện lực Lai Châu",
        "Việc kiểm tra công tơ và hóa đơn tiền điện thuộc trách nhiệm của đơn vị điện lực. Đề nghị ông (bà) "
        "liên hệ Công ty Điện lực Lai Châu hoặc tổng đài chăm sóc khách hàng để được kiểm tra.",
    ),
]
ARCHIVED = [
    (
        Topic(
            "late_complaint",
            Kind.COMPLAINT,
            "land",
            "Khiếu nại quyết định giao đất năm 2019",
            "Tôi khiếu nại Quyết định số {n}/QĐ-UBND ngày {d} về việc giao đất ở cho hộ liền kề tại {place}, "
            "phần đất giao lấn sang lối đi chung mà gia đình tôi vẫn sử dụng.",
            "",
            respondent="{respondent}",
            decision=True,
        ),
        "kn11_6",
        "Quyết định bị khiếu nại ban hành từ năm 2019, gia đình biết từ khi giao đất; thời hiệu khiếu nại đã hết.",
    ),
    (
        Topic(
            "court_case",
            Kind.COMPLAINT,
            "land",
            "Khiếu nại việc công nhận quyền sử dụng đất cho người khác",
            "Tôi khiếu nại việc công nhận quyền sử dụng thửa đất tại {place} cho ông {official}, thửa đất này "
            "là của bố mẹ tôi để lại.",
            "",
            respondent="{respondent}",
        ),
        "kn11_9",
        "Tòa án nhân dân đã thụ lý vụ án tranh chấp quyền sử dụng thửa đất này theo đơn khởi kiện của chính "
        "người khiếu nại.",
    ),
    (
        Topic(
            "vague_denunciation",
            Kind.DENUNCIATION,
            "corruption",
            "Tố cáo cán bộ phường có biểu hiện tiêu cực",
            "Tôi nghe nói một số cán bộ phường có biểu hiện tiêu cực trong quản lý các dự án, đề nghị cấp trên "
            "vào kiểm tra.",
            "",
        ),
        "tc29_d",
        "Đơn không nêu cụ thể người bị tố cáo, hành vi vi phạm và không có thông tin, tài liệu làm căn cứ.",
    ),
]

RATING_COMMENTS = {
    5: ["Cán bộ giải quyết nhanh, tận tình. Cảm ơn Ủy ban.", "Gia đình tôi rất hài lòng.", ""],
    4: ["Giải quyết đúng hẹn, hướng dẫn rõ ràng.", "Hài lòng, mong giữ như vậy.", ""],
    3: ["Kết quả chấp nhận được nhưng phải đi lại nhiều lần.", ""],
    2: ["Chưa thỏa đáng, tôi sẽ tiếp tục theo dõi.", "Thời gian giải quyết còn lâu."],
    1: ["Không đồng ý với kết quả giải quyết."],
}
OUTCOME_WEIGHTS = {
    Kind.COMPLAINT: ([Outcome.RIGHT, Outcome.PARTLY_RIGHT, Outcome.WRONG], [2, 3, 5]),
    Kind.DENUNCIATION: ([Outcome.RIGHT, Outcome.PARTLY_RIGHT, Outcome.WRONG], [2, 4, 4]),
}

# Petitions with a part of their own in the demo (see ``danvan.portal.demo_cases``).
SPECIAL = {
    t.key: t
    for t in [
        Topic(
            "second_round",
            Kind.COMPLAINT,
            "land",
            "Khiếu nại lần hai quyết định giải quyết khiếu nại về thu hồi đất",
            "Tôi không đồng ý với Quyết định giải quyết khiếu nại lần đầu số {n}/QĐ-UBND ngày {d} của Chủ tịch "
            "Ủy ban nhân dân phường Tân Phong, giữ nguyên quyết định thu hồi đất của gia đình tôi tại {place}. "
            "Việc đo đạc vẫn chưa có mặt gia đình, biên bản kiểm đếm có chữ ký không phải của tôi. Đề nghị Chủ "
            "tịch Ủy ban nhân dân tỉnh giải quyết khiếu nại lần hai.",
            "",
            respondent="Chủ tịch Ủy ban nhân dân phường Tân Phong",
            decision=True,
        ),
        Topic(
            "named_denouncer",
            Kind.DENUNCIATION,
            "corruption",
            "Tố cáo cán bộ thu tiền hỗ trợ giống cây trồng của người dân",
            "Tôi là {self_name}, sinh năm {self_year}, trú tại {self_address}, số điện thoại {self_phone}. Tôi tố "
            "cáo ông {official}, cán bộ khuyến nông, khi phát giống ngô hỗ trợ năm {year} đã thu của mỗi hộ "
            "{amount} đồng, nói là tiền vận chuyển, trong khi giống được Nhà nước hỗ trợ miễn phí. Tôi đề nghị "
            "giữ bí mật họ tên, địa chỉ của tôi.",
            "",
            respondent="Ông {official}, cán bộ khuyến nông",
        ),
        Topic(
            "sand_mining",
            Kind.FEEDBACK,
            "environment",
            "Phản ánh khai thác cát trái phép trên suối gây sạt lở bờ",
            "Nhiều tháng nay có máy xúc, xe tải khai thác cát trên suối đoạn qua {place}, cả ban đêm, làm bờ "
            "suối sạt lở, ruộng của các hộ ven suối bị mất đất. Đề nghị cơ quan chức năng kiểm tra, xử lý.",
            "",
        ),
        Topic(
            "gambling",
            Kind.DENUNCIATION,
            "public_order",
            "Tố cáo tụ điểm đánh bạc, cho vay lãi nặng",
            "Tôi tố cáo một nhóm người thường xuyên tụ tập đánh bạc tại một quán nước ở {place} vào buổi tối, "
            "có người cho vay lãi nặng, đòi nợ bằng cách đe dọa. Đề nghị công an điều tra, xử lý.",
            "",
        ),
        Topic(
            "crowd_compensation",
            Kind.COMPLAINT,
            "compensation",
            "Khiếu nại phương án bồi thường, hỗ trợ dự án kè suối",
            "Đoàn công dân gồm {people} hộ tại {place} khiếu nại Quyết định số {n}/QĐ-UBND ngày {d} phê duyệt "
            "phương án bồi thường, hỗ trợ dự án kè chống sạt lở suối. Các hộ cho rằng diện tích đất vườn bị "
            "tính là đất nông nghiệp khác, giá bồi thường thấp, chưa có phương án tái định cư cho ba hộ phải "
            "di chuyển chỗ ở.",
            "",
            respondent="Chủ tịch Ủy ban nhân dân phường Tân Phong",
            decision=True,
        ),
        Topic(
            "resettlement",
            Kind.COMPLAINT,
            "compensation",
            "Khiếu nại việc giao đất tái định cư khu tổ dân phố số 6",
            "Gia đình tôi bị thu hồi toàn bộ đất ở để làm đường nội thị từ năm 2024, đến nay đã hơn một năm vẫn "
            "chưa được giao đất tái định cư theo Quyết định số {n}/QĐ-UBND ngày {d}. Lô đất dự kiến giao nằm "
            "ở vị trí thấp trũng, giá thu tiền sử dụng đất cao hơn tiền bồi thường đất ở cũ.",
            "Khiếu nại đúng một phần: giao Ban quản lý dự án bố trí lô tái định cư khác cho gia đình.",
            "Qua xác minh, Quyết định số {n}/QĐ-UBND được ban hành đúng thẩm quyền; lô đất tái định cư bố trí "
            "theo kết quả bốc thăm công khai. Giữ nguyên quyết định, giao Ban quản lý dự án đẩy nhanh san nền "
            "khu tái định cư.",
            respondent="Chủ tịch Ủy ban nhân dân phường Tân Phong",
            decision=True,
        ),
    ]
}
