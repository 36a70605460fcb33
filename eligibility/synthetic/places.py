"""Lai Châu reference data for sample registers: former districts (before 1 Jul 2025), the 38
commune-level units after it, plausible villages, ethnic composition and names.

Sources: POLICIES.md §10 (units, ĐBKK communes 2026-2030, ethnic shares, poverty rates). The
commune → former-district assignment is a simplification (a few new communes straddle two former
districts); village names are plausible local names, not an official list.
"""
from __future__ import annotations

# Former districts: code -> (share of the province's households, poor district 2018-2025).
DISTRICTS: dict[str, tuple[float, bool]] = {
    "lai_chau_city": (0.09, False),
    "tam_duong": (0.12, False),
    "phong_tho": (0.17, True),
    "sin_ho": (0.18, True),
    "muong_te": (0.10, True),
    "nam_nhun": (0.06, True),
    "than_uyen": (0.15, False),
    "tan_uyen": (0.13, False),
}

# The 38 units from 1 Jul 2025: (name, former district, kind). kind: ward | centre (holds a former
# district town, so some villages are urban) | rural.
COMMUNES: list[tuple[str, str, str]] = [
    ("Tân Phong", "lai_chau_city", "ward"), ("Đoàn Kết", "lai_chau_city", "ward"),
    ("Bình Lư", "tam_duong", "centre"), ("Bản Bo", "tam_duong", "rural"),
    ("Tả Lèng", "tam_duong", "rural"), ("Khun Há", "tam_duong", "rural"),
    ("Phong Thổ", "phong_tho", "centre"), ("Sin Suối Hồ", "phong_tho", "rural"),
    ("Dào San", "phong_tho", "rural"), ("Sì Lở Lầu", "phong_tho", "rural"), ("Khổng Lào", "phong_tho", "rural"),
    ("Sìn Hồ", "sin_ho", "centre"), ("Tủa Sín Chải", "sin_ho", "rural"), ("Hồng Thu", "sin_ho", "rural"),
    ("Nậm Tăm", "sin_ho", "rural"), ("Pu Sam Cáp", "sin_ho", "rural"), ("Nậm Cuổi", "sin_ho", "rural"),
    ("Nậm Mạ", "sin_ho", "rural"), ("Pa Tần", "sin_ho", "rural"),
    ("Nậm Hàng", "nam_nhun", "centre"), ("Lê Lợi", "nam_nhun", "rural"), ("Mường Mô", "nam_nhun", "rural"),
    ("Hua Bum", "nam_nhun", "rural"),
    ("Mường Tè", "muong_te", "centre"), ("Bum Nưa", "muong_te", "rural"), ("Bum Tở", "muong_te", "rural"),
    ("Thu Lũm", "muong_te", "rural"), ("Pa Ủ", "muong_te", "rural"), ("Tà Tổng", "muong_te", "rural"),
    ("Mù Cả", "muong_te", "rural"),
    ("Than Uyên", "than_uyen", "centre"), ("Mường Than", "than_uyen", "rural"),
    ("Mường Kim", "than_uyen", "rural"), ("Khoen On", "than_uyen", "rural"),
    ("Tân Uyên", "tan_uyen", "centre"), ("Mường Khoa", "tan_uyen", "rural"),
    ("Pắc Ta", "tan_uyen", "rural"), ("Nậm Sỏ", "tan_uyen", "rural"),
]

# ĐBKK communes 2026-2030 (Decision 113/QĐ-UBND, 16 Jan 2026; POLICIES.md §10). Used as the
# communes where most villages are extremely difficult.
DBKK_COMMUNES = frozenset({
    "Mường Kim", "Khoen On", "Pắc Ta", "Nậm Sỏ", "Mường Khoa", "Bản Bo", "Tả Lèng", "Khun Há",
    "Sin Suối Hồ", "Phong Thổ", "Sì Lở Lầu", "Dào San", "Khổng Lào", "Tủa Sín Chải", "Sìn Hồ",
    "Hồng Thu", "Nậm Tăm", "Pu Sam Cáp", "Nậm Cuổi", "Nậm Mạ", "Lê Lợi", "Nậm Hàng", "Mường Mô",
    "Hua Bum", "Pa Tần", "Bum Nưa", "Bum Tở", "Mường Tè", "Thu Lũm", "Pa Ủ", "Tà Tổng", "Mù Cả",
})

