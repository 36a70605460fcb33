# language: vi
@social_assistance
Tính năng: Hỗ trợ chi phí mai táng khi đối tượng bảo trợ xã hội, người hưởng hưu trí xã hội, người có công qua đời
  Nghị định 20/2021 Điều 11: người đang hưởng trợ cấp xã hội hằng tháng, người từ đủ 80 tuổi hưởng trợ cấp tuất
  hằng tháng qua đời: tối thiểu 20 lần mức chuẩn tại ngày mất (10.000.000 đồng với mức chuẩn 500.000). Người hưởng
  trợ cấp hưu trí xã hội (Nghị định 176/2025): 10.000.000 đồng (tin cậy C). Người có công, thân nhân đang hưởng trợ
  cấp hằng tháng (Pháp lệnh 02/2020 Điều 6 khoản 4): trợ cấp mai táng theo BHXH, 10 lần mức lương cơ sở tại ngày
  mất (tin cậy C). Chỉ hưởng một mức cao nhất. Quy ước của bộ quy định (C, không phải luật): chỉ xét người mất trong
  12 tháng trước ngày xét.

  Tình huống: Cụ bà sinh năm 1942 đang hưởng trợ cấp xã hội mất ngày 05/9/2024: 20 × 500.000 = 10.000.000
    Cho ngày xét là 01/10/2024
    Và hộ "H1" ở xã "Bum Tở" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Ngày mất   | Đang hưởng trợ cấp xã hội hằng tháng | Diện người có công (Pháp lệnh 02/2020) |
      | P1       | 01/02/1942 | 05/09/2024 | có                                   | Không                                  |
      | P2       | 01/01/1970 |            | không                                | Không                                  |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "death_funeral_support" với mức 10.000.000
    Và "P1" hưởng "death_funeral_support" theo quy định "funeral_social_allowance"
    Và "P2" không đủ điều kiện hưởng "death_funeral_support"

  @threshold
  Tình huống: Mức chuẩn tại ngày mất: mất ngày 30/6/2024 (mức chuẩn 360.000) được 7.200.000 dù xét sau 01/7/2024
    Cho ngày xét là 15/07/2024
    Và hộ "H1" ở xã "Bum Tở" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Ngày mất   | Đang hưởng trợ cấp xã hội hằng tháng | Diện người có công (Pháp lệnh 02/2020) |
      | P1       | 01/02/1942 | 30/06/2024 | có                                   | Không                                  |
      | P2       | 01/02/1943 | 01/07/2024 | có                                   | Không                                  |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "death_funeral_support" với mức 7.200.000
    Và "P2" đủ điều kiện hưởng "death_funeral_support" với mức 10.000.000

  Tình huống: Mẹ liệt sĩ mất tháng 3/2025: chỉ một mức cao nhất, trợ cấp mai táng 10 × 2.340.000 = 23.400.000 (C)
    Cho ngày xét là 01/04/2025
    Và hộ "H1" ở xã "Bum Tở" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Ngày mất   | Diện người có công (Pháp lệnh 02/2020) | Quan hệ với liệt sĩ | Số liệt sĩ (thân nhân) | Đang hưởng trợ cấp ưu đãi người có công | Đang hưởng trợ cấp xã hội hằng tháng |
      | P1       | 01/05/1935 | 10/03/2025 | Thân nhân liệt sĩ                      | Cha/mẹ              | 1                      | có                                      | có                                   |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "death_funeral_support" với mức 23.400.000
    Và "P1" hưởng "death_funeral_support" theo quy định "funeral_meritorious"

  Tình huống: Người hưởng hưu trí xã hội mất tháng 9/2025: 10.000.000 (C)
    Cho ngày xét là 01/10/2025
    Và hộ "H1" ở xã "Bum Tở" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Ngày mất   | Đang hưởng trợ cấp hưu trí xã hội | Đang hưởng trợ cấp xã hội hằng tháng | Diện người có công (Pháp lệnh 02/2020) |
      | P1       | 01/01/1945 | 01/09/2025 | có                                | không                                | Không                                  |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "death_funeral_support" với mức 10.000.000
    Và "P1" hưởng "death_funeral_support" theo quy định "funeral_social_pension"

  Tình huống: Người hưởng hưu trí xã hội mất tháng 8/2026: đủ điều kiện, chưa rõ mức (cố định hay 20 lần mức chuẩn: D)
    Cho ngày xét là 01/09/2026
    Và hộ "H1" ở xã "Bum Tở" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Ngày mất   | Đang hưởng trợ cấp hưu trí xã hội | Đang hưởng trợ cấp xã hội hằng tháng | Diện người có công (Pháp lệnh 02/2020) |
      | P1       | 01/01/1945 | 01/08/2026 | có                                | không                                | Không                                  |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "death_funeral_support", chưa rõ mức

  Tình huống: Trước 01/7/2021 bộ quy định chưa mã hoá: chưa xác định, không phải "không đủ điều kiện"
    Cho ngày xét là 01/06/2021
    Và hộ "H1" ở xã "Bum Tở" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Ngày mất   | Đang hưởng trợ cấp xã hội hằng tháng | Diện người có công (Pháp lệnh 02/2020) |
      | P1       | 01/02/1940 | 05/05/2021 | có                                   | Không                                  |
    Khi xét duyệt hộ
    Thì kết quả xét "death_funeral_support" của "P1" là "chưa xác định"
