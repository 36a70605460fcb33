# language: vi
@poverty
Tính năng: Phân loại hộ nghèo, cận nghèo theo chuẩn nghèo đa chiều 2022–2026
  Chuẩn nghèo giai đoạn 2022–2025 (Nghị định 07/2021/NĐ-CP, Điều 3), kéo dài hết năm 2026 (Nghị định 351/2025):
  hộ nghèo khi thu nhập bình quân đầu người từ 1.500.000 đồng/tháng trở xuống (nông thôn; thành thị 2.000.000)
  VÀ thiếu hụt từ 3 chỉ số trở lên; hộ cận nghèo khi thu nhập trong chuẩn và thiếu hụt dưới 3 chỉ số.
  Trên chuẩn thu nhập thì không bao giờ là hộ nghèo hay cận nghèo, dù thiếu hụt bao nhiêu chỉ số.
  Danh sách xã công nhận quyết định quyền lợi; chuẩn nghèo dùng để rà soát danh sách:
  đủ chuẩn mà chưa có tên là "bỏ sót", có tên mà vượt chuẩn là "hưởng sai".

  @E1
  Tình huống: E1 – thu nhập đúng bằng chuẩn, thiếu hụt đúng 3 chỉ số: hộ nghèo và các chính sách kèm theo
    Cho ngày xét là 15/06/2023
    Và hộ "H1" ở xã "Nậm Tăm" có:
      | Huyện                              | Sìn Hồ    |
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 1.500.000 |
      | Thiếu hụt việc làm                 | không     |
      | Thiếu hụt người phụ thuộc          | không     |
      | Thiếu hụt dinh dưỡng               | có        |
      | Thiếu hụt BHYT                     | không     |
      | Thiếu hụt giáo dục người lớn       | không     |
      | Thiếu hụt đi học của trẻ em        | không     |
      | Thiếu hụt chất lượng nhà ở         | có        |
      | Thiếu hụt diện tích nhà ở          | không     |
      | Thiếu hụt nước sinh hoạt           | không     |
      | Thiếu hụt nhà tiêu hợp vệ sinh     | có        |
      | Thiếu hụt viễn thông               | không     |
      | Thiếu hụt tiếp cận thông tin       | không     |
      | Phân loại hộ                       | Hộ nghèo  |
    Và thành viên "P1" sinh ngày 10/02/1980 có:
      | Dân tộc          | Kinh |
      | BHXH tự nguyện   | có   |
    Và thành viên "P2" sinh ngày 05/09/2012 có:
      | Dân tộc          | Kinh |
      | Cấp học          | THCS |
      | Trường công lập  | có   |
    Khi xét duyệt hộ
    Thì "H1" đủ điều kiện hưởng "poverty_list"
    Và "H1" hưởng "poverty_list" theo quy định "pl_poor_2022"
    Và "H1" thuộc diện "đã hưởng" với "poverty_list"
    Và "P1" đủ điều kiện hưởng "hi_state_support" với mức 100%
    Và "P1" hưởng "hi_state_support" theo quy định "hi146_poor_household"
    Và "P2" đủ điều kiện hưởng "tuition_exemption_reduction" với mức 100%
    Và "P2" đủ điều kiện hưởng "study_cost_support" với mức 150.000
    Và lãi suất của "loan_poor_household" cho "H1" là 6,6%
    Và "P1" đủ điều kiện hưởng "voluntary_si_support" với mức 99.000

  @E2
  Tình huống: E2 – cùng hộ nhưng chỉ thiếu hụt 2 chỉ số: hộ cận nghèo
    Cho ngày xét là 15/12/2023
    Và hộ "H2" ở xã "Nậm Tăm" có:
      | Huyện                              | Sìn Hồ        |
      | Khu vực                            | Nông thôn     |
      | Thu nhập bình quân đầu người/tháng | 1.500.000     |
      | Thiếu hụt việc làm                 | không         |
      | Thiếu hụt người phụ thuộc          | không         |
      | Thiếu hụt dinh dưỡng               | có            |
      | Thiếu hụt BHYT                     | không         |
      | Thiếu hụt giáo dục người lớn       | không         |
      | Thiếu hụt đi học của trẻ em        | không         |
      | Thiếu hụt chất lượng nhà ở         | có            |
      | Thiếu hụt diện tích nhà ở          | không         |
      | Thiếu hụt nước sinh hoạt           | không         |
      | Thiếu hụt nhà tiêu hợp vệ sinh     | không         |
      | Thiếu hụt viễn thông               | không         |
      | Thiếu hụt tiếp cận thông tin       | không         |
      | Phân loại hộ                       | Hộ cận nghèo  |
    Và thành viên "P1" sinh ngày 10/02/1980 có:
      | Dân tộc | Kinh |
    Khi xét duyệt hộ
    Thì "H2" hưởng "poverty_list" theo quy định "pl_near_poor_2022"
    Và "H2" thuộc diện "đã hưởng" với "poverty_list"
    Và "P1" đủ điều kiện hưởng "hi_state_support" với mức 100%
    Và lãi suất của "loan_near_poor_household" cho "H2" là 7,92%

  @threshold
  Khung tình huống: Ngưỡng số chỉ số thiếu hụt: 3 chỉ số là hộ nghèo, 2 chỉ số là hộ cận nghèo
    Cho ngày xét là 01/08/2024
    Và hộ "H1" ở xã "Nậm Tăm" có:
      | Khu vực                            | Nông thôn         |
      | Thu nhập bình quân đầu người/tháng | 1.200.000         |
      | Thiếu hụt việc làm                 | không             |
      | Thiếu hụt người phụ thuộc          | không             |
      | Thiếu hụt dinh dưỡng               | có                |
      | Thiếu hụt BHYT                     | không             |
      | Thiếu hụt giáo dục người lớn       | không             |
      | Thiếu hụt đi học của trẻ em        | không             |
      | Thiếu hụt chất lượng nhà ở         | có                |
      | Thiếu hụt diện tích nhà ở          | không             |
      | Thiếu hụt nước sinh hoạt           | <nước sinh hoạt>  |
      | Thiếu hụt nhà tiêu hợp vệ sinh     | không             |
      | Thiếu hụt viễn thông               | không             |
      | Thiếu hụt tiếp cận thông tin       | không             |
      | Phân loại hộ                       | Hộ nghèo          |
    Và thành viên "P1" sinh ngày 10/02/1980
    Khi xét duyệt hộ
    Thì "H1" hưởng "poverty_list" theo quy định "<quy định>"

    Dữ liệu:
      | nước sinh hoạt | quy định          |
      | có             | pl_poor_2022      |
      | không          | pl_near_poor_2022 |

  @E3 @threshold
  Khung tình huống: Ngưỡng thu nhập nông thôn 1.500.000 (E3): vượt 1 đồng thì không nghèo dù thiếu hụt 5 chỉ số
    Cho ngày xét là 15/06/2024
    Và hộ "H3" ở xã "Nậm Tăm" có:
      | Khu vực                            | Nông thôn   |
      | Thu nhập bình quân đầu người/tháng | <thu nhập>  |
      | Thiếu hụt dinh dưỡng               | có          |
      | Thiếu hụt chất lượng nhà ở         | có          |
      | Thiếu hụt nhà tiêu hợp vệ sinh     | có          |
      | Thiếu hụt nước sinh hoạt           | có          |
      | Thiếu hụt viễn thông               | có          |
      | Phân loại hộ                       | Hộ nghèo    |
    Và thành viên "P1" sinh ngày 10/02/1980
    Khi xét duyệt hộ
    Thì kết quả xét "poverty_list" của "H3" là "<kết quả>"
    Và "H3" thuộc diện "<diện>" với "poverty_list"

    Dữ liệu:
      | thu nhập  | kết quả            | diện      |
      | 1.500.000 | đủ điều kiện       | đã hưởng  |
      | 1.500.001 | không đủ điều kiện | hưởng sai |

  @E5 @threshold
  Khung tình huống: Ngưỡng thu nhập thành thị 2.000.000 (E5): phường Đông Phong, 1 chỉ số thiếu hụt
    Cho ngày xét là 01/03/2025
    Và hộ "H5" ở phường "Đông Phong" có:
      | Huyện                              | Thành phố Lai Châu |
      | Khu vực                            | Thành thị          |
      | Thu nhập bình quân đầu người/tháng | <thu nhập>         |
      | Thiếu hụt việc làm                 | không              |
      | Thiếu hụt người phụ thuộc          | không              |
      | Thiếu hụt dinh dưỡng               | không              |
      | Thiếu hụt BHYT                     | không              |
      | Thiếu hụt giáo dục người lớn       | không              |
      | Thiếu hụt đi học của trẻ em        | không              |
      | Thiếu hụt chất lượng nhà ở         | không              |
      | Thiếu hụt diện tích nhà ở          | không              |
      | Thiếu hụt nước sinh hoạt           | không              |
      | Thiếu hụt nhà tiêu hợp vệ sinh     | có                 |
      | Thiếu hụt viễn thông               | không              |
      | Thiếu hụt tiếp cận thông tin       | không              |
      | Phân loại hộ                       | Hộ cận nghèo       |
    Và thành viên "P1" sinh ngày 10/02/1980
    Khi xét duyệt hộ
    Thì kết quả xét "poverty_list" của "H5" là "<kết quả>"
    Và "H5" thuộc diện "<diện>" với "poverty_list"

    Dữ liệu:
      | thu nhập  | kết quả            | diện      |
      | 2.000.000 | đủ điều kiện       | đã hưởng  |
      | 2.000.001 | không đủ điều kiện | hưởng sai |

  Tình huống: Hộ đủ chuẩn nghèo nhưng chưa có tên trong danh sách là bỏ sót
    Cho ngày xét là 01/08/2024
    Và hộ "H6" ở xã "Nậm Tăm" có:
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 1.200.000 |
      | Thiếu hụt dinh dưỡng               | có        |
      | Thiếu hụt chất lượng nhà ở         | có        |
      | Thiếu hụt nhà tiêu hợp vệ sinh     | có        |
      | Phân loại hộ                       | Không     |
    Và thành viên "P1" sinh ngày 10/02/1980
    Khi xét duyệt hộ
    Thì "H6" hưởng "poverty_list" theo quy định "pl_poor_2022"
    Và "H6" thuộc diện "bỏ sót" với "poverty_list"

  Tình huống: Thiếu số liệu thu nhập: chưa xác định, nêu rõ dữ liệu còn thiếu
    Cho ngày xét là 15/06/2024
    Và hộ "H4" ở xã "Nậm Tăm" có:
      | Khu vực | Nông thôn |
    Và thành viên "P1" sinh ngày 10/02/1980
    Khi xét duyệt hộ
    Thì "H4" chưa xác định được "poverty_list" do thiếu "income_per_capita"
    Và "H4" thuộc diện "thiếu dữ liệu" với "poverty_list"
