# language: vi
@emergency_relief
Tính năng: Hỗ trợ gạo cứu đói dịp Tết âm lịch (Nghị định 20/2021, Điều 12 khoản 1)
  15 kg gạo/người/tháng, 01 tháng mỗi đợt, cho thành viên hộ thiếu đói dịp Tết có trong danh sách của thôn (không phải
  danh sách hộ nghèo). Ô "Hộ thiếu đói dịp Tết" để trống nghĩa là hộ không có trong danh sách.

  @threshold
  Tình huống: Hộ 6 người có trong danh sách thiếu đói Tết 2025 được 90 kg; hộ nghèo không có trong danh sách thì không
    Cho ngày xét là 20/01/2025
    Và hộ "A" ở xã "Pa Ủ" có:
      | Khu vực               | Nông thôn |
      | Phân loại hộ          | Không     |
      | Hộ thiếu đói dịp Tết  | có        |
    Và các thành viên:
      | Mã người | Ngày sinh  |
      | A1       | 01/01/1980 |
      | A2       | 01/01/1982 |
      | A3       | 01/01/2005 |
      | A4       | 01/01/2008 |
      | A5       | 01/01/2012 |
      | A6       | 01/01/2015 |
    Và hộ "B" ở xã "Pa Ủ" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
    Và các thành viên:
      | Mã người | Ngày sinh  |
      | B1       | 01/01/1980 |
    Khi xét duyệt các hộ
    Thì "A" đủ điều kiện hưởng "emergency_rice_support" với mức 90
    Và "A" hưởng "emergency_rice_support" theo quy định "er_rice_tet"
    Và "B" không đủ điều kiện hưởng "emergency_rice_support"
