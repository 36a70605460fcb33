# language: vi
@emergency_relief
Tính năng: Trợ giúp xã hội khẩn cấp về nhà ở sau thiên tai, hỏa hoạn (Nghị định 20/2021, Điều 15)
  Hộ nghèo, cận nghèo, hộ có hoàn cảnh khó khăn có nhà ở bị đổ, sập, trôi, cháy hoàn toàn mà không còn nơi ở khác:
  tối thiểu 40.000.000 đồng/hộ; nhà hư hỏng nặng không ở được: tối thiểu 20.000.000 đồng/hộ. Hộ phải di dời khẩn cấp
  theo quyết định của cơ quan có thẩm quyền (mọi hộ, không chỉ hộ nghèo): tối thiểu 30.000.000 đồng/hộ.
  Quy ước của bộ quy định (tin cậy C, không phải luật): chỉ xét hỗ trợ một lần cho sự kiện trong 12 tháng trước ngày xét.

  @E16
  Tình huống: E16 – sạt lở tháng 8/2024: hộ cận nghèo mất nhà, có người chết, có người bị thương; so với hộ chỉ phải di dời và hộ không nghèo
    Cho ngày xét là 01/09/2024
    Và hộ "A" ở xã "Pa Ủ" có:
      | Huyện                     | Mường Tè                       |
      | Khu vực                   | Nông thôn                      |
      | Phân loại hộ              | Hộ cận nghèo                   |
      | Hộ khó khăn               | không                          |
      | Ngày thiên tai            | 10/08/2024                     |
      | Loại thiên tai            | Sạt lở đất                     |
      | Thiệt hại nhà ở           | Đổ, sập, trôi, cháy hoàn toàn  |
      | Có nơi ở khác             | không                          |
      | Số người chết/mất tích    | 1                              |
      | Đã trợ giúp đột xuất      | không                          |
    Và các thành viên:
      | Mã người | Ngày sinh  | Số ngày điều trị |
      | A1       | 01/01/1980 | 0                |
      | A2       | 01/01/1982 | 4                |
      | A3       | 01/01/2010 | 0                |
    Và hộ "B" ở xã "Pa Ủ" giống hộ "A" nhưng có:
      | Thiệt hại nhà ở         | Phải di dời khẩn cấp |
      | Số người chết/mất tích  | 0                    |
    Và thành viên "B1" sinh ngày 01/01/1980 có:
      | Số ngày điều trị | 0 |
    Và hộ "C" ở xã "Pa Ủ" giống hộ "A" nhưng có:
      | Phân loại hộ | Không |
    Và các thành viên:
      | Mã người | Ngày sinh  | Số ngày điều trị |
      | C1       | 01/01/1980 | 3                |
      | C2       | 01/01/1982 | 0                |
    Khi xét duyệt các hộ
    Thì "A" đủ điều kiện hưởng "emergency_housing_support" với mức 40.000.000
    Và "A" hưởng "emergency_housing_support" theo quy định "er_house_collapsed"
    Và "A" thuộc diện "bỏ sót" với "emergency_housing_support"
    Và "A" đủ điều kiện hưởng "emergency_funeral_support" với mức 25.000.000
    Và "A2" đủ điều kiện hưởng "emergency_injury_support" với mức 5.000.000
    Và "A1" không đủ điều kiện hưởng "emergency_injury_support"
    Và "A" đủ điều kiện hưởng "emergency_rice_support" với mức 45
    Và "B" đủ điều kiện hưởng "emergency_housing_support" với mức 30.000.000
    Và "B" hưởng "emergency_housing_support" theo quy định "er_house_relocation"
    Và "B" không đủ điều kiện hưởng "emergency_funeral_support"
    Và "C" không đủ điều kiện hưởng "emergency_housing_support"
    Và "C" đủ điều kiện hưởng "emergency_funeral_support" với mức 25.000.000
    Và "C1" đủ điều kiện hưởng "emergency_injury_support" với mức 5.000.000
    Và "C" đủ điều kiện hưởng "emergency_rice_support" với mức 30

  Tình huống: Hỗ trợ di dời khẩn cấp áp dụng cho mọi hộ; nhà hư hỏng nặng của hộ nghèo: 20.000.000 đồng
    Cho ngày xét là 01/09/2024
    Và hộ "A" ở xã "Bum Tở" có:
      | Khu vực                 | Nông thôn            |
      | Phân loại hộ            | Không                |
      | Hộ khó khăn             | không                |
      | Ngày thiên tai          | 10/08/2024           |
      | Loại thiên tai          | Lũ/lũ quét           |
      | Thiệt hại nhà ở         | Phải di dời khẩn cấp |
      | Số người chết/mất tích  | 0                    |
    Và thành viên "A1" sinh ngày 01/01/1980
    Và hộ "B" ở xã "Bum Tở" giống hộ "A" nhưng có:
      | Phân loại hộ    | Hộ nghèo                  |
      | Loại thiên tai  | Bão/lốc/mưa đá            |
      | Thiệt hại nhà ở | Hư hỏng nặng không ở được |
    Và thành viên "B1" sinh ngày 01/01/1980
    Và hộ "C" ở xã "Bum Tở" giống hộ "A" nhưng có:
      | Thiệt hại nhà ở | Hư hỏng nặng không ở được |
    Và thành viên "C1" sinh ngày 01/01/1980
    Khi xét duyệt các hộ
    Thì "A" đủ điều kiện hưởng "emergency_housing_support" với mức 30.000.000
    Và "B" đủ điều kiện hưởng "emergency_housing_support" với mức 20.000.000
    Và "B" hưởng "emergency_housing_support" theo quy định "er_house_severe"
    Và "C" không đủ điều kiện hưởng "emergency_housing_support"

  Tình huống: Hộ có hoàn cảnh khó khăn bị cháy nhà được 40.000.000 đồng; hộ nghèo còn nơi ở khác thì không
    Cho ngày xét là 01/09/2024
    Và hộ "A" ở xã "Bum Tở" có:
      | Khu vực                 | Nông thôn                     |
      | Phân loại hộ            | Không                         |
      | Hộ khó khăn             | có                            |
      | Ngày thiên tai          | 10/08/2024                    |
      | Loại thiên tai          | Hỏa hoạn                      |
      | Thiệt hại nhà ở         | Đổ, sập, trôi, cháy hoàn toàn |
      | Có nơi ở khác           | không                         |
      | Số người chết/mất tích  | 0                             |
    Và thành viên "A1" sinh ngày 01/01/1980
    Và hộ "B" ở xã "Bum Tở" giống hộ "A" nhưng có:
      | Phân loại hộ  | Hộ nghèo |
      | Hộ khó khăn   | không    |
      | Có nơi ở khác | có       |
    Và thành viên "B1" sinh ngày 01/01/1980
    Khi xét duyệt các hộ
    Thì "A" đủ điều kiện hưởng "emergency_housing_support" với mức 40.000.000
    Và "B" không đủ điều kiện hưởng "emergency_housing_support"

  @threshold
  Khung tình huống: Quy ước 12 tháng của bộ quy định cho hỗ trợ một lần (thiên tai 10/08/2024, xét ngày <ngày xét>)
    Cho ngày xét là <ngày xét>
    Và hộ "H1" ở xã "Bum Tở" có:
      | Khu vực                 | Nông thôn                     |
      | Phân loại hộ            | Hộ nghèo                      |
      | Ngày thiên tai          | 10/08/2024                    |
      | Loại thiên tai          | Lũ/lũ quét                    |
      | Thiệt hại nhà ở         | Đổ, sập, trôi, cháy hoàn toàn |
      | Có nơi ở khác           | không                         |
      | Số người chết/mất tích  | 0                             |
      | Đã trợ giúp đột xuất    | có                            |
    Và thành viên "P1" sinh ngày 01/01/1980
    Khi xét duyệt hộ
    Thì kết quả xét "emergency_housing_support" của "H1" là "<kết quả>"

    Dữ liệu:
      | ngày xét   | kết quả            |
      | 09/08/2025 | đủ điều kiện       |
      | 10/08/2025 | không đủ điều kiện |

  Tình huống: Không ghi nhận thiên tai, hỏa hoạn thì không có trợ giúp khẩn cấp; hộ không nghèo, không khó khăn đã nhận tiền sửa nhà là hưởng sai
    Cho ngày xét là 01/09/2024
    Và hộ "A" ở xã "Bum Tở" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
    Và thành viên "A1" sinh ngày 01/01/1980
    Và hộ "B" ở xã "Bum Tở" có:
      | Khu vực                 | Nông thôn                 |
      | Phân loại hộ            | Không                     |
      | Hộ khó khăn             | không                     |
      | Ngày thiên tai          | 10/08/2024                |
      | Loại thiên tai          | Lũ/lũ quét                |
      | Thiệt hại nhà ở         | Hư hỏng nặng không ở được |
      | Số người chết/mất tích  | 0                         |
      | Đã trợ giúp đột xuất    | có                        |
    Và thành viên "B1" sinh ngày 01/01/1980
    Khi xét duyệt các hộ
    Thì "A" không đủ điều kiện hưởng "emergency_housing_support"
    Và "A" không đủ điều kiện hưởng "emergency_funeral_support"
    Và "A" không đủ điều kiện hưởng "emergency_rice_support"
    Và "A1" không đủ điều kiện hưởng "emergency_injury_support"
    Và "B" không đủ điều kiện hưởng "emergency_housing_support"
    Và "B" thuộc diện "hưởng sai" với "emergency_housing_support"