VILLAGE_NAMES = [
    "Nà Luông", "Nà Khương", "Nà Tăm", "Nà Hừ", "Nà Bó", "Nà Cang", "Nà Phát", "Nà Sẳng", "Nà Ún",
    "Nà Ban", "Phiêng Tiên", "Phiêng Phát", "Phiêng Pẳng", "Phiêng Lúc", "Phiêng Xe", "Co Muông",
    "Co Lọm", "Hua Pầu", "Hua Nà", "Hua Pết", "Nậm Pắt", "Nậm Cấu", "Nậm Sảo", "Nậm Ngập",
    "Nậm Lùng", "Nậm Manh", "Nậm Ban", "Nậm Khao", "Pá Khôm", "Pá Pằng", "Pá Bon", "Pá Ngừa",
    "Ít Chom", "Hô Tra", "Làng Mô", "Sì Choang", "Mào Phô", "Lùng Thàng", "Phìn Hồ", "Tả Phìn",
    "Hồ Pên", "Pa Vây Sử", "Ma Ký", "Sín Chải", "Căn Câu", "Huổi Luông", "Huổi Ke", "Huổi Co",
    "Kheo Lụ", "Mường Cang", "Noong Quang", "Noong Dòn", "Thẩm Phé", "Chu Va", "Sơn Bình",
    "Hồ Thầu", "Nùng Nàng", "Thèn Sin", "Sùng Phài", "Lản Nhì Thàng", "Vàng Pheo", "Mồ Sì San",
    "Pa Vệ Sử", "Ma Li Chải", "Sì Thâu Chải", "Seo Lò", "Lồng Thàng", "Trung Chải", "Pú Đao",
    "Chăn Nuôi", "Mường Mít", "Phúc Khoa", "Ta Gia", "Pha Mu", "Hố Mít", "Tà Mít", "Tà Hừa",
    "Mường So", "Mù Sang", "Vàng Ma Chải", "Tông Qua Lìn", "Pờ Ma", "Leng Su Sìn", "Lai Hà",
    "Ka Lăng", "Ún Chổ", "Mô Ú", "Can Hồ", "Phìn Ngan Sín Chải", "Lùng Cù", "Gia Khâu", "Pắc Pạt",
    "Ho Ta", "Tát Xôm", "Bó Lun", "Nà Đông", "Hua Cuổi", "Pa Khóa", "Nậm Đích", "Cang Há",
]
VILLAGES_PER_COMMUNE = 12
URBAN_VILLAGES_IN_CENTRE = 3
WARD_BLOCKS = 14  # "Tổ dân phố số 1" ... in each ward

# Ethnic groups (codes of rules/inputs/members.yaml) and their share of the population
# (POLICIES.md §10: Thái 32.34 %, Mông 21.49 %, Kinh 15.28 %, Dao 13.16 %, Hà Nhì 3.1 %, others).
ETHNIC_SHARES: dict[str, float] = {
    "thai": 0.3234, "mong": 0.2149, "kinh": 0.1528, "dao": 0.1316, "ha_nhi": 0.0310,
    "giay": 0.0350, "kho_mu": 0.0200, "lu": 0.0170, "la_hu": 0.0200, "mang": 0.0100,
    "cong": 0.0055, "si_la": 0.0020, "phu_la": 0.0010, "tay": 0.0050, "nung": 0.0040,
    "muong": 0.0040, "hoa": 0.0015, "khang": 0.0010, "lao": 0.0010, "other": 0.0023,
}

