# language: vi
@audit @health_insurance
Tính năng: Thẻ BHYT có tỷ lệ ngân sách đóng khác tỷ lệ được hưởng là sai mức hưởng, kèm số tiền
  Ngân sách nhà nước đóng toàn bộ cho người thuộc hộ nghèo (điểm o khoản 3 Điều 12 Luật BHYT sửa đổi bởi Luật
  51/2024/QH15, POLICIES.md §4.2, A) và hỗ trợ tối thiểu 70% cho người thuộc hộ cận nghèo không ở xã nghèo (điểm a
  khoản 4 Điều 12, POLICIES.md §4.3, B). Danh sách cấp thẻ ghi tỷ lệ NSNN đóng/hỗ trợ (%). Mức đóng BHYT bằng 4,5%
  lương cơ sở: 4,5% x 2.340.000 = 105.300 đồng/tháng từ 01/7/2024 (POLICIES.md §4.3). Sai tỷ lệ thì số tiền bằng mức
  đóng nhân với chênh lệch: 0,3 x 105.300 = 31.590 đồng/tháng.

  Bối cảnh:
    Cho ngày xét là 15/11/2025

  Tình huống: thẻ do ngân sách đóng toàn bộ cấp cho người thuộc hộ cận nghèo, chỉ được hỗ trợ 70%: ngân sách đóng thừa 31.590
    Cho hộ "H1" ở xã "Mường Kim" có:
      | Huyện                              | Than Uyên    |
      | Khu vực                            | Nông thôn    |
      | Thu nhập bình quân đầu người/tháng | 1.800.000    |
      | Vùng khó khăn                      | không        |
      | ĐBKK                               | không        |
      | Vùng DTTS&MN                       | không        |
      | Hộ nông nghiệp                     | không        |
      | Phân loại hộ                       | Hộ cận nghèo |
      | Xã nghèo                           | không        |
    Và các thành viên:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Dân tộc | Cấp học      | Mức độ khuyết tật | Diện người có công | Tỷ lệ thương tật | Tỷ lệ thương tật của cha/mẹ | Trợ cấp tuất hằng tháng | Hưởng lương hưu | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Đơn thân nuôi con | Có thẻ BHYT | BHYT ngân sách đóng |
      | P1       | 22/03/1975 | Chủ hộ             | Kinh    | Không đi học | Không khuyết tật  | Không              |                  | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | có          | có                  |
    Và danh sách chi trả:
      | Mã chương trình  | Mã người  | Tỷ lệ NSNN đóng/hỗ trợ |
      | hi_state_support | P1        | 100                    |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "hi_state_support" với mức 70%
    Và "P1" thuộc diện "sai mức hưởng" với "hi_state_support", số tiền 31.590

  Tình huống: thẻ hỗ trợ 70% cấp cho người thuộc hộ nghèo, được ngân sách đóng toàn bộ: thiếu 31.590
    Cho hộ "H1" ở xã "Mường Kim" có:
      | Huyện                              | Than Uyên |
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 1.000.000 |
      | Vùng khó khăn                      | không     |
      | ĐBKK                               | không     |
      | Vùng DTTS&MN                       | không     |
      | Hộ nông nghiệp                     | không     |
      | Phân loại hộ                       | Hộ nghèo  |
      | Xã nghèo                           | không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Dân tộc | Cấp học      | Mức độ khuyết tật | Diện người có công | Tỷ lệ thương tật | Tỷ lệ thương tật của cha/mẹ | Trợ cấp tuất hằng tháng | Hưởng lương hưu | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Đơn thân nuôi con | Có thẻ BHYT | BHYT ngân sách đóng |
      | P1       | 22/03/1975 | Chủ hộ             | Kinh    | Không đi học | Không khuyết tật  | Không              |                  | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | có          | có                  |
    Và danh sách chi trả:
      | Mã chương trình  | Mã người  | Ty le NSNN dong/ho tro |
      | hi_state_support | P1        | 70                     |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "hi_state_support" với mức 100%
    Và "P1" thuộc diện "sai mức hưởng" với "hi_state_support", số tiền -31.590

  Tình huống: tỷ lệ trên thẻ đúng tỷ lệ được hưởng: đã hưởng, không có phát hiện
    Cho hộ "H1" ở xã "Mường Kim" có:
      | Huyện                              | Than Uyên |
      | Khu vực                            | Nông thôn |
      | Thu nhập bình quân đầu người/tháng | 1.000.000 |
      | Vùng khó khăn                      | không     |
      | ĐBKK                               | không     |
      | Vùng DTTS&MN                       | không     |
      | Hộ nông nghiệp                     | không     |
      | Phân loại hộ                       | Hộ nghèo  |
      | Xã nghèo                           | không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Quan hệ với chủ hộ | Dân tộc | Cấp học      | Mức độ khuyết tật | Diện người có công | Tỷ lệ thương tật | Tỷ lệ thương tật của cha/mẹ | Trợ cấp tuất hằng tháng | Hưởng lương hưu | Không có nguồn nuôi dưỡng | HIV/AIDS | Có người phụng dưỡng | Được nhận nuôi dưỡng | Đơn thân nuôi con | Có thẻ BHYT | BHYT ngân sách đóng |
      | P1       | 22/03/1975 | Chủ hộ             | Kinh    | Không đi học | Không khuyết tật  | Không              |                  | 0                           | không                   | không           | không                     | không    | có                   | không                | không             | có          | có                  |
    Và danh sách chi trả:
      | Mã chương trình  | Mã người  | Tỷ lệ NSNN đóng/hỗ trợ |
      | hi_state_support | P1        | 100                    |
    Khi xét duyệt hộ
    Thì "P1" thuộc diện "đã hưởng" với "hi_state_support"
