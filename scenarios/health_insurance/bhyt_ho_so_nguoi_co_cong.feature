# language: vi
@health_insurance @meritorious
Tính năng: Hồ sơ người có công được tính khi xét BHYT của chính người đó và của vợ/chồng, con
  Khoản 3 và điểm a khoản 12 Điều 3 Nghị định 146/2018/NĐ-CP (01/12/2018 – 30/6/2025); điểm e và điểm k khoản 3
  Điều 12 Luật BHYT sửa đổi bởi Luật 51/2024/QH15 (từ 01/7/2025): người có công, và cha đẻ, mẹ đẻ, vợ hoặc chồng, con
  của thương binh, bệnh binh, người nhiễm chất độc hóa học từ 61% trở lên được ngân sách nhà nước đóng BHYT
  (POLICIES.md §4.2, A; khoản 1 Điều 25 Pháp lệnh 02/2020/UBTVQH14). Dòng thành viên chỉ ghi một diện; các hồ sơ
  người có công (mỗi người có thể có nhiều hồ sơ) cũng được tính: tỷ lệ cao nhất trong các hồ sơ thương binh, bệnh
  binh, chất độc hóa học, và bất kỳ hồ sơ người có công nào. Hồ sơ thân nhân liệt sĩ cho căn cứ thân nhân liệt sĩ
  (khoản 11 Điều 3 Nghị định 146/2018; điểm i; A) cả khi dòng thành viên ghi diện khác hoặc không ghi diện nào.

  Bối cảnh:
    Cho ngày xét là 15/11/2025
    Và hộ "H1" ở xã "Mường Kim" có:
      | Huyện                              | Than Uyên |
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 3.000.000 |
      | Vùng khó khăn                      | không     |
      | ĐBKK                               | không     |
      | Vùng DTTS&MN                       | không     |
      | Hộ nông nghiệp                     | không     |
      | Phân loại hộ                       | Không     |
      | Xã nghèo                           | không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Dân tộc | Cấp học      | Mức độ khuyết tật | Diện người có công | Tỷ lệ thương tật | Tỷ lệ thương tật của cha/mẹ | Trợ cấp tuất hằng tháng | Hưởng lương hưu | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Đơn thân nuôi con | Có thẻ BHYT | BHYT ngân sách đóng |
      | P1       | 22/03/1965 | Chủ hộ             | Kinh    | Không đi học | Không khuyết tật  | Thân nhân liệt sĩ  |                  | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | có          | có                  |
      | P2       | 09/09/1968 | Vợ                 | Kinh    | Không đi học | Không khuyết tật  | Không              |                  | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | có          | không               |
      | P3       | 10/04/2010 | Con trai           | Kinh    | Không đi học | Không khuyết tật  | Không              |                  |                             | không                   | không           | không                     | không    | có                   | không                | không             | có          | không               |

  Tình huống: dòng của chủ hộ ghi thân nhân liệt sĩ, hồ sơ của ông ghi thương binh 81%: vợ và con trai được ngân sách đóng BHYT
    Cho hồ sơ người có công:
      | Mã người | Diện người có công | Quan hệ với liệt sĩ | Số liệt sĩ | Tỷ lệ thương tật |
      | P1       | Thân nhân liệt sĩ  | Cha/mẹ              | 1          |                  |
      | P1       | Thương binh        |                     |            | 81               |
    Khi xét duyệt hộ
    Thì "P2" đủ điều kiện hưởng "hi_state_support" với mức 100%
    Và "P2" hưởng "hi_state_support" theo quy định "hi24_invalid_spouse_parent"
    Và "P2" thuộc diện "bỏ sót" với "hi_state_support"
    Và "P3" đủ điều kiện hưởng "hi_state_support" với mức 100%
    Và "P3" hưởng "hi_state_support" theo quy định "hi24_invalid_relative"
    Và "P1" hưởng "hi_state_support" theo quy định "hi24_meritorious"

  Tình huống: hồ sơ thương binh 41%: chủ hộ là người có công, vợ không có diện thân nhân (cần từ 61%)
    Cho hồ sơ người có công:
      | Mã người | Diện người có công | Quan hệ với liệt sĩ | Số liệt sĩ | Tỷ lệ thương tật |
      | P1       | Thân nhân liệt sĩ  | Cha/mẹ              | 1          |                  |
      | P1       | Thương binh        |                     |            | 41               |
    Khi xét duyệt hộ
    Thì "P2" không đủ điều kiện hưởng "hi_state_support"
    Và "P1" hưởng "hi_state_support" theo quy định "hi24_meritorious"

  Tình huống: vợ chủ hộ, dòng thành viên ghi "Không", có hồ sơ bệnh binh 71%: bà là người có công, con trai được ngân sách đóng (Nghị định 146/2018)
    Cho hồ sơ người có công:
      | Mã người | Diện người có công | Tỷ lệ thương tật |
      | P2       | Bệnh binh          | 71               |
    Khi xét duyệt hộ vào ngày 15/10/2024
    Thì "P1" đủ điều kiện hưởng "hi_state_support" với mức 100%
    Và "P3" hưởng "hi_state_support" theo quy định "hi146_invalid_relative"
    Và "P2" hưởng "hi_state_support" theo quy định "hi146_meritorious"

  Tình huống: dòng của người vợ không ghi diện nào, hồ sơ của bà ghi con liệt sĩ: bà được ngân sách đóng BHYT là thân nhân liệt sĩ (điểm i)
    Cho hồ sơ người có công:
      | Mã người | Diện người có công | Quan hệ với liệt sĩ | Số liệt sĩ |
      | P2       | Thân nhân liệt sĩ  | Con                 | 1          |
    Khi xét duyệt hộ
    Thì "P2" đủ điều kiện hưởng "hi_state_support" với mức 100%
    Và "P2" hưởng "hi_state_support" theo quy định "hi24_martyr_relative"
    Và "P2" thuộc diện "bỏ sót" với "hi_state_support"

  Tình huống: cùng hồ sơ ấy theo Nghị định 146/2018 (khoản 11 Điều 3)
    Cho hồ sơ người có công:
      | Mã người | Diện người có công | Quan hệ với liệt sĩ | Số liệt sĩ |
      | P2       | Thân nhân liệt sĩ  | Con                 | 1          |
    Khi xét duyệt hộ vào ngày 15/10/2024
    Thì "P2" đủ điều kiện hưởng "hi_state_support" với mức 100%
    Và "P2" hưởng "hi_state_support" theo quy định "hi146_martyr_relative"

  Tình huống: có hồ sơ người có công nhưng không có hồ sơ nào của người vợ: bà không được căn cứ thân nhân liệt sĩ
    Cho hồ sơ người có công:
      | Mã người | Diện người có công | Quan hệ với liệt sĩ | Số liệt sĩ |
      | P1       | Thân nhân liệt sĩ  | Cha/mẹ              | 1          |
    Khi xét duyệt hộ
    Thì "P2" không đủ điều kiện hưởng "hi_state_support"
    Và "P1" hưởng "hi_state_support" theo quy định "hi24_martyr_relative"

  Tình huống: hồ sơ bệnh binh của chủ hộ không ghi tỷ lệ: căn cứ của người vợ chưa xác định, dữ liệu còn thiếu là tỷ lệ trong hồ sơ của ông, không phải của bà
    Cho hồ sơ người có công:
      | Mã người | Diện người có công | Quan hệ với liệt sĩ | Số liệt sĩ | Tỷ lệ thương tật |
      | P1       | Thân nhân liệt sĩ  | Cha/mẹ              | 1          |                  |
      | P1       | Bệnh binh          |                     |            |                  |
    Khi xét duyệt hộ
    Thì "P2" chưa xác định được "hi_state_support" do thiếu "member.merit_records_invalid_rate"
    Và "P2" thuộc diện "thiếu dữ liệu" với "hi_state_support"
