# language: vi
@health_insurance
Tính năng: Hỗ trợ đóng BHYT cho người thuộc hộ cận nghèo
  Nghị định 146/2018 (từ 01/12/2018; sửa đổi bởi Nghị định 75/2023 từ 03/12/2023): ngân sách hỗ trợ tối thiểu 70%;
  100% nếu cư trú tại huyện nghèo – từ 01/12/2018 theo nguyên văn năm 2018 (huyện nghèo 30a), không phải chỉ từ 2023. Từ 01/7/2025 (Luật 51/2024, Nghị định 188/2025): tối thiểu 70%; 100% nếu cư trú tại xã
  nghèo; người DTTS thuộc hộ cận nghèo cư trú tại xã, thôn vùng đồng bào DTTS và miền núi được ngân sách đóng toàn bộ.
  Lai Châu không có nghị quyết hỗ trợ thêm của HĐND tỉnh (mức hỗ trợ thêm = 0).

  Bối cảnh:
    Cho ngày xét là 15/12/2023

  @E2
  Tình huống: E2 – hộ cận nghèo ở huyện nghèo Sìn Hồ được hỗ trợ 100%, ở Than Uyên (không phải huyện nghèo) 70%
    Cho hộ "H1" ở xã "Nậm Tăm" có:
      | Huyện                              | Sìn Hồ       |
      | Khu vực                            | Nông thôn    |
      | Thu nhập bình quân đầu người/tháng | 1.500.000    |
      | Vùng khó khăn                      | không        |
      | ĐBKK                               | không        |
      | Vùng DTTS&MN                       | không        |
      | Phân loại hộ                       | Hộ cận nghèo |
    Và thành viên "A1" sinh ngày 01/05/1984 có:
      | Dân tộc | Kinh |
    Và hộ "H2" ở xã "Mường Kim" giống hộ "H1" nhưng có:
      | Huyện | Than Uyên |
    Và thành viên "B1" sinh ngày 01/05/1984 có:
      | Dân tộc | Kinh |
    Khi xét duyệt các hộ
    Thì "A1" đủ điều kiện hưởng "hi_state_support" với mức 100%
    Và "A1" hưởng "hi_state_support" theo quy định "hi146_near_poor_poor_district"
    Và "B1" đủ điều kiện hưởng "hi_state_support" với mức 70%
    Và "B1" hưởng "hi_state_support" theo quy định "hi146_near_poor"

  @threshold
  Tình huống: Mức 100% ở huyện nghèo áp dụng từ 01/12/2018 (Nghị định 146/2018 nguyên văn: huyện nghèo 30a), không phải từ 03/12/2023
    Cho hộ "H1" ở xã "Nậm Tăm" có:
      | Huyện                              | Sìn Hồ       |
      | Khu vực                            | Nông thôn    |
      | Phân loại hộ                       | Hộ cận nghèo |
    Và thành viên "P1" sinh ngày 01/05/1984 có:
      | Dân tộc | Kinh |
    Khi xét duyệt hộ vào ngày 02/12/2023
    Thì "P1" đủ điều kiện hưởng "hi_state_support" với mức 100%
    Và "P1" hưởng "hi_state_support" theo quy định "hi146_near_poor_poor_district"
    Khi xét duyệt hộ vào ngày 03/12/2023
    Thì "P1" đủ điều kiện hưởng "hi_state_support" với mức 100%
    Khi xét duyệt hộ vào ngày 01/12/2018
    Thì "P1" đủ điều kiện hưởng "hi_state_support" với mức 100%
    Khi xét duyệt hộ vào ngày 30/11/2018
    Thì "P1" đủ điều kiện hưởng "hi_state_support" với mức 100%
    Và "P1" hưởng "hi_state_support" theo quy định "hi105_near_poor_poor_district"

  @E5
  Tình huống: E5 – hộ cận nghèo người Kinh ở phường Đông Phong: 70% trước và sau 01/7/2025 (phường không phải xã nghèo)
    Cho hộ "H5" ở phường "Đông Phong" có:
      | Huyện                              | Thành phố Lai Châu |
      | Khu vực                            | Thành thị          |
      | Thu nhập bình quân đầu người/tháng | 2.000.000          |
      | Vùng khó khăn                      | không              |
      | ĐBKK                               | không              |
      | Vùng DTTS&MN                       | không              |
      | Xã nghèo                           | không              |
      | Phân loại hộ                       | Hộ cận nghèo       |
    Và thành viên "P1" sinh ngày 01/05/1984 có:
      | Dân tộc | Kinh |
    Khi xét duyệt hộ vào ngày 01/03/2025
    Thì "P1" đủ điều kiện hưởng "hi_state_support" với mức 70%
    Và "P1" hưởng "hi_state_support" theo quy định "hi146_near_poor"
    Khi xét duyệt hộ vào ngày 01/07/2025
    Thì "P1" đủ điều kiện hưởng "hi_state_support" với mức 70%
    Và "P1" hưởng "hi_state_support" theo quy định "hi24_near_poor"

  @E5 @threshold
  Tình huống: E5 – nếu là người DTTS ở vùng đồng bào DTTS và miền núi: ngân sách đóng toàn bộ từ 01/7/2025
    Cho hộ "H5" ở phường "Đông Phong" có:
      | Huyện                              | Thành phố Lai Châu |
      | Khu vực                            | Thành thị          |
      | Thu nhập bình quân đầu người/tháng | 2.000.000          |
      | Vùng khó khăn                      | không              |
      | ĐBKK                               | không              |
      | Vùng DTTS&MN                       | có                 |
      | Xã nghèo                           | không              |
      | Phân loại hộ                       | Hộ cận nghèo       |
    Và thành viên "P1" sinh ngày 01/05/1984 có:
      | Dân tộc | Thái |
    Khi xét duyệt hộ vào ngày 30/06/2025
    Thì "P1" đủ điều kiện hưởng "hi_state_support" với mức 70%
    Khi xét duyệt hộ vào ngày 01/07/2025
    Thì "P1" đủ điều kiện hưởng "hi_state_support" với mức 100%
    Và "P1" hưởng "hi_state_support" theo quy định "hi24_near_poor_ethnic_mountain"

  @E17
  Tình huống: E17 – hộ cận nghèo ở huyện Nậm Nhùn cũ: 100% năm 2024; từ 01/7/2025 tùy xã có trong danh sách xã nghèo
    Cho hộ "A" ở xã "Nậm Hàng" có:
      | Huyện                              | Nậm Nhùn     |
      | Khu vực                            | Nông thôn    |
      | Thu nhập bình quân đầu người/tháng | 1.500.000    |
      | Vùng khó khăn                      | không        |
      | ĐBKK                               | không        |
      | Vùng DTTS&MN                       | không        |
      | Xã nghèo                           | không        |
      | Phân loại hộ                       | Hộ cận nghèo |
    Và thành viên "A1" sinh ngày 01/05/1984 có:
      | Dân tộc | Kinh |
    Và hộ "B" ở xã "Nậm Hàng" giống hộ "A" nhưng có:
      | Xã nghèo | có |
    Và thành viên "B1" sinh ngày 01/05/1984 có:
      | Dân tộc | Kinh |
    Và hộ "C" ở xã "Nậm Hàng" giống hộ "A" nhưng có:
      | Vùng DTTS&MN | có |
    Và thành viên "C1" sinh ngày 01/05/1984 có:
      | Dân tộc | Dao |
    Khi xét duyệt các hộ vào ngày 01/08/2024
    Thì "A1" đủ điều kiện hưởng "hi_state_support" với mức 100%
    Và "A1" hưởng "hi_state_support" theo quy định "hi146_near_poor_poor_district"
    Khi xét duyệt các hộ vào ngày 01/08/2025
    Thì "A1" đủ điều kiện hưởng "hi_state_support" với mức 70%
    Và "A1" hưởng "hi_state_support" theo quy định "hi24_near_poor"
    Và "B1" đủ điều kiện hưởng "hi_state_support" với mức 100%
    Và "B1" hưởng "hi_state_support" theo quy định "hi24_near_poor_poor_commune"
    Và "C1" đủ điều kiện hưởng "hi_state_support" với mức 100%
    Và "C1" hưởng "hi_state_support" theo quy định "hi24_near_poor_ethnic_mountain"

  @E17
  Tình huống: E17 – sổ chưa ghi xã có phải xã nghèo không: chắc chắn 70%, mức 100% còn chờ dữ liệu
    Cho hộ "H1" ở xã "Nậm Hàng" có:
      | Huyện                              | Nậm Nhùn     |
      | Khu vực                            | Nông thôn    |
      | Vùng khó khăn                      | không        |
      | ĐBKK                               | không        |
      | Vùng DTTS&MN                       | không        |
      | Phân loại hộ                       | Hộ cận nghèo |
    Và thành viên "P1" sinh ngày 01/05/1984 có:
      | Dân tộc | Kinh |
    Khi xét duyệt hộ vào ngày 01/08/2025
    Thì "P1" đủ điều kiện hưởng "hi_state_support" với mức 70%
