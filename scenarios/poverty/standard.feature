# language: vi
Tính năng: Phân loại hộ nghèo, cận nghèo theo chuẩn nghèo đa chiều
  Chuẩn nghèo giai đoạn 2022–2025 (Nghị định 07/2021/NĐ-CP, Điều 3): hộ nghèo khi thu nhập bình
  quân đầu người từ 1.500.000 đồng/tháng trở xuống (nông thôn) VÀ thiếu hụt từ 3 chỉ số trở lên.

  Tình huống: Thu nhập đúng bằng chuẩn, thiếu hụt đúng 3 chỉ số: hộ nghèo (E1)
    Cho ngày xét là 15/06/2023
    Và hộ "H1" ở xã "Nậm Tăm" có:
      | Huyện                          | Sìn Hồ    |
      | Khu vực                        | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 1.500.000 |
      | Thiếu hụt việc làm             | không     |
      | Thiếu hụt người phụ thuộc      | không     |
      | Thiếu hụt dinh dưỡng           | có        |
      | Thiếu hụt BHYT                 | không     |
      | Thiếu hụt giáo dục người lớn   | không     |
      | Thiếu hụt đi học của trẻ em    | không     |
      | Thiếu hụt chất lượng nhà ở     | có        |
      | Thiếu hụt diện tích nhà ở      | không     |
      | Thiếu hụt nước sinh hoạt       | không     |
      | Thiếu hụt nhà tiêu hợp vệ sinh | có        |
      | Thiếu hụt viễn thông           | không     |
      | Thiếu hụt tiếp cận thông tin   | không     |
      | Phân loại hộ                   | Hộ nghèo  |
    Và thành viên "P1" sinh ngày 10/02/1980
    Khi xét duyệt hộ
    Thì "H1" đủ điều kiện hưởng "poverty_list"
    Và "H1" hưởng "poverty_list" theo quy định "pl_poor_2022"
    Và "H1" thuộc diện "đã hưởng" với "poverty_list"

  Tình huống: Thu nhập vượt chuẩn 1 đồng: không nghèo dù thiếu hụt nhiều chỉ số (E3)
    Cho ngày xét là 15/06/2024
    Và hộ "H3" ở xã "Nậm Tăm" có:
      | Khu vực                        | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 1.500.001 |
      | Thiếu hụt việc làm             | có        |
      | Thiếu hụt người phụ thuộc      | có        |
      | Thiếu hụt dinh dưỡng           | có        |
      | Thiếu hụt BHYT                 | có        |
      | Thiếu hụt giáo dục người lớn   | có        |
      | Thiếu hụt đi học của trẻ em    | không     |
      | Thiếu hụt chất lượng nhà ở     | không     |
      | Thiếu hụt diện tích nhà ở      | không     |
      | Thiếu hụt nước sinh hoạt       | không     |
      | Thiếu hụt nhà tiêu hợp vệ sinh | không     |
      | Thiếu hụt viễn thông           | không     |
      | Thiếu hụt tiếp cận thông tin   | không     |
      | Phân loại hộ                   | Hộ nghèo  |
    Và thành viên "P1" sinh ngày 10/02/1980
    Khi xét duyệt hộ
    Thì "H3" không đủ điều kiện hưởng "poverty_list"
    Và "H3" thuộc diện "hưởng sai" với "poverty_list"

  Tình huống: Thiếu số liệu thu nhập: chưa xác định, nêu rõ dữ liệu còn thiếu
    Cho ngày xét là 15/06/2024
    Và hộ "H4" ở xã "Nậm Tăm" có:
      | Khu vực | Nông thôn |
    Và thành viên "P1" sinh ngày 10/02/1980
    Khi xét duyệt hộ
    Thì "H4" chưa xác định được "poverty_list" do thiếu "income_per_capita"
