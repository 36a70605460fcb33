# language: vi
@ethnic_minority
Tính năng: Chương trình MTQG vùng đồng bào DTTS và miền núi (Quyết định 1719/QĐ-TTg), Dự án 1
  Đối tượng (B): hộ DTTS nghèo; hộ người Kinh nghèo ở xã, thôn ĐBKK; phải có trong danh sách được UBND xã phê duyệt.
  Nước sinh hoạt phân tán: tối đa 3.000.000 đồng/hộ, một lần (A từ 28/11/2025; C từ 2022). Chuyển đổi nghề: tối đa
  10.000.000 đồng/hộ, một lần (B). Nhà ở mới: 40.000.000 đồng/hộ (C, 2021-2025). Giải ngân đến hết 31/12/2026.

  Tình huống: Hộ Dao nghèo ở thôn ĐBKK (Phong Thổ cũ) được duyệt năm 2024: nước tối đa 3.000.000, chuyển đổi nghề tối đa 10.000.000
    Cho ngày xét là 01/06/2024
    Và hộ "A" ở xã "Bum Tở" có:
      | Huyện                                                | Phong Thổ          |
      | Khu vực                                              | Nông thôn          |
      | Phân loại hộ                                         | Hộ nghèo           |
      | Xã/thôn ĐBKK                                         | có                 |
      | Tình trạng nhà ở                                     | Kiên cố/bán kiên cố |
      | Hỗ trợ nước sinh hoạt phân tán                       | có                 |
      | Hỗ trợ chuyển đổi nghề                               | có                 |
    Và các thành viên:
      | Mã người | Ngày sinh  | Dân tộc | Quan hệ với chủ hộ |
      | A1       | 01/01/1980 | Dao     | Chủ hộ             |
    Và hộ "B" ở xã "Bum Tở" giống hộ "A" nhưng có:
      | Xã/thôn ĐBKK | không |
    Và các thành viên:
      | Mã người | Ngày sinh  | Dân tộc | Quan hệ với chủ hộ |
      | B1       | 01/01/1980 | Kinh    | Chủ hộ             |
    Và hộ "C" ở xã "Bum Tở" giống hộ "A" nhưng có:
      | Xã/thôn ĐBKK | không |
    Và các thành viên:
      | Mã người | Ngày sinh  | Dân tộc | Quan hệ với chủ hộ |
      | C1       | 01/01/1980 | Dao     | Chủ hộ             |
    Khi xét duyệt các hộ
    Thì "A" đủ điều kiện hưởng "ntp1719_water_support" với mức 3.000.000
    Và "A" đủ điều kiện hưởng "ntp1719_job_conversion_support" với mức 10.000.000
    Và "B" không đủ điều kiện hưởng "ntp1719_water_support"
    Và "C" đủ điều kiện hưởng "ntp1719_water_support" với mức 3.000.000

  Tình huống: Không có trong danh sách xã phê duyệt thì không được hỗ trợ; sau 31/12/2026 chưa mã hoá
    Cho ngày xét là 01/06/2024
    Và hộ "A" ở xã "Bum Tở" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
      | Xã/thôn ĐBKK | có        |
    Và các thành viên:
      | Mã người | Ngày sinh  | Dân tộc | Quan hệ với chủ hộ |
      | A1       | 01/01/1980 | Mông    | Chủ hộ             |
    Khi xét duyệt hộ
    Thì "A" không đủ điều kiện hưởng "ntp1719_water_support"
    Khi xét duyệt hộ vào ngày 01/02/2027
    Thì kết quả xét "ntp1719_water_support" của "A" là "chưa xác định"

  Tình huống: Hộ Mông nghèo ở nhà tạm, có trong danh sách hỗ trợ nhà ở năm 2023: 40.000.000 (C)
    Cho ngày xét là 01/08/2023
    Và hộ "A" ở xã "Bum Tở" có:
      | Khu vực                | Nông thôn |
      | Phân loại hộ           | Hộ nghèo  |
      | Xã/thôn ĐBKK           | không     |
      | Tình trạng nhà ở       | Nhà tạm   |
      | Hỗ trợ nhà ở QĐ 1719   | có        |
    Và các thành viên:
      | Mã người | Ngày sinh  | Dân tộc | Quan hệ với chủ hộ |
      | A1       | 01/01/1975 | Mông    | Chủ hộ             |
    Khi xét duyệt hộ
    Thì "A" đủ điều kiện hưởng "ntp1719_housing_support" với mức 40.000.000

  Tình huống: Vay vốn theo Nghị định 28/2022: nhà ở tối đa 40.000.000 lãi 3%/năm; chuyển đổi nghề bằng 50% lãi suất hộ nghèo
    Cho ngày xét là 01/06/2024
    Và hộ "A" ở xã "Bum Tở" có:
      | Khu vực                        | Nông thôn |
      | Phân loại hộ                   | Hộ nghèo  |
      | Xã/thôn ĐBKK                   | có        |
      | Tình trạng nhà ở               | Nhà tạm   |
      | Hỗ trợ nhà ở QĐ 1719           | có        |
      | Hỗ trợ chuyển đổi nghề         | có        |
    Và các thành viên:
      | Mã người | Ngày sinh  | Dân tộc | Quan hệ với chủ hộ |
      | A1       | 01/01/1980 | Dao     | Chủ hộ             |
    Khi xét duyệt hộ
    Thì "A" đủ điều kiện hưởng "loan_ntp1719_housing" với mức 40.000.000
    Và lãi suất của "loan_ntp1719_housing" cho "A" là 3%
    Và lãi suất của "loan_ntp1719_job_conversion" cho "A" là 3,3%
    Khi xét duyệt hộ vào ngày 15/12/2025
    Thì lãi suất của "loan_ntp1719_job_conversion" cho "A" là 3,12%
