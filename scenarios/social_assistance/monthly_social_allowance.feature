# language: vi
@social_assistance
Tính năng: Trợ cấp xã hội hằng tháng (Nghị định 20/2021/NĐ-CP, Điều 5, 6, 8)
  Mức trợ cấp = mức chuẩn trợ giúp xã hội × hệ số. Mức chuẩn: 360.000 đồng từ 01/7/2021; 500.000 đồng từ 01/7/2024
  (Nghị định 76/2024); 540.000 đồng từ 01/7/2026 (Nghị định 335/2026 – mức độ tin cậy D, chưa kiểm chứng: chỉ dùng
  khi chạy với --use-unverified, nếu không thì "chưa rõ mức").
  Người thuộc nhiều diện chỉ hưởng một mức cao nhất (Điều 6 khoản 2).
  Thời điểm hưởng (Điều 8): người cao tuổi hưởng kể từ thời điểm đủ 75/80 tuổi; thay đổi hệ số theo tuổi tính từ
  tháng sinh nhật; người khuyết tật hưởng từ tháng được cấp giấy xác nhận khuyết tật.
  Từ 01/7/2025 nhóm 5(5)(b) và 5(5)(c) chuyển sang trợ cấp hưu trí xã hội (xem social_pension).

  @E6 @threshold
  Tình huống: E6 – ông sinh 15/03/1944, không nghèo, không lương hưu: hưởng từ thời điểm đủ 80 tuổi
    Cho ngày xét là 14/03/2024
    Và hộ "H1" ở xã "Bum Tở" có:
      | Huyện        | Mường Tè  |
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
      | ĐBKK         | không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Hưởng lương hưu | Trợ cấp tuất hằng tháng | Trợ cấp người có công | Được nhận nuôi dưỡng | Đang hưởng TCXH hằng tháng |
      | P1       | 15/03/1944 | Không khuyết tật  | không                     | không    | có                   | không           | không                   | không                 | không                | không                      |
    Khi xét duyệt hộ vào ngày 14/03/2024
    Thì "P1" không đủ điều kiện hưởng "monthly_social_allowance"
    Khi xét duyệt hộ vào ngày 15/03/2024
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức 360.000
    Và "P1" hưởng "monthly_social_allowance" theo quy định "sa_elderly_80_no_pension"
    Và "P1" thuộc diện "bỏ sót" với "monthly_social_allowance"
    Và "P1" đủ điều kiện hưởng "hi_state_support" với mức 100%
    Và "P1" hưởng "hi_state_support" theo quy định "hi146_social_assistance"

  @E6 @threshold
  Tình huống: E6 – mức chuẩn tăng từ 360.000 lên 500.000 đồng ngày 01/7/2024
    Cho ngày xét là 30/06/2024
    Và hộ "H1" ở xã "Bum Tở" có:
      | Huyện        | Mường Tè  |
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
      | ĐBKK         | không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Hưởng lương hưu | Trợ cấp tuất hằng tháng | Trợ cấp người có công | Được nhận nuôi dưỡng | Đang hưởng TCXH hằng tháng |
      | P1       | 15/03/1944 | Không khuyết tật  | không                     | không    | có                   | không           | không                   | không                 | không                | có                         |
    Khi xét duyệt hộ vào ngày 30/06/2024
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức 360.000
    Khi xét duyệt hộ vào ngày 01/07/2024
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức 500.000
    Và "P1" thuộc diện "đã hưởng" với "monthly_social_allowance"

  @E6 @E12
  Tình huống: E6 – đủ 80 tuổi mà có lương hưu hoặc trợ cấp tuất thì không thuộc diện 5(5)(c), 79 tuổi cũng không; người nhận trợ cấp người có công thì có (E12)
    Cho ngày xét là 15/07/2024
    Và hộ "H1" ở xã "Bum Tở" có:
      | Huyện        | Mường Tè  |
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
      | ĐBKK         | không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Hưởng lương hưu | Trợ cấp tuất hằng tháng | Trợ cấp người có công | Được nhận nuôi dưỡng |
      | P1       | 15/03/1944 | Không khuyết tật  | không                     | không    | có                   | có              | không                   | không                 | không                |
      | P2       | 15/03/1943 | Không khuyết tật  | không                     | không    | có                   | không           | có                      | không                 | không                |
      | P3       | 10/01/1945 | Không khuyết tật  | không                     | không    | có                   | không           | không                   | không                 | không                |
      | P4       | 01/01/1940 | Không khuyết tật  | không                     | không    | có                   | không           | không                   | có                    | không                |
    Khi xét duyệt hộ
    Thì "P1" không đủ điều kiện hưởng "monthly_social_allowance"
    Và "P2" không đủ điều kiện hưởng "monthly_social_allowance"
    Và "P3" không đủ điều kiện hưởng "monthly_social_allowance"
    # E12: trợ cấp ưu đãi người có công chưa được coi là "trợ cấp hằng tháng khác" (cách hiểu cấu hình được,
    # tham số social_assistance.merit_allowance_is_other_monthly_allowance = false, tin cậy D).
    Và "P4" đủ điều kiện hưởng "monthly_social_allowance" với mức 500.000

  @E7
  Tình huống: E7 – bà góa sinh 10/08/1944, hộ nghèo, không có người phụng dưỡng: hệ số 1,5 rồi 2,0 từ tháng đủ 80 tuổi
    Cho ngày xét là 15/06/2024
    Và hộ "H1" ở xã "Bum Tở" có:
      | Huyện        | Mường Tè  |
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
      | ĐBKK         | không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Tình trạng hôn nhân | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Hưởng lương hưu | Trợ cấp tuất hằng tháng | Trợ cấp người có công | Được nhận nuôi dưỡng |
      | P1       | 10/08/1944 | Góa                 | Không khuyết tật  | không                     | không    | không                | không           | không                   | không                 | không                |
    Khi xét duyệt hộ vào ngày 15/06/2024
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức 540.000
    Và "P1" hưởng "monthly_social_allowance" theo quy định "sa_elderly_poor_no_supporter"
    Khi xét duyệt hộ vào ngày 15/07/2024
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức 750.000
    Khi xét duyệt hộ vào ngày 10/08/2024
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức 1.000.000
    Và "P1" hưởng "monthly_social_allowance" theo quy định "sa_elderly_poor_no_supporter_80"
    Khi xét duyệt hộ vào ngày 01/08/2025
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức 1.000.000

  @E7 @threshold
  Khung tình huống: E7 – hệ số 2,0 áp dụng từ tháng đủ 80 tuổi (ngày <ngày xét>: <mức>)
    Cho ngày xét là <ngày xét>
    Và hộ "H1" ở xã "Bum Tở" có:
      | Huyện        | Mường Tè  |
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
      | ĐBKK         | không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Hưởng lương hưu | Trợ cấp tuất hằng tháng | Trợ cấp người có công | Được nhận nuôi dưỡng |
      | P1       | 10/08/1944 | Không khuyết tật  | không                     | không    | không                | không           | không                   | không                 | không                |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức <mức>
    Và "P1" hưởng "monthly_social_allowance" theo quy định "<quy định>"

    Dữ liệu:
      | ngày xét   | mức       | quy định                        |
      | 31/07/2024 | 750.000   | sa_elderly_poor_no_supporter    |
      | 01/08/2024 | 1.000.000 | sa_elderly_poor_no_supporter_80 |

  @E7
  Tình huống: E7 – nếu được người trong cộng đồng nhận chăm sóc (5(5)(d)) thì hệ số 3,0: 1.500.000 đồng
    Cho ngày xét là 15/08/2024
    Và hộ "H1" ở xã "Bum Tở" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
    Và các thành viên:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng |
      | P1       | 10/08/1944 | Không khuyết tật  | không                     | không    | không                | có                   |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức 1.500.000
    Và "P1" hưởng "monthly_social_allowance" theo quy định "sa_elderly_community_care"

  @threshold
  Tình huống: Người cao tuổi hộ nghèo không có người phụng dưỡng: đủ 60 tuổi mới thuộc diện
    Cho ngày xét là 15/08/2024
    Và hộ "H1" ở xã "Bum Tở" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
      | ĐBKK         | không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Hưởng lương hưu | Trợ cấp tuất hằng tháng | Trợ cấp người có công | Được nhận nuôi dưỡng |
      | P1       | 15/08/1964 | Không khuyết tật  | không                     | không    | không                | không           | không                   | không                 | không                |
      | P2       | 16/08/1964 | Không khuyết tật  | không                     | không    | không                | không           | không                   | không                 | không                |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức 750.000
    Nhưng "P2" không đủ điều kiện hưởng "monthly_social_allowance"

  @E8 @threshold
  Tình huống: E8 – người 75 đến dưới 80 tuổi hộ cận nghèo ở thôn ĐBKK Mường Tè: 500.000 đồng; ở thành phố Lai Châu: không
    Cho ngày xét là 01/08/2024
    Và hộ "A" ở xã "Tà Tổng" có:
      | Huyện        | Mường Tè     |
      | Khu vực      | Nông thôn    |
      | Phân loại hộ | Hộ cận nghèo |
      | ĐBKK         | có           |
    Và các thành viên:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Hưởng lương hưu | Trợ cấp tuất hằng tháng | Trợ cấp người có công | Được nhận nuôi dưỡng |
      | A1       | 01/05/1947 | Không khuyết tật  | không                     | không    | có                   | không           | không                   | không                 | không                |
      | A2       | 01/08/1949 | Không khuyết tật  | không                     | không    | có                   | không           | không                   | không                 | không                |
      | A3       | 02/08/1949 | Không khuyết tật  | không                     | không    | có                   | không           | không                   | không                 | không                |
    Và hộ "B" ở phường "Tân Phong" có:
      | Huyện        | Thành phố Lai Châu |
      | Khu vực      | Thành thị          |
      | Phân loại hộ | Hộ cận nghèo       |
      | ĐBKK         | không              |
    Và các thành viên:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Hưởng lương hưu | Trợ cấp tuất hằng tháng | Trợ cấp người có công | Được nhận nuôi dưỡng |
      | B1       | 01/05/1947 | Không khuyết tật  | không                     | không    | có                   | không           | không                   | không                 | không                |
    Khi xét duyệt các hộ
    Thì "A1" đủ điều kiện hưởng "monthly_social_allowance" với mức 500.000
    Và "A1" hưởng "monthly_social_allowance" theo quy định "sa_elderly_75_80_dbkk"
    Và "A2" đủ điều kiện hưởng "monthly_social_allowance" với mức 500.000
    Nhưng "A3" không đủ điều kiện hưởng "monthly_social_allowance"
    Và "B1" không đủ điều kiện hưởng "monthly_social_allowance"

  @E9
  Tình huống: E9 – trẻ 10 tuổi khuyết tật nặng, hộ cận nghèo: hệ số 2,0 theo từng mức chuẩn
    Cho ngày xét là 15/06/2024
    Và hộ "H1" ở xã "Nậm Hàng" có:
      | Huyện        | Nậm Nhùn     |
      | Khu vực      | Nông thôn    |
      | Phân loại hộ | Hộ cận nghèo |
      | ĐBKK         | không        |
    Và các thành viên:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Ngày cấp giấy xác nhận khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Cấp học  |
      | P1       | 01/02/2014 | Nặng              | 10/03/2020                        | không                     | không    | Tiểu học |
    Khi xét duyệt hộ vào ngày 15/06/2024
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức 720.000
    Và "P1" hưởng "monthly_social_allowance" theo quy định "sa_disability_severe_child_elderly"
    Và "P1" đủ điều kiện hưởng "hi_state_support" với mức 100%
    Khi xét duyệt hộ vào ngày 01/07/2024
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức 1.000.000
    Khi xét duyệt hộ vào ngày 15/07/2026
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance", chưa rõ mức
    Khi xét duyệt hộ vào ngày 15/07/2026, dùng cả số liệu chưa kiểm chứng (--use-unverified)
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức 1.080.000

  @E9
  Tình huống: E9 – nếu khuyết tật đặc biệt nặng thì hệ số 2,5: 1.250.000 đồng
    Cho ngày xét là 01/08/2024
    Và hộ "H1" ở xã "Nậm Hàng" có:
      | Khu vực      | Nông thôn    |
      | Phân loại hộ | Hộ cận nghèo |
    Và các thành viên:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Ngày cấp giấy xác nhận khuyết tật |
      | P1       | 01/02/2014 | Đặc biệt nặng     | 10/03/2020                        |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức 1.250.000
    Và "P1" hưởng "monthly_social_allowance" theo quy định "sa_disability_especially_severe_child_elderly"

  @threshold
  Khung tình huống: Người khuyết tật hưởng từ tháng được cấp giấy xác nhận (giấy cấp 02/09/2024, xét ngày <ngày xét>)
    Cho ngày xét là <ngày xét>
    Và hộ "H1" ở xã "Nậm Hàng" có:
      | Khu vực      | Nông thôn    |
      | Phân loại hộ | Hộ cận nghèo |
      | ĐBKK         | không        |
    Và các thành viên:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Ngày cấp giấy xác nhận khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS |
      | P1       | 01/02/1994 | Nặng              | 02/09/2024                        | không                     | không    |
    Khi xét duyệt hộ
    Thì kết quả xét "monthly_social_allowance" của "P1" là "<kết quả>"

    Dữ liệu:
      | ngày xét   | kết quả            |
      | 31/08/2024 | không đủ điều kiện |
      | 01/09/2024 | đủ điều kiện       |

  @threshold
  Khung tình huống: Trẻ em khuyết tật nặng sinh 20/08/2008: hệ số 2,0, đổi sang 1,5 từ tháng đủ 16 tuổi (ngày <ngày xét>: <mức>)
    Cho ngày xét là <ngày xét>
    Và hộ "H1" ở xã "Nậm Hàng" có:
      | Khu vực      | Nông thôn    |
      | Phân loại hộ | Hộ cận nghèo |
    Và các thành viên:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Ngày cấp giấy xác nhận khuyết tật |
      | P1       | 20/08/2008 | Nặng              | 10/03/2020                        |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức <mức>
    Và "P1" hưởng "monthly_social_allowance" theo quy định "<quy định>"

    Dữ liệu:
      | ngày xét   | mức       | quy định                           |
      | 31/07/2024 | 1.000.000 | sa_disability_severe_child_elderly |
      | 01/08/2024 | 750.000   | sa_disability_severe               |

  @threshold
  Khung tình huống: Người khuyết tật nặng hưởng hệ số người cao tuổi 2,0 từ tháng đủ 60 tuổi (sinh 20/08/1964, xét ngày <ngày xét>)
    Cho ngày xét là <ngày xét>
    Và hộ "H1" ở xã "Nậm Hàng" có:
      | Khu vực      | Nông thôn    |
      | Phân loại hộ | Hộ cận nghèo |
    Và các thành viên:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Ngày cấp giấy xác nhận khuyết tật | Có người phụng dưỡng |
      | P1       | 20/08/1964 | Nặng              | 10/03/2020                        | có                   |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức <mức>

    Dữ liệu:
      | ngày xét   | mức       |
      | 31/07/2024 | 750.000   |
      | 01/08/2024 | 1.000.000 |

  Tình huống: Người thuộc nhiều diện chỉ hưởng một mức cao nhất
    Cho ngày xét là 01/08/2024
    Và hộ "H1" ở xã "Bum Tở" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
      | ĐBKK         | không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Ngày cấp giấy xác nhận khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Hưởng lương hưu | Được nhận nuôi dưỡng |
      | P1       | 01/05/1954 | Đặc biệt nặng     | 10/03/2020                        | không                     | không    | không                | không           | không                |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức 1.250.000
    Và "P1" hưởng "monthly_social_allowance" theo quy định "sa_disability_especially_severe_child_elderly"

  @E10 @threshold
  Khung tình huống: E10 – trẻ mồ côi cả cha mẹ sinh 01/09/2022, được hàng xóm nhận nuôi: xét ngày <ngày xét>
    Cho ngày xét là <ngày xét>
    Và dùng cả số liệu chưa kiểm chứng (--use-unverified)
    Và hộ "H1" ở xã "Bum Tở" có:
      | Huyện        | Mường Tè  |
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
      | ĐBKK         | không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Được nhận nuôi dưỡng |
      | P1       | 01/04/1980 | Chủ hộ             | Không khuyết tật  | không                     | không    | không                |
      | P2       | 01/09/2022 | Khác               | Không khuyết tật  | có                        | không    | có                   |
    Khi xét duyệt hộ
    Thì "P2" đủ điều kiện hưởng "monthly_social_allowance" với mức <mức>
    Và "P2" hưởng "monthly_social_allowance" theo quy định "<quy định>"

    Dữ liệu: hệ số 2,5 dưới 4 tuổi; 1,5 từ tháng đủ 4 tuổi (mức chuẩn 540.000 từ 01/7/2026 – tin cậy D)
      | ngày xét   | mức       | quy định                 |
      | 01/08/2024 | 1.250.000 | sa_child_no_care_under_4 |
      | 31/08/2026 | 1.350.000 | sa_child_no_care_under_4 |
      | 01/09/2026 | 810.000   | sa_child_no_care_4_16    |

  @threshold
  Tình huống: Trẻ không có nguồn nuôi dưỡng: hưởng đến dưới 16 tuổi; từ 16 đến 22 tuổi chỉ khi còn đi học
    Cho ngày xét là 01/08/2024
    Và hộ "H1" ở xã "Bum Tở" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
      | ĐBKK         | không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Cấp học          | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Được nhận nuôi dưỡng |
      | P1       | 02/08/2008 | Không đi học     | Không khuyết tật  | có                        | không    | có                   |
      | P2       | 01/08/2008 | Không đi học     | Không khuyết tật  | có                        | không    | có                   |
      | P3       | 01/08/2008 | THPT             | Không khuyết tật  | có                        | không    | có                   |
      | P4       | 02/08/2001 | Cao đẳng/đại học | Không khuyết tật  | có                        | không    | có                   |
      | P5       | 01/08/2001 | Cao đẳng/đại học | Không khuyết tật  | có                        | không    | có                   |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức 750.000
    Và "P1" hưởng "monthly_social_allowance" theo quy định "sa_child_no_care_4_16"
    Và "P2" không đủ điều kiện hưởng "monthly_social_allowance"
    Và "P3" đủ điều kiện hưởng "monthly_social_allowance" với mức 750.000
    Và "P3" hưởng "monthly_social_allowance" theo quy định "sa_no_care_studying_16_22"
    Và "P4" đủ điều kiện hưởng "monthly_social_allowance" với mức 750.000
    Và "P5" không đủ điều kiện hưởng "monthly_social_allowance"

  @threshold
  Tình huống: Trẻ dưới 3 tuổi hộ nghèo ở xã ĐBKK: hệ số 1,5; đủ 3 tuổi thì thôi
    Cho ngày xét là 01/08/2024
    Và hộ "H1" ở xã "Pa Ủ" có:
      | Huyện        | Mường Tè  |
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
      | ĐBKK         | có        |
    Và các thành viên:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS |
      | P1       | 02/08/2021 | Không khuyết tật  | không                     | không    |
      | P2       | 01/08/2021 | Không khuyết tật  | không                     | không    |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức 750.000
    Và "P1" hưởng "monthly_social_allowance" theo quy định "sa_child_under_3_dbkk"
    Và "P2" không đủ điều kiện hưởng "monthly_social_allowance"

  @threshold
  Tình huống: Trẻ em nhiễm HIV hộ nghèo: hệ số 2,5 dưới 4 tuổi, 2,0 từ tháng đủ 4 tuổi
    Cho ngày xét là 01/08/2024
    Và hộ "H1" ở xã "Bum Tở" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
      | ĐBKK         | không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS |
      | P1       | 01/09/2020 | Không khuyết tật  | không                     | có       |
      | P2       | 01/08/2020 | Không khuyết tật  | không                     | có       |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức 1.250.000
    Và "P1" hưởng "monthly_social_allowance" theo quy định "sa_child_hiv_under_4"
    Và "P2" đủ điều kiện hưởng "monthly_social_allowance" với mức 1.000.000
    Và "P2" hưởng "monthly_social_allowance" theo quy định "sa_child_hiv_4_16"

  Tình huống: Người nhiễm HIV hộ nghèo không có thu nhập ổn định: 750.000 đồng; hộ cận nghèo thì không thuộc diện
    Cho ngày xét là 01/08/2024
    Và hộ "A" ở xã "Bum Tở" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
      | ĐBKK         | không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Hưởng lương hưu | Được nhận nuôi dưỡng |
      | A1       | 01/01/1990 | Không khuyết tật  | không                     | có       | có                   | không           | không                |
    Và hộ "B" ở xã "Bum Tở" giống hộ "A" nhưng có:
      | Phân loại hộ | Hộ cận nghèo |
    Và các thành viên:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Hưởng lương hưu | Được nhận nuôi dưỡng |
      | B1       | 01/01/1990 | Không khuyết tật  | không                     | có       | có                   | không           | không                |
    Khi xét duyệt các hộ
    Thì "A1" đủ điều kiện hưởng "monthly_social_allowance" với mức 750.000
    Và "A1" hưởng "monthly_social_allowance" theo quy định "sa_hiv_poor_no_stable_income"
    Và "B1" không đủ điều kiện hưởng "monthly_social_allowance"

  @threshold
  Tình huống: Nghị định 20/2021 áp dụng từ 01/7/2021 (mức chuẩn 360.000 đồng); trước đó Nghị định 136/2013
    Cho ngày xét là 30/06/2021
    Và hộ "H1" ở xã "Nậm Hàng" có:
      | Khu vực      | Nông thôn    |
      | Phân loại hộ | Hộ cận nghèo |
      | ĐBKK         | không        |
    Và các thành viên:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Ngày cấp giấy xác nhận khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS |
      | P1       | 01/02/1994 | Nặng              | 10/03/2020                        | không                     | không    |
    Khi xét duyệt hộ vào ngày 30/06/2021
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance", chưa rõ mức
    Và "P1" hưởng "monthly_social_allowance" theo quy định "sa136_disability_severe"
    Khi xét duyệt hộ vào ngày 30/06/2021, dùng cả số liệu chưa kiểm chứng (--use-unverified)
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức 270.000
    Khi xét duyệt hộ vào ngày 01/07/2021
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức 540.000
    Và "P1" hưởng "monthly_social_allowance" theo quy định "sa_disability_severe"

  @threshold
  Tình huống: Mức chuẩn 540.000 đồng từ 01/7/2026 (Nghị định 335/2026, tin cậy D – cần kiểm chứng)
    Cho ngày xét là 30/06/2026
    Và hộ "H1" ở xã "Nậm Hàng" có:
      | Khu vực      | Nông thôn    |
      | Phân loại hộ | Hộ cận nghèo |
    Và các thành viên:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Ngày cấp giấy xác nhận khuyết tật |
      | P1       | 01/02/1994 | Nặng              | 10/03/2020                        |
    Khi xét duyệt hộ vào ngày 30/06/2026
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức 750.000
    Khi xét duyệt hộ vào ngày 01/07/2026
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance", chưa rõ mức
    Khi xét duyệt hộ vào ngày 01/07/2026, dùng cả số liệu chưa kiểm chứng (--use-unverified)
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức 810.000
