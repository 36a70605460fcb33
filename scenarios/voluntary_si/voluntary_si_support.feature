# language: vi
@voluntary_si
Tính năng: Nhà nước hỗ trợ tiền đóng BHXH tự nguyện
  Mức đóng 22% thu nhập tự chọn; thu nhập thấp nhất bằng chuẩn nghèo khu vực nông thôn (700.000 đồng đến 2021,
  1.500.000 đồng 2022–2026, 2.200.000 đồng từ 2027 – giả định, tin cậy D). Hỗ trợ tính trên 22% × chuẩn nghèo nông thôn:
  Nghị định 134/2015 (01/01/2018 – 30/6/2025): hộ nghèo 30%, hộ cận nghèo 25%, đối tượng khác 10%;
  Nghị định 159/2025 (từ 01/7/2025, tin cậy C): hộ nghèo 50%, hộ cận nghèo 40%, người DTTS 30%, đối tượng khác 20%.

  @E15
  Tình huống: E15 – nông dân hộ cận nghèo ở Than Uyên: đóng 330.000, được hỗ trợ 82.500, tự đóng 247.500 đồng/tháng (2024)
    Cho ngày xét là 01/06/2024
    Và hộ "H1" ở xã "Mường Kim" có:
      | Huyện          | Than Uyên    |
      | Khu vực        | Nông thôn    |
      | Hộ nông nghiệp | có           |
      | Phân loại hộ   | Hộ cận nghèo |
    Và thành viên "P1" sinh ngày 01/05/1980 có:
      | Dân tộc                | Thái |
      | BHXH tự nguyện         | có   |
      | Hỗ trợ BHXH tự nguyện  | có   |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "voluntary_si_support" với mức 82.500
    Và "P1" hưởng "voluntary_si_support" theo quy định "vsi_near_poor_d134"
    Và "P1" thuộc diện "đã hưởng" với "voluntary_si_support"

  @E15 @threshold
  Khung tình huống: E15 – cùng người nông dân cận nghèo, xét ngày <ngày xét>: hỗ trợ <mức> đồng/tháng
    Cho ngày xét là <ngày xét>
    Và dùng cả số liệu chưa kiểm chứng (--use-unverified)
    Và hộ "H1" ở xã "Mường Kim" có:
      | Huyện          | Than Uyên    |
      | Khu vực        | Nông thôn    |
      | Phân loại hộ   | Hộ cận nghèo |
    Và thành viên "P1" sinh ngày 01/05/1980 có:
      | Dân tộc        | Thái |
      | BHXH tự nguyện | có   |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "voluntary_si_support" với mức <mức>

    Dữ liệu: 25% × 22% × chuẩn nông thôn đến 30/6/2025; 40% từ 01/7/2025
      | ngày xét   | mức     |
      | 01/06/2019 | 38.500  |
      | 31/12/2021 | 38.500  |
      | 01/01/2022 | 82.500  |
      | 30/06/2025 | 82.500  |
      | 01/07/2025 | 132.000 |
      | 31/12/2026 | 132.000 |
      | 01/01/2027 | 193.600 |

  @E1
  Tình huống: E1 – thành viên hộ nghèo tham gia BHXH tự nguyện: 30% × 330.000 = 99.000 đồng (2023); 50% từ 01/7/2025
    Cho ngày xét là 01/06/2023
    Và hộ "H1" ở xã "Nậm Tăm" có:
      | Huyện        | Sìn Hồ    |
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
    Và thành viên "P1" sinh ngày 01/05/1980 có:
      | Dân tộc        | Mông |
      | BHXH tự nguyện | có   |
    Khi xét duyệt hộ vào ngày 01/06/2023
    Thì "P1" đủ điều kiện hưởng "voluntary_si_support" với mức 99.000
    Và "P1" hưởng "voluntary_si_support" theo quy định "vsi_poor_d134"
    Khi xét duyệt hộ vào ngày 01/07/2025
    Thì "P1" đủ điều kiện hưởng "voluntary_si_support" với mức 165.000
    Và "P1" hưởng "voluntary_si_support" theo quy định "vsi_poor_d159"

  @threshold
  Tình huống: Người không thuộc hộ nghèo, cận nghèo: 10% trước 01/7/2025; từ 01/7/2025 người DTTS 30%, người Kinh 20%
    Cho ngày xét là 30/06/2025
    Và hộ "A" ở xã "Mường Kim" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    Và thành viên "A1" sinh ngày 01/05/1980 có:
      | Dân tộc        | Thái |
      | BHXH tự nguyện | có   |
    Và hộ "B" ở phường "Tân Phong" có:
      | Khu vực      | Thành thị |
      | Phân loại hộ | Không     |
    Và thành viên "B1" sinh ngày 01/05/1980 có:
      | Dân tộc        | Kinh |
      | BHXH tự nguyện | có   |
    Khi xét duyệt các hộ vào ngày 30/06/2025
    Thì "A1" đủ điều kiện hưởng "voluntary_si_support" với mức 33.000
    Và "A1" hưởng "voluntary_si_support" theo quy định "vsi_other_d134"
    Và "B1" đủ điều kiện hưởng "voluntary_si_support" với mức 33.000
    Khi xét duyệt các hộ vào ngày 01/07/2025
    Thì "A1" đủ điều kiện hưởng "voluntary_si_support" với mức 99.000
    Và "A1" hưởng "voluntary_si_support" theo quy định "vsi_ethnic_minority_d159"
    Và "B1" đủ điều kiện hưởng "voluntary_si_support" với mức 66.000
    Và "B1" hưởng "voluntary_si_support" theo quy định "vsi_other_d159"

  @threshold
  Tình huống: Hỗ trợ bắt đầu từ 01/01/2018; người không tham gia BHXH tự nguyện thì không được hỗ trợ
    Cho ngày xét là 31/12/2017
    Và hộ "H1" ở xã "Nậm Tăm" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
    Và thành viên "P1" sinh ngày 01/05/1980 có:
      | Dân tộc        | Mông |
      | BHXH tự nguyện | có   |
    Và thành viên "P2" sinh ngày 01/05/1982 có:
      | Dân tộc        | Mông  |
      | BHXH tự nguyện | không |
    Khi xét duyệt hộ vào ngày 31/12/2017
    Thì "P1" không đủ điều kiện hưởng "voluntary_si_support"
    Khi xét duyệt hộ vào ngày 01/01/2018
    Thì "P1" đủ điều kiện hưởng "voluntary_si_support" với mức 46.200
    Và "P2" không đủ điều kiện hưởng "voluntary_si_support"
