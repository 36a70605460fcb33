# language: vi
@social_pension
Tính năng: Trợ cấp hưu trí xã hội (Luật BHXH 41/2024/QH15, Nghị định 176/2025/NĐ-CP, từ 01/7/2025)
  Công dân từ đủ 75 tuổi không hưởng lương hưu, trợ cấp BHXH hằng tháng; hoặc từ đủ 70 đến dưới 75 tuổi thuộc hộ
  nghèo, hộ cận nghèo với cùng điều kiện: 500.000 đồng/tháng (540.000 đồng từ 01/7/2026 – tin cậy D).
  Người hưởng trợ cấp hưu trí xã hội được ngân sách đóng BHYT (Luật BHYT sửa đổi, Điều 12 khoản 3 điểm t).
  Người đang thuộc diện hưởng trợ cấp xã hội hằng tháng (Nghị định 20/2021) thì hưởng trợ cấp đó, chỉ một mức cao nhất
  (tin cậy C, cần đối chiếu Nghị định 176/2025): vì vậy sổ phải ghi đủ các thông tin xét trợ cấp xã hội.

  @threshold
  Tình huống: Chính sách bắt đầu từ 01/7/2025: người 81 tuổi không có lương hưu
    Cho ngày xét là 30/06/2025
    Và hộ "H1" ở xã "Bum Tở" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
      | ĐBKK         | không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Hưởng lương hưu | Trợ cấp tuất hằng tháng | Trợ cấp hưu trí xã hội | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Trợ cấp người có công | Cấp học      |
      | P1       | 15/03/1944 | không           | không                   | không                  | Không khuyết tật  | không                     | không    | có                   | không                | không                 | Không đi học |
    Khi xét duyệt hộ vào ngày 30/06/2025
    Thì "P1" không đủ điều kiện hưởng "social_pension"
    Khi xét duyệt hộ vào ngày 01/07/2025
    Thì "P1" đủ điều kiện hưởng "social_pension" với mức 500.000
    Và "P1" hưởng "social_pension" theo quy định "sp_75_plus"
    Và "P1" thuộc diện "bỏ sót" với "social_pension"
    Và "P1" hưởng "hi_state_support" theo quy định "hi24_social_pension"

  @threshold
  Tình huống: Ngưỡng 75 tuổi (không phân biệt hộ nghèo): đủ 75 tuổi vào ngày 01/8/2025 thì hưởng từ ngày đó
    Cho ngày xét là 01/08/2025
    Và hộ "H1" ở phường "Tân Phong" có:
      | Khu vực      | Thành thị |
      | Phân loại hộ | Không     |
      | ĐBKK         | không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Hưởng lương hưu | Trợ cấp tuất hằng tháng | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Trợ cấp người có công | Cấp học      |
      | P1       | 01/08/1950 | không           | không                   | Không khuyết tật  | không                     | không    | có                   | không                | không                 | Không đi học |
      | P2       | 02/08/1950 | không           | không                   | Không khuyết tật  | không                     | không    | có                   | không                | không                 | Không đi học |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "social_pension" với mức 500.000
    Nhưng "P2" không đủ điều kiện hưởng "social_pension"

  @threshold
  Tình huống: Ngưỡng 70 tuổi đối với hộ nghèo
    Cho ngày xét là 01/08/2025
    Và hộ "H1" ở xã "Nậm Tăm" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Hộ nghèo  |
      | ĐBKK         | không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Hưởng lương hưu | Trợ cấp tuất hằng tháng | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Trợ cấp người có công | Cấp học      |
      | P1       | 01/08/1955 | không           | không                   | Không khuyết tật  | không                     | không    | có                   | không                | không                 | Không đi học |
      | P2       | 02/08/1955 | không           | không                   | Không khuyết tật  | không                     | không    | có                   | không                | không                 | Không đi học |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "social_pension" với mức 500.000
    Và "P1" hưởng "social_pension" theo quy định "sp_70_74_poor_near_poor"
    Và "P2" không đủ điều kiện hưởng "social_pension"

  @E8
  Tình huống: E8 – người 72 tuổi hộ cận nghèo ở thành phố Lai Châu hưởng từ 01/7/2025; hộ không nghèo thì không
    Cho ngày xét là 15/07/2025
    Và hộ "A" ở phường "Tân Phong" có:
      | Huyện        | Thành phố Lai Châu |
      | Khu vực      | Thành thị          |
      | Phân loại hộ | Hộ cận nghèo       |
      | ĐBKK         | không              |
    Và các thành viên:
      | Mã người | Ngày sinh  | Hưởng lương hưu | Trợ cấp tuất hằng tháng | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Trợ cấp người có công | Cấp học      |
      | A1       | 01/02/1953 | không           | không                   | Không khuyết tật  | không                     | không    | có                   | không                | không                 | Không đi học |
    Và hộ "B" ở phường "Tân Phong" giống hộ "A" nhưng có:
      | Phân loại hộ | Không |
    Và các thành viên:
      | Mã người | Ngày sinh  | Hưởng lương hưu | Trợ cấp tuất hằng tháng | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Trợ cấp người có công | Cấp học      |
      | B1       | 01/02/1953 | không           | không                   | Không khuyết tật  | không                     | không    | có                   | không                | không                 | Không đi học |
    Khi xét duyệt các hộ
    Thì "A1" đủ điều kiện hưởng "social_pension" với mức 500.000
    Và "A1" hưởng "social_pension" theo quy định "sp_70_74_poor_near_poor"
    Và "A1" đủ điều kiện hưởng "hi_state_support" với mức 100%
    Và "A1" hưởng "hi_state_support" theo quy định "hi24_social_pension"
    Và "B1" không đủ điều kiện hưởng "social_pension"

  Tình huống: Người có lương hưu hoặc trợ cấp tuất hằng tháng thì không hưởng; đang nhận là hưởng sai
    Cho ngày xét là 01/08/2025
    Và hộ "H1" ở phường "Tân Phong" có:
      | Khu vực      | Thành thị |
      | Phân loại hộ | Không     |
      | ĐBKK         | không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Hưởng lương hưu | Trợ cấp tuất hằng tháng | Trợ cấp hưu trí xã hội | Mức độ khuyết tật | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Trợ cấp người có công | Cấp học      |
      | P1       | 01/01/1949 | có              | không                   | có                     | Không khuyết tật  | không                     | không    | có                   | không                | không                 | Không đi học |
      | P2       | 01/01/1948 | không           | có                      | không                  | Không khuyết tật  | không                     | không    | có                   | không                | không                 | Không đi học |
    Khi xét duyệt hộ
    Thì "P1" không đủ điều kiện hưởng "social_pension"
    Và "P1" thuộc diện "hưởng sai" với "social_pension"
    Và "P2" không đủ điều kiện hưởng "social_pension"

  @threshold
  Tình huống: Mức 540.000 đồng từ 01/7/2026 (Nghị định 335/2026 – tin cậy D, cần kiểm chứng)
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
    Khi xét duyệt hộ vào ngày 01/07/2026
    Thì "P1" đủ điều kiện hưởng "social_pension", chưa rõ mức
    Và "P1" thuộc diện "đã hưởng" với "social_pension"
    Khi xét duyệt hộ vào ngày 01/07/2026, dùng cả số liệu chưa kiểm chứng (--use-unverified)
    Thì "P1" đủ điều kiện hưởng "social_pension" với mức 540.000

  Tình huống: Sổ chưa ghi có lương hưu hay không: chưa xác định, nêu rõ dữ liệu còn thiếu
    Cho ngày xét là 01/08/2025
    Và hộ "H1" ở phường "Tân Phong" có:
      | Khu vực      | Thành thị |
      | Phân loại hộ | Không     |
      | ĐBKK         | không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Trợ cấp tuất hằng tháng |
      | P1       | 15/03/1944 | không                   |
    Khi xét duyệt hộ
    Thì "P1" chưa xác định được "social_pension" do thiếu "receives_pension"
    Và "P1" thuộc diện "thiếu dữ liệu" với "social_pension"
