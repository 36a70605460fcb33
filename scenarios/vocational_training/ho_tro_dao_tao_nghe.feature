# language: vi
@vocational_training
Tính năng: Hỗ trợ đào tạo trình độ sơ cấp, đào tạo dưới 3 tháng (Quyết định 46/2015/QĐ-TTg)
  Người học: phụ nữ, lao động nông thôn, người khuyết tật trong độ tuổi lao động (nữ 15-55, nam 15-60; Thông tư
  152/2016). Chi phí đào tạo tối đa: người khuyết tật 6.000.000 (A); hộ DTTS nghèo, hộ nghèo ở xã/thôn ĐBKK
  4.000.000; người DTTS, người có công, hộ nghèo khác 3.000.000; hộ cận nghèo 2.500.000; phụ nữ, lao động nông thôn
  khác 2.000.000 (B). Tiền ăn 30.000 đồng/ngày thực học; đi lại 200.000 đồng/khóa nếu nơi học từ 15 km, 300.000 đồng
  nếu là người khuyết tật hoặc ở xã/thôn khó khăn, ĐBKK và nơi học từ 5 km (B) - chỉ cho người có công, khuyết tật,
  DTTS, hộ nghèo, cận nghèo. Sau năm 2021 các mức là D: không dùng nếu không chạy với --use-unverified.

  Tình huống: Phụ nữ Mông 28 tuổi, hộ nghèo ở thôn ĐBKK, học khóa 2 tháng năm 2019: 4.000.000 + 40 × 30.000 + 300.000
    Cho ngày xét là 01/06/2019
    Và hộ "H1" ở xã "Bum Tở" có:
      | Huyện        | Phong Thổ |
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
      | Xã/thôn ĐBKK | có        |
    Và các thành viên:
      | Mã người | Ngày sinh  | Giới tính | Dân tộc | Học nghề     | Số ngày thực học | Khoảng cách đến nơi học nghề (km) | Diện người có công (Pháp lệnh 02/2020) |
      | P1       | 01/03/1991 | Nữ        | Mông    | Dưới 3 tháng | 40               | 18                                | Không                                  |
      | P2       | 01/03/1990 | Nam       | Mông    |              |                  |                                   | Không                                  |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "vocational_training_cost" với mức 4.000.000
    Và "P1" hưởng "vocational_training_cost" theo quy định "vt_cost_poor_ethnic_or_poor_dbkk"
    Và "P1" đủ điều kiện hưởng "vocational_training_food" với mức 1.200.000
    Và "P1" đủ điều kiện hưởng "vocational_training_travel" với mức 300.000
    Và "P2" không đủ điều kiện hưởng "vocational_training_cost"

  Tình huống: Phụ nữ Kinh không nghèo ở thành phố Lai Châu, cùng khóa: tối đa 2.000.000, không có tiền ăn, đi lại
    Cho ngày xét là 01/06/2019
    Và hộ "H1" ở xã "Tân Phong" có:
      | Huyện        | Thành phố Lai Châu |
      | Khu vực      | Thành thị          |
      | Phân loại hộ | Không              |
      | Xã/thôn ĐBKK | không              |
      | Vùng khó khăn | không             |
    Và các thành viên:
      | Mã người | Ngày sinh  | Giới tính | Dân tộc | Học nghề     | Số ngày thực học | Khoảng cách đến nơi học nghề (km) | Diện người có công (Pháp lệnh 02/2020) | Mức độ khuyết tật |
      | P1       | 01/03/1991 | Nữ        | Kinh    | Dưới 3 tháng | 40               | 18                                | Không                                  | Không khuyết tật  |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "vocational_training_cost" với mức 2.000.000
    Và "P1" không đủ điều kiện hưởng "vocational_training_food"
    Và "P1" không đủ điều kiện hưởng "vocational_training_travel"

  @threshold
  Tình huống: Độ tuổi lao động: nữ 55 tuổi còn được hỗ trợ, 56 tuổi thì không; người khuyết tật 6.000.000
    Cho ngày xét là 01/06/2019
    Và hộ "H1" ở xã "Bum Tở" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Giới tính | Dân tộc | Học nghề         | Mức độ khuyết tật | Diện người có công (Pháp lệnh 02/2020) |
      | P1       | 01/05/1964 | Nữ        | Kinh    | Trình độ sơ cấp  | Không khuyết tật  | Không                                  |
      | P2       | 01/05/1963 | Nữ        | Kinh    | Trình độ sơ cấp  | Không khuyết tật  | Không                                  |
      | P3       | 01/05/1990 | Nam       | Kinh    | Trình độ sơ cấp  | Nặng              | Không                                  |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "vocational_training_cost" với mức 2.000.000
    Và "P2" không đủ điều kiện hưởng "vocational_training_cost"
    Và "P3" đủ điều kiện hưởng "vocational_training_cost" với mức 6.000.000

  Tình huống: Năm 2024 mức hỗ trợ là D: đủ điều kiện, chưa rõ mức (trừ khi chạy với --use-unverified)
    Cho ngày xét là 01/06/2024
    Và hộ "H1" ở xã "Bum Tở" có:
      | Khu vực      | Nông thôn    |
      | Phân loại hộ | Hộ cận nghèo |
    Và các thành viên:
      | Mã người | Ngày sinh  | Giới tính | Dân tộc | Học nghề     | Diện người có công (Pháp lệnh 02/2020) |
      | P1       | 01/03/1995 | Nam       | Kinh    | Dưới 3 tháng | Không                                  |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "vocational_training_cost", chưa rõ mức