# Where groups live: multiplicative tilts per former district (raked back to the shares above).
ETHNIC_TILTS: dict[str, dict[str, float]] = {
    "lai_chau_city": {"kinh": 6.0, "mong": 0.5, "dao": 0.5, "ha_nhi": 0.1, "giay": 1.5, "la_hu": 0.1,
                      "mang": 0.1, "cong": 0.1, "si_la": 0.1, "hoa": 4.0, "tay": 3.0, "nung": 3.0, "muong": 3.0},
    "tam_duong": {"mong": 1.5, "dao": 1.5, "giay": 2.5, "thai": 0.8, "lu": 3.0, "ha_nhi": 0.2, "la_hu": 0.1},
    "phong_tho": {"mong": 2.0, "dao": 2.0, "thai": 0.5, "kinh": 0.5, "ha_nhi": 0.3, "giay": 1.2, "la_hu": 0.1},
    "sin_ho": {"mong": 2.0, "dao": 1.3, "thai": 1.2, "kinh": 0.3, "ha_nhi": 0.4, "la_hu": 0.3},
    "muong_te": {"ha_nhi": 8.0, "la_hu": 8.0, "cong": 6.0, "si_la": 12.0, "mang": 2.0, "mong": 0.7,
                 "dao": 0.4, "kinh": 0.4, "giay": 0.1},
    "nam_nhun": {"mang": 10.0, "thai": 1.2, "ha_nhi": 1.5, "kho_mu": 2.0, "cong": 2.0, "kinh": 0.5, "giay": 0.2},
    "than_uyen": {"thai": 2.2, "kho_mu": 2.0, "kinh": 1.2, "mong": 0.7, "dao": 0.5, "ha_nhi": 0.1,
                  "la_hu": 0.05, "mang": 0.05, "cong": 0.05, "si_la": 0.05},
    "tan_uyen": {"thai": 1.8, "kho_mu": 2.5, "kinh": 1.2, "mong": 1.0, "dao": 0.8, "ha_nhi": 0.1,
                 "la_hu": 0.05, "mang": 0.05, "cong": 0.05, "si_la": 0.05, "lu": 1.5},
}

# Poverty propensity (higher = poorer), used by the sample generator's latent score.
DISTRICT_POVERTY = {"lai_chau_city": -1.3, "tam_duong": 0.0, "phong_tho": 0.4, "sin_ho": 0.5,
                    "muong_te": 0.6, "nam_nhun": 0.5, "than_uyen": -0.2, "tan_uyen": -0.1}
ETHNIC_POVERTY = {"kinh": -1.3, "thai": -0.2, "giay": -0.3, "mong": 0.6, "dao": 0.3, "ha_nhi": 0.5,
                  "la_hu": 1.0, "mang": 1.0, "cong": 0.8, "si_la": 0.5, "kho_mu": 0.5, "lu": 0.3,
                  "phu_la": 0.4, "khang": 0.4, "hoa": -0.8, "tay": -0.3, "nung": -0.2, "muong": -0.3}
# The very small groups with their own education support (Decree 57/2017) living in Lai Châu.
VERY_SMALL_GROUPS = frozenset({"cong", "mang", "la_hu", "lu", "si_la"})

