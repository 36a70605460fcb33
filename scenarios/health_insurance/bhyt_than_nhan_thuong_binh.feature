# language: vi
@health_insurance
Tính năng: BHYT do ngân sách nhà nước đóng cho vợ/chồng, cha/mẹ của thương binh, bệnh binh, người nhiễm chất độc hóa học từ 61%
  Điểm a khoản 12 Điều 3 Nghị định 146/2018/NĐ-CP (01/12/2018 – 30/6/2025); điểm k khoản 3 Điều 12 Luật BHYT sửa
  đổi bởi Luật 51/2024/QH15 (từ 01/7/2025): cha đẻ, mẹ đẻ, vợ hoặc chồng, con của thương binh, bệnh binh, người
  hoạt động kháng chiến bị nhiễm chất độc hóa học suy giảm khả năng lao động từ 61% trở lên (khoản 1 Điều 25 Pháp
  lệnh 02/2020/UBTVQH14). Sổ hộ khẩu chỉ ghi quan hệ với chủ hộ, nên chỉ xác định được thân nhân trong cùng hộ qua
  chủ hộ: người có công là chủ hộ (vợ/chồng, bố/mẹ của chủ hộ), là vợ/chồng của chủ hộ (chủ hộ), là con của chủ hộ
  (chủ hộ và vợ/chồng chủ hộ). Bố/mẹ vợ hoặc chồng, con dâu/con rể không xác định được: không suy đoán.

  Tình huống: vợ của chủ hộ bị nhiễm chất độc hóa học 61%: chủ hộ là chồng được ngân sách đóng; mẹ vợ không xác định được
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
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Dân tộc | Cấp học      | Mức độ khuyết tật | Diện người có công                                      | Tỷ lệ thương tật | Tỷ lệ thương tật của cha/mẹ | Trợ cấp tuất hằng tháng | Hưởng lương hưu | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Đơn thân nuôi con | Có thẻ BHYT | BHYT ngân sách đóng |
      | P1       | 10/01/1960 | Chủ hộ             | Kinh    | Không đi học | Không khuyết tật  | Không                                                   |                  | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | có          | không               |
      | P2       | 20/02/1962 | Vợ                 | Kinh    | Không đi học | Không khuyết tật  | Người hoạt động kháng chiến bị nhiễm chất độc hóa học   | 61               | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | có          | có                  |
      | P3       | 01/06/1954 | Mẹ vợ              | Kinh    | Không đi học | Không khuyết tật  | Không                                                   |                  | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | có          | không               |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "hi_state_support" với mức 100%
    Và "P1" hưởng "hi_state_support" theo quy định "hi24_invalid_spouse_parent"
    Và "P1" thuộc diện "bỏ sót" với "hi_state_support"
    Và "P2" hưởng "hi_state_support" theo quy định "hi24_meritorious"
    Và "P3" không đủ điều kiện hưởng "hi_state_support"

  @E13 @threshold
  Khung tình huống: chủ hộ là bệnh binh <tỷ lệ>%: vợ và bố của chủ hộ (ngày <ngày xét>)
    Cho ngày xét là <ngày xét>
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
      | P1       | 22/03/1965 | Chủ hộ             | Kinh    | Không đi học | Không khuyết tật  | Bệnh binh          | <tỷ lệ>          | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | có          | có                  |
      | P2       | 09/09/1968 | Vợ                 | Kinh    | Không đi học | Không khuyết tật  | Không              |                  | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | có          | không               |
      | P3       | 01/04/1951 | Bố                 | Kinh    | Không đi học | Không khuyết tật  | Không              |                  | 0                           | không                   | có              | không                     | không    | có                   | không                | không             | có          | không               |
    Khi xét duyệt hộ
    Thì kết quả xét "hi_state_support" của "P2" là "<kết quả>"
    Và kết quả xét "hi_state_support" của "P3" là "<kết quả>"

    Dữ liệu: 60% và 61%, trước và sau Luật 51/2024
      | ngày xét   | tỷ lệ | kết quả              |
      | 15/10/2024 | 60    | không đủ điều kiện   |
      | 15/10/2024 | 61    | đủ điều kiện         |
      | 15/11/2025 | 60    | không đủ điều kiện   |
      | 15/11/2025 | 61    | đủ điều kiện         |

  Tình huống: quan hệ với chủ hộ để trống trong hộ có chủ hộ là thương binh 61%: chưa xác định được, thiếu quan hệ với chủ hộ
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
      | P1       | 22/03/1965 | Chủ hộ             | Kinh    | Không đi học | Không khuyết tật  | Thương binh        | 61               | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | có          | có                  |
      | P2       | 09/09/1968 |                    | Kinh    | Không đi học | Không khuyết tật  | Không              | 0                | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | có          | không               |
    Khi xét duyệt hộ
    Thì "P2" chưa xác định được "hi_state_support" do thiếu "relation_to_head"
    Và "P2" thuộc diện "thiếu dữ liệu" với "hi_state_support"
