# language: vi
@credit
Tính năng: Cho vay hộ mới thoát nghèo (Quyết định 28/2015/QĐ-TTg)
  Hộ đã thoát nghèo (hoặc thoát cận nghèo) được xã công nhận, trong vòng không quá 3 năm kể từ ngày thoát nghèo
  (ngày thứ ba tròn năm vẫn còn trong hạn). Lãi suất 8,25%/năm; từ 01/12/2025 là 7,8%/năm (Quyết định 2553/QĐ-TTg,
  áp dụng cả cho dư nợ đang vay). Mức cho vay tối đa 100.000.000 đồng (tin cậy C).

  Bối cảnh:
    Cho ngày xét là 20/11/2025
    Và hộ "H1" ở xã "Bản Bo" có:
      | Huyện              | Tam Đường  |
      | Khu vực            | Nông thôn  |
      | Phân loại hộ       | Không      |
      | Ngày thoát nghèo   | 20/12/2022 |
      | Vay hộ mới thoát nghèo | có     |
    Và thành viên "P1" sinh ngày 01/05/1980

  @E11
  Tình huống: E11 – hộ thoát nghèo theo quyết định ngày 20/12/2022: lãi suất trước và sau ngày 01/12/2025
    Khi xét duyệt hộ vào ngày 28/11/2025
    Thì "H1" đủ điều kiện hưởng "loan_newly_escaped_household" với mức 100.000.000
    Và lãi suất của "loan_newly_escaped_household" cho "H1" là 8,25%
    Và "H1" hưởng "loan_newly_escaped_household" theo quy định "loan_newly_escaped_until_2025_11"
    Và "H1" thuộc diện "đã hưởng" với "loan_newly_escaped_household"
    Khi xét duyệt hộ vào ngày 01/12/2025
    Thì lãi suất của "loan_newly_escaped_household" cho "H1" là 7,8%
    Khi xét duyệt hộ vào ngày 10/12/2025
    Thì lãi suất của "loan_newly_escaped_household" cho "H1" là 7,8%
    Và "H1" hưởng "loan_newly_escaped_household" theo quy định "loan_newly_escaped_from_2025_12"

  @E11 @threshold
  Tình huống: E11 – hết hạn 3 năm: còn trong hạn ngày 20/12/2025, hết hạn ngày 21/12/2025 (vẫn vay được vốn tạo việc làm 7,488%)
    Khi xét duyệt hộ vào ngày 20/12/2025
    Thì "H1" đủ điều kiện hưởng "loan_newly_escaped_household"
    Khi xét duyệt hộ vào ngày 21/12/2025
    Thì "H1" không đủ điều kiện hưởng "loan_newly_escaped_household"
    Và "H1" thuộc diện "hưởng sai" với "loan_newly_escaped_household"
    Và lãi suất của "loan_job_creation" cho "H1" là 7,488%

  Tình huống: Hộ đã quay lại danh sách cận nghèo thì không còn là hộ mới thoát nghèo (vay theo diện cận nghèo)
    Cho hộ "H2" ở xã "Bản Bo" giống hộ "H1" nhưng có:
      | Phân loại hộ | Hộ cận nghèo |
    Và thành viên "P2" sinh ngày 01/05/1980
    Khi xét duyệt các hộ vào ngày 01/06/2024
    Thì "H2" không đủ điều kiện hưởng "loan_newly_escaped_household"
    Và lãi suất của "loan_near_poor_household" cho "H2" là 7,92%

  Tình huống: Sổ chưa ghi phân loại hộ: chưa xác định được
    Cho hộ "H3" ở xã "Bản Bo" có:
      | Khu vực          | Nông thôn  |
      | Ngày thoát nghèo | 20/12/2022 |
    Và thành viên "P3" sinh ngày 01/05/1980
    Khi xét duyệt các hộ vào ngày 01/06/2024
    Thì "H3" chưa xác định được "loan_newly_escaped_household" do thiếu "poverty_list_status"
