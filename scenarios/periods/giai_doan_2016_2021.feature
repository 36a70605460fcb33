# language: vi
Tính năng: Giai đoạn 2016 – 2021: các văn bản trước Nghị định 20/2021, Pháp lệnh 02/2020, Nghị định 81/2021, Nghị định 146/2018
  Bộ quy định xét được mọi ngày từ 2016 (POLICIES.md §15.6): trợ cấp xã hội theo Nghị định 136/2013 (mức chuẩn 270.000
  đồng; 180.000 đồng cho đối tượng không thuộc hộ nghèo – tin cậy D), trợ cấp người có công theo Pháp lệnh 26/2005 và các
  nghị định điều chỉnh mức chuẩn hằng năm (1.318.000 → 1.417.000 → 1.515.000 → 1.624.000), miễn giảm học phí và hỗ trợ
  chi phí học tập theo Nghị định 86/2015 (100.000 đồng/tháng), BHYT theo Nghị định 105/2014 (đến 30/11/2018).
  Trước ngày bộ quy định có hiệu lực cho một chế độ: "chưa xác định – chưa mã hoá quy định cho thời kỳ này", không bao
  giờ là "không đủ điều kiện".

  @social_assistance @threshold
  Tình huống: Trẻ mồ côi sinh 01/03/2016: 2,5 × 270.000 = 675.000 (6/2019); 1,5 × 270.000 = 405.000 từ tháng đủ 4 tuổi; 1,5 × 360.000 từ 7/2021
    Cho ngày xét là 01/06/2019
    Và hộ "H1" ở xã "Bum Tở" có:
      | Huyện        | Mường Tè  |
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Được nhận nuôi dưỡng |
      | P1       | 01/04/1980 | Chủ hộ             | Không khuyết tật  | không                     | không    | không                |
      | P2       | 01/03/2016 | Khác               | Không khuyết tật  | có                        | không    | có                   |
    Khi xét duyệt hộ vào ngày 01/06/2019
    Thì "P2" đủ điều kiện hưởng "monthly_social_allowance" với mức 675.000
    Và "P2" hưởng "monthly_social_allowance" theo quy định "sa136_child_no_care_under_4"
    Khi xét duyệt hộ vào ngày 29/02/2020
    Thì "P2" đủ điều kiện hưởng "monthly_social_allowance" với mức 675.000
    Khi xét duyệt hộ vào ngày 01/03/2020
    Thì "P2" đủ điều kiện hưởng "monthly_social_allowance" với mức 405.000
    Và "P2" hưởng "monthly_social_allowance" theo quy định "sa136_child_no_care_4_16"
    Khi xét duyệt hộ vào ngày 01/07/2021
    Thì "P2" đủ điều kiện hưởng "monthly_social_allowance" với mức 540.000

  @social_assistance
  Tình huống: Người cao tuổi hộ nghèo không có người phụng dưỡng năm 2019: 1,5 × 270.000 = 405.000; từ đủ 80 tuổi 2,0 × 270.000 = 540.000
    Cho ngày xét là 01/06/2019
    Và hộ "H1" ở xã "Nậm Tăm" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
    Và các thành viên:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Hưởng lương hưu | Được nhận nuôi dưỡng |
      | P1       | 10/08/1944 | Không khuyết tật  | không                     | không    | không                | không           | không                |
      | P2       | 10/08/1936 | Không khuyết tật  | không                     | không    | không                | không           | không                |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức 405.000
    Và "P2" đủ điều kiện hưởng "monthly_social_allowance" với mức 540.000

  @social_assistance
  Tình huống: Người từ đủ 80 tuổi không thuộc hộ nghèo năm 2019: mức chuẩn 180.000 (tin cậy D) nên chưa rõ mức, trừ khi dùng số liệu D
    Cho ngày xét là 01/06/2019
    Và hộ "H1" ở xã "Bum Tở" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Hưởng lương hưu | Trợ cấp tuất hằng tháng | Được nhận nuôi dưỡng |
      | P1       | 01/01/1935 | Không khuyết tật  | không                     | không    | có                   | không           | không                   | không                |
    Khi xét duyệt hộ vào ngày 01/06/2019
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance", chưa rõ mức
    Và "P1" hưởng "monthly_social_allowance" theo quy định "sa136_elderly_80_no_pension"
    Khi xét duyệt hộ vào ngày 01/06/2019, dùng cả số liệu chưa kiểm chứng (--use-unverified)
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức 180.000

  @meritorious @threshold
  Khung tình huống: Mẹ liệt sĩ (01 liệt sĩ), sống cùng gia đình, tháng 10 các năm 2017-2019: theo mức chuẩn của năm (<ngày xét>)
    Cho ngày xét là <ngày xét>
    Và hộ "H1" ở xã "Bum Tở" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Diện người có công | Quan hệ với liệt sĩ | Số liệt sĩ | Sống cô đơn | Mức độ khuyết tật | Cấp học      | Tỷ lệ thương tật | Trợ cấp người có công |
      | P1       | 02/05/1940 | Thân nhân liệt sĩ  | Cha/mẹ              | 1          | không       | Không khuyết tật  | Không đi học | 0                | có                    |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "merit_monthly_allowance" với mức <mức>
    Và "P1" hưởng "merit_monthly_allowance" theo quy định "merit26_martyr_relative_1"
    Và "P1" thuộc diện "đã hưởng" với "merit_monthly_allowance"

    Dữ liệu: Nghị định 70/2017 (1.417.000 từ 01/7/2017), 99/2018 (1.515.000 từ 01/7/2018), 58/2019 (1.624.000 từ 01/7/2019)
      | ngày xét   | mức       |
      | 15/10/2016 | 1.318.000 |
      | 30/06/2017 | 1.318.000 |
      | 01/07/2017 | 1.417.000 |
      | 15/10/2018 | 1.515.000 |
      | 30/06/2019 | 1.515.000 |
      | 01/07/2019 | 1.624.000 |

  @meritorious
  Tình huống: Mẹ liệt sĩ sống cô đơn tháng 10/2019: 1.624.000 + tuất nuôi dưỡng 1.299.000 = 2.923.000
    Cho ngày xét là 15/10/2019
    Và hộ "H1" ở xã "Bum Tở" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Diện người có công | Quan hệ với liệt sĩ | Số liệt sĩ | Sống cô đơn | Mức độ khuyết tật | Cấp học      | Tỷ lệ thương tật | Trợ cấp người có công |
      | P1       | 02/05/1940 | Thân nhân liệt sĩ  | Cha/mẹ              | 1          | có          | Không khuyết tật  | Không đi học | 0                | có                    |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "merit_monthly_allowance" với mức 2.923.000

  @education
  Tình huống: Năm học 2019-2020: học sinh THCS hộ nghèo được miễn học phí và hỗ trợ chi phí học tập 100.000 đồng/tháng (NĐ 86/2015)
    Cho ngày xét là 15/10/2019
    Và hộ "H1" ở xã "Nậm Tăm" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
      | ĐBKK         | không     |
      | Vùng khó khăn | không    |
    Và các thành viên:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học        | Trường công lập | Mức độ khuyết tật | Diện người có công | Không có nguồn nuôi dưỡng |
      | P1       | 15/03/2007 | Kinh    | THCS            | có             | Không khuyết tật  | Không              | không                     |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "tuition_exemption_reduction" với mức 100%
    Và "P1" hưởng "tuition_exemption_reduction" theo quy định "tuition86_exempt_poor_household"
    Và "P1" đủ điều kiện hưởng "study_cost_support" với mức 100.000

  @education @threshold
  Tình huống: Năm học 2019-2020: học sinh THCS hộ cận nghèo được giảm 50% học phí; từ năm học 2021-2022 theo NĐ 81/2021
    Cho ngày xét là 15/10/2019
    Và hộ "H1" ở xã "Nậm Tăm" có:
      | Khu vực       | Nông thôn    |
      | Phân loại hộ  | Hộ cận nghèo |
      | ĐBKK          | không        |
      | Vùng khó khăn | không        |
    Và các thành viên:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học        | Trường công lập | Mức độ khuyết tật | Diện người có công | Không có nguồn nuôi dưỡng |
      | P1       | 15/03/2007 | Kinh    | THCS            | có             | Không khuyết tật  | Không              | không                     |
    Khi xét duyệt hộ vào ngày 15/10/2019
    Thì "P1" đủ điều kiện hưởng "tuition_exemption_reduction" với mức 50%
    Và "P1" hưởng "tuition_exemption_reduction" theo quy định "tuition86_reduced_50_near_poor"
    Khi xét duyệt hộ vào ngày 15/10/2021
    Thì "P1" hưởng "tuition_exemption_reduction" theo quy định "tuition_reduced_50_near_poor"

  @health_insurance @threshold
  Tình huống: BHYT hộ cận nghèo ở Than Uyên: 100% năm 2017 (huyện 30a), 70% năm 2019 (đã ra khỏi danh sách huyện nghèo theo QĐ 275)
    Cho ngày xét là 01/06/2017
    Và hộ "H1" ở xã "Mường Kim" có:
      | Huyện                              | Than Uyên    |
      | Khu vực                            | Nông thôn    |
      | Thu nhập bình quân đầu người/tháng | 900.000      |
      | Phân loại hộ                       | Hộ cận nghèo |
      | ĐBKK                               | không        |
      | Vùng khó khăn                      | không        |
    Và các thành viên:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học      | Mức độ khuyết tật | Diện người có công | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Hưởng lương hưu | Trợ cấp tuất hằng tháng | Được nhận nuôi dưỡng | Đơn thân đang nuôi con |
      | P1       | 01/05/1984 | Kinh    | Không đi học | Không khuyết tật  | Không              | không                     | không    | có                   | không           | không                   | không                | không                  |
    Khi xét duyệt hộ vào ngày 01/06/2017
    Thì "P1" đủ điều kiện hưởng "hi_state_support" với mức 100%
    Và "P1" hưởng "hi_state_support" theo quy định "hi105_near_poor_poor_district"
    Khi xét duyệt hộ vào ngày 01/06/2019
    Thì "P1" đủ điều kiện hưởng "hi_state_support" với mức 70%
    Và "P1" hưởng "hi_state_support" theo quy định "hi146_near_poor"

  @poverty
  Tình huống: Trước 2016 bộ quy định chưa mã hoá: chưa xác định, không phải "không đủ điều kiện"
    Cho ngày xét là 01/06/2015
    Và hộ "H1" ở xã "Nậm Tăm" có:
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 500.000   |
      | Phân loại hộ                       | Hộ nghèo  |
    Và thành viên "P1" sinh ngày 01/05/1984
    Khi xét duyệt hộ
    Thì kết quả xét "poverty_list" của "H1" là "chưa xác định"
    Và kết quả xét "hi_state_support" của "P1" là "chưa xác định"
    Và "P1" thuộc diện "thiếu dữ liệu" với "hi_state_support"
