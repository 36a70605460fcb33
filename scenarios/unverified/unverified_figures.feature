# language: vi
Tính năng: Số liệu chưa kiểm chứng (mức tin cậy D) chỉ dùng khi chạy với --use-unverified
  Một chính sách chung cho mọi chế độ (POLICIES.md §0.1: D là "mâu thuẫn, mới là dự thảo hoặc chỉ một nguồn yếu –
  không mã hoá nếu chưa kiểm chứng"). Mặc định không dùng giá trị mức D: mọi số tiền dựa trên giá trị đó là
  "chưa rõ mức", cột "Giá trị chưa kiểm chứng" nêu lý do, và manifest ghi use_unverified = false cùng danh sách giá
  trị bị giữ lại. Chạy với --use-unverified thì dùng giá trị D và đánh dấu.
  Từ 01/7/2026: mức chuẩn trợ giúp xã hội 540.000 (Nghị định 335/2026, D), mức chuẩn ưu đãi người có công 3.012.000
  (Nghị định 321/2026, D), trợ cấp hưu trí xã hội 540.000 (D). Các mức cố định của Phụ lục (thương binh, phụ cấp Bà mẹ
  VNAH, trợ cấp khi đi học...) chưa có số liệu mới: cùng lý do "mức D" khi chạy mặc định, và vẫn chưa rõ mức khi chạy
  với --use-unverified (không có con số, không lấy mức năm 2024).

  @social_assistance @threshold
  Tình huống: Trợ cấp xã hội hằng tháng người khuyết tật nặng: 750.000 đến 30/6/2026; từ 01/7/2026 chưa rõ mức nếu không dùng số liệu D
    Cho ngày xét là 30/06/2026
    Và hộ "H1" ở xã "Nậm Hàng" có:
      | Khu vực      | Nông thôn    |
      | Phân loại hộ | Hộ cận nghèo |
    Và các thành viên:
      | Mã người | Ngày sinh  | Mức độ khuyết tật | Ngày cấp giấy xác nhận khuyết tật |
      | P1       | 01/02/1994 | Nặng              | 10/03/2020                        |
    Khi xét duyệt hộ vào ngày 30/06/2026
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức 750.000
    Khi xét duyệt hộ vào ngày 01/08/2026
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance", chưa rõ mức
    Và "P1" hưởng "monthly_social_allowance" theo quy định "sa_disability_severe"
    Khi xét duyệt hộ vào ngày 01/08/2026, dùng cả số liệu chưa kiểm chứng (--use-unverified)
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức 810.000

  @social_assistance
  Tình huống: Hỗ trợ nhận nuôi trẻ mồ côi dưới 4 tuổi (E10): chưa rõ mức từ 01/7/2026 nếu không dùng số liệu D
    Cho ngày xét là 01/08/2026
    Và hộ "H1" ở xã "Bum Tở" có:
      | Huyện        | Mường Tè  |
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | Được nhận nuôi dưỡng | Kinh phí chăm sóc |
      | P1       | 01/04/1980 | Chủ hộ             | Không khuyết tật  | không                     | không                | không             |
      | P2       | 01/09/2022 | Khác               | Không khuyết tật  | có                        | có                   | không             |
    Khi xét duyệt hộ
    Thì "P2" đủ điều kiện hưởng "care_support", chưa rõ mức
    Và "P2" đủ điều kiện hưởng "monthly_social_allowance", chưa rõ mức
    Khi xét duyệt hộ vào ngày 01/08/2026, dùng cả số liệu chưa kiểm chứng (--use-unverified)
    Thì "P2" đủ điều kiện hưởng "care_support" với mức 1.350.000
    Và "P2" đủ điều kiện hưởng "monthly_social_allowance" với mức 1.350.000

  @social_pension @threshold
  Tình huống: Trợ cấp hưu trí xã hội: 500.000 đến 30/6/2026; từ 01/7/2026 chưa rõ mức nếu không dùng số liệu D
    Cho ngày xét là 30/06/2026
    Và hộ "H1" ở phường "Tân Phong" có:
      | Khu vực      | Thành thị |
      | Phân loại hộ | Không     |
      | ĐBKK         | không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Hưởng lương hưu | Trợ cấp tuất hằng tháng | Trợ cấp hưu trí xã hội | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Trợ cấp người có công | Cấp học      |
      | P1       | 15/03/1944 | không           | không                   | có                     | Không khuyết tật  | không                     | không    | có                   | không                | không                 | Không đi học |
    Khi xét duyệt hộ vào ngày 30/06/2026
    Thì "P1" đủ điều kiện hưởng "social_pension" với mức 500.000
    Khi xét duyệt hộ vào ngày 01/08/2026
    Thì "P1" đủ điều kiện hưởng "social_pension", chưa rõ mức
    Khi xét duyệt hộ vào ngày 01/08/2026, dùng cả số liệu chưa kiểm chứng (--use-unverified)
    Thì "P1" đủ điều kiện hưởng "social_pension" với mức 540.000

  @meritorious @E12
  Tình huống: Mẹ liệt sĩ sống cô đơn và thương binh 41% ngày 01/8/2026: cùng một lý do "mức D" khi chạy mặc định
    Cho ngày xét là 01/08/2026
    Và hộ "H1" ở xã "Bum Tở" có:
      | Huyện        | Mường Tè  |
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Diện người có công | Quan hệ với liệt sĩ | Số liệt sĩ | Sống cô đơn | Mức độ khuyết tật | Cấp học      | Tỷ lệ thương tật | Trợ cấp người có công |
      | P1       | 01/01/1940 | Thân nhân liệt sĩ  | Cha/mẹ              | 1          | có          | Không khuyết tật  | Không đi học | 0                | có                    |
      | P2       | 01/01/1965 | Thương binh        |                     | 0          | không       | Không khuyết tật  | Không đi học | 41               | có                    |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "merit_monthly_allowance", chưa rõ mức
    Và "P2" đủ điều kiện hưởng "merit_monthly_allowance", chưa rõ mức
    Khi xét duyệt hộ vào ngày 01/08/2026, dùng cả số liệu chưa kiểm chứng (--use-unverified)
    Thì "P1" đủ điều kiện hưởng "merit_monthly_allowance" với mức 5.422.000
    Và "P2" đủ điều kiện hưởng "merit_monthly_allowance", chưa rõ mức