# Names by ethnic group: (family names, family weights or None, male middle, female middle,
# male given, female given). Hà Nhì names have no middle name.
NAMES: dict[str, tuple] = {
    "kinh": (
        ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý"],
        [0.34, 0.11, 0.09, 0.07, 0.06, 0.06, 0.05, 0.05, 0.05, 0.04, 0.04, 0.04],
        ["Văn", "Đức", "Minh", "Quang", "Hữu", "Văn"], ["Thị", "Thu", "Ngọc", "Thanh", "Thị", "Thị"],
        ["Hùng", "Dũng", "Tuấn", "Nam", "Hải", "Long", "Minh", "Quân", "Sơn", "Thắng", "Cường", "Trung",
         "Phong", "Bình", "Khánh", "Huy", "Đạt", "Toàn"],
        ["Hương", "Lan", "Mai", "Hoa", "Linh", "Thảo", "Hằng", "Nga", "Yến", "Trang", "Huyền", "Thủy",
         "Hà", "Nhung", "Phương", "Loan"],
    ),
    "thai": (
        ["Lò", "Lường", "Tòng", "Cầm", "Điêu", "Quàng", "Hoàng", "Vì", "Tao", "Lù", "Bạc"],
        [0.22, 0.14, 0.12, 0.1, 0.08, 0.08, 0.07, 0.06, 0.05, 0.04, 0.04],
        ["Văn"], ["Thị"],
        ["Pánh", "Xuân", "Ún", "Chăn", "Ọn", "Phăn", "Khun", "Dương", "Sơn", "Thái", "Inh", "Biên",
         "Tiến", "Khánh", "Hiên", "Piêng"],
        ["Ngoan", "Hom", "Dung", "Xuân", "Kim", "Phượng", "Ánh", "Lả", "Ín", "Lan", "Thoa", "Hoa",
         "Yến", "Liên", "Ỏn", "Pánh"],
    ),
    "mong": (
        ["Giàng", "Vàng", "Sùng", "Lý", "Hầu", "Thào", "Lầu", "Mùa", "Hạng", "Tráng", "Cứ", "Vừ", "Lồ"],
        None,
        ["A", "Seo", "Chá", "Mí", "A"], ["Thị"],
        ["Sử", "Páo", "Chứ", "Dế", "Súa", "Chư", "Pó", "Lử", "Vần", "Pềnh", "Tủa", "Thề", "Chính", "Sình"],
        ["Mai", "Pàng", "Chang", "Dua", "Vá", "Máy", "Dợ", "Mỷ", "Sua", "Mỉ", "Lỳ", "Xúa"],
    ),
    "dao": (
        ["Tẩn", "Lý", "Chảo", "Phàn", "Triệu", "Đặng", "Bàn", "Lò"], None,
        ["Láo", "Văn", "Kiến", "Láo"], ["Thị", "Mẩy"],
        ["Kiềm", "Chiêu", "Phủ", "Quẩy", "Tả", "Xuân", "Sênh", "Dùn", "Chòi", "Vần", "Lở", "Pao"],
        ["Mẩy", "Chiêu", "Sai", "Lở", "Xiêm", "Dền", "Phù", "Nái", "Mùi", "Kiều"],
    ),
    "ha_nhi": (
        ["Lỳ", "Pờ", "Chu", "Lò", "Phu", "Sừng", "Chang", "Mỳ", "Ly"], None,
        [""], [""],
        ["Gió Xá", "Xá Lừ", "Mé Pư", "Hừ Giờ", "Phì Xá", "Cà Lò", "Sì Cà", "Thó Xá", "Gạ Phì", "Xé Gió"],
        ["Mé Pứa", "Xó Mé", "Gạ Mé", "Chờ Pứ", "Pà Mé", "Dì Chừ", "Lừ Mé", "Sừ Mé"],
    ),
    "giay": (
        ["Hoàng", "Lò", "Vàng", "Giàng", "Lù", "Sần", "Vương"], None,
        ["Văn"], ["Thị"],
        ["Sỉnh", "Phúc", "Chung", "Sảo", "Thông", "Lềnh", "Lả", "Phin", "Cường"],
        ["Ánh", "Mây", "Cúc", "Sính", "Phương", "Hiền", "Lả", "Mai"],
    ),
    "small": (
        ["Lò", "Lý", "Pờ", "Chìn", "Chảo", "Vàng", "Lù", "Tao", "Hù", "Chang", "Vi", "Cà"], None,
        ["Văn", ""], ["Thị", ""],
        ["Là", "Xá", "Chè", "Sang", "Phí", "Lừ", "Thà", "Khum", "Ín", "Bun", "Pặng", "Khăm"],
        ["Mé", "Xuân", "Ỉn", "Pa", "Mai", "Lai", "Chăm", "Hoa", "Ngọc"],
    ),
}
# Which name set each ethnic code uses.
NAME_SET = {"kinh": "kinh", "hoa": "kinh", "muong": "kinh", "tay": "thai", "nung": "thai", "lao": "thai",
            "thai": "thai", "kho_mu": "small", "khang": "small", "lu": "small", "mong": "mong", "dao": "dao",
            "ha_nhi": "ha_nhi", "la_hu": "small", "si_la": "small", "cong": "small", "mang": "small",
            "phu_la": "small", "giay": "giay", "other": "small"}
