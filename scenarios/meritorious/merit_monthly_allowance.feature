# language: vi
@meritorious
Tính năng: Trợ cấp, phụ cấp ưu đãi hằng tháng đối với người có công và thân nhân
  Pháp lệnh 02/2020/UBTVQH14 (từ 01/7/2021); Nghị định 75/2021/NĐ-CP sửa đổi bởi Nghị định 55/2023 và 77/2024.
  Mức chuẩn trợ cấp ưu đãi: 1.624.000 (01/7/2021), 2.055.000 (01/7/2023), 2.789.000 (01/7/2024);
  3.012.000 từ 01/7/2026 (Nghị định 321/2026 – tin cậy D, cần kiểm chứng). Làm tròn đến 1.000 đồng.
  Người thuộc nhiều diện được hưởng các khoản của tất cả các diện (Điều 6 khoản 3): các khoản được cộng lại.
  Bà mẹ Việt Nam anh hùng hưởng trợ cấp và phụ cấp Bà mẹ VNAH, không hưởng thêm trợ cấp thân nhân liệt sĩ.

  @E12 @threshold
  Khung tình huống: E12 – mẹ liệt sĩ sống cô đơn: trợ cấp thân nhân 1,0 + tuất nuôi dưỡng 0,8 × mức chuẩn (ngày <ngày xét>)
    Cho ngày xét là <ngày xét>
    Và dùng cả số liệu chưa kiểm chứng (--use-unverified)
    Và hộ "H1" ở xã "Bum Tở" có:
      | Huyện        | Mường Tè  |
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Diện người có công | Quan hệ với liệt sĩ | Số liệt sĩ | Sống cô đơn | Mức độ khuyết tật | Cấp học      | Tỷ lệ thương tật | Trợ cấp người có công |
      | P1       | 01/01/1940 | Thân nhân liệt sĩ  | Cha/mẹ              | 1          | có          | Không khuyết tật  | Không đi học | 0                | có                    |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "merit_monthly_allowance" với mức <tổng>
    Và "P1" hưởng "merit_monthly_allowance" theo quy định "merit_martyr_relative_1"
    Và "P1" hưởng "merit_monthly_allowance" theo quy định "merit_martyr_nurturing"
    Và "P1" thuộc diện "đã hưởng" với "merit_monthly_allowance"

    Dữ liệu: 1.624.000 + 1.299.000; 2.055.000 + 1.644.000; 2.789.000 + 2.231.000; 3.012.000 + 2.410.000 (D)
      | ngày xét   | tổng      |
      | 15/08/2021 | 2.923.000 |
      | 30/06/2023 | 2.923.000 |
      | 01/07/2023 | 3.699.000 |
      | 30/06/2024 | 3.699.000 |
      | 01/07/2024 | 5.020.000 |
      | 30/06/2026 | 5.020.000 |
      | 01/07/2026 | 5.422.000 |

  @E12
  Tình huống: Thân nhân liệt sĩ sống cùng gia đình không có tuất nuôi dưỡng; thân nhân của 2 và 3 liệt sĩ
    Cho ngày xét là 15/08/2024
    Và hộ "H1" ở xã "Bum Tở" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Diện người có công | Quan hệ với liệt sĩ | Số liệt sĩ | Sống cô đơn | Mức độ khuyết tật | Cấp học      | Tỷ lệ thương tật |
      | P1       | 01/01/1940 | Thân nhân liệt sĩ  | Cha/mẹ              | 1          | không       | Không khuyết tật  | Không đi học | 0                |
      | P2       | 01/01/1938 | Thân nhân liệt sĩ  | Cha/mẹ              | 2          | không       | Không khuyết tật  | Không đi học | 0                |
      | P3       | 01/01/1936 | Thân nhân liệt sĩ  | Cha/mẹ              | 3          | không       | Không khuyết tật  | Không đi học | 0                |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "merit_monthly_allowance" với mức 2.789.000
    Và "P1" hưởng "merit_monthly_allowance" theo quy định "merit_martyr_relative_1"
    Và "P2" đủ điều kiện hưởng "merit_monthly_allowance" với mức 5.578.000
    Và "P2" hưởng "merit_monthly_allowance" theo quy định "merit_martyr_relative_2"
    Và "P3" đủ điều kiện hưởng "merit_monthly_allowance" với mức 8.367.000
    Và "P3" hưởng "merit_monthly_allowance" theo quy định "merit_martyr_relative_3plus"

  Tình huống: Bà mẹ Việt Nam anh hùng: trợ cấp + phụ cấp, không cộng trợ cấp thân nhân liệt sĩ; sống cô đơn thì thêm tuất nuôi dưỡng
    Cho ngày xét là 15/08/2024
    Và hộ "H1" ở xã "Bum Tở" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Diện người có công      | Quan hệ với liệt sĩ | Số liệt sĩ | Sống cô đơn | Mức độ khuyết tật | Cấp học      | Tỷ lệ thương tật |
      | P1       | 01/01/1930 | Bà mẹ Việt Nam anh hùng | Cha/mẹ              | 2          | không       | Không khuyết tật  | Không đi học | 0                |
      | P2       | 01/01/1932 | Bà mẹ Việt Nam anh hùng | Cha/mẹ              | 2          | có          | Không khuyết tật  | Không đi học | 0                |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "merit_monthly_allowance" với mức 10.704.000
    Và "P1" hưởng "merit_monthly_allowance" theo quy định "merit_heroic_mother"
    Và "P1" hưởng "merit_monthly_allowance" theo quy định "merit_heroic_mother_supplement"
    Và "P2" đủ điều kiện hưởng "merit_monthly_allowance" với mức 12.935.000

  @threshold
  Tình huống: Con liệt sĩ hưởng trợ cấp khi dưới 18 tuổi, hoặc từ 18 tuổi nếu còn đi học
    Cho ngày xét là 15/10/2024
    Và hộ "H1" ở xã "Bum Tở" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Diện người có công | Quan hệ với liệt sĩ | Số liệt sĩ | Sống cô đơn | Mức độ khuyết tật | Cấp học          | Tỷ lệ thương tật |
      | P1       | 16/10/2006 | Thân nhân liệt sĩ  | Con                 | 1          | không       | Không khuyết tật  | Không đi học     | 0                |
      | P2       | 15/10/2006 | Thân nhân liệt sĩ  | Con                 | 1          | không       | Không khuyết tật  | Không đi học     | 0                |
      | P3       | 15/10/2005 | Thân nhân liệt sĩ  | Con                 | 1          | không       | Không khuyết tật  | Cao đẳng/đại học | 0                |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "merit_monthly_allowance" với mức 2.789.000
    Và "P2" không đủ điều kiện hưởng "merit_monthly_allowance"
    Và "P3" đủ điều kiện hưởng "merit_monthly_allowance" với mức 2.789.000

  @E13 @threshold
  Khung tình huống: Thương binh tỷ lệ <tỷ lệ>%: trợ cấp theo Phụ lục II (từ 01/7/2024)
    Cho ngày xét là 15/10/2024
    Và hộ "H1" ở xã "Nậm Tăm" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Diện người có công | Tỷ lệ thương tật | Mức độ khuyết tật | Cấp học      | Sống cô đơn |
      | P1       | 01/01/1965 | Thương binh        | <tỷ lệ>          | Không khuyết tật  | Không đi học | không       |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "merit_monthly_allowance" với mức <mức>
    Và "P1" hưởng "merit_monthly_allowance" theo quy định "<quy định>"

    Dữ liệu: E13 – người cha là thương binh 41%; từ 81% có thêm phụ cấp 1.399.000 đồng
      | tỷ lệ | mức       | quy định                        |
      | 21    | 1.878.000 | merit_war_invalid_21            |
      | 41    | 3.667.000 | merit_war_invalid_41            |
      | 61    | 5.450.000 | merit_war_invalid_61            |
      | 81    | 8.639.000 | merit_war_invalid_supplement_81 |
      | 100   | 10.340.000 | merit_war_invalid_100          |

  Tình huống: Thương binh tỷ lệ 60%: đủ điều kiện nhưng bộ quy định chưa có dòng Phụ lục II, nên chưa rõ mức
    Cho ngày xét là 15/10/2024
    Và hộ "H1" ở xã "Nậm Tăm" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Diện người có công | Tỷ lệ thương tật | Mức độ khuyết tật | Cấp học      | Sống cô đơn |
      | P1       | 01/01/1965 | Thương binh        | 60               | Không khuyết tật  | Không đi học | không       |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "merit_monthly_allowance", chưa rõ mức
    Và "P1" hưởng "merit_monthly_allowance" theo quy định "merit_war_invalid_42_60"
