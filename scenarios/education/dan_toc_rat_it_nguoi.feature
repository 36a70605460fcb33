# language: vi
@education
Tính năng: Hỗ trợ học tập cho trẻ mẫu giáo, học sinh, sinh viên dân tộc thiểu số rất ít người (Nghị định 57/2017)
  Từ 01/7/2017: mẫu giáo 30%, phổ thông 40%, bán trú 60%, đại học/cao đẳng/giáo dục nghề nghiệp 100% mức lương cơ sở
  mỗi tháng (tin cậy B). Ở Lai Châu: Cống, Mảng, La Hủ, Lự, Si La (tin cậy C). Không có điều kiện hộ nghèo hay vùng.

  @threshold
  Tình huống: Nghị định 57/2017 có hiệu lực từ 01/7/2017: học sinh tiểu học người La Hủ được 40% × 1.300.000 = 520.000
    Cho ngày xét là 30/06/2017
    Và hộ "H1" ở xã "Bum Tở" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học   | Bán trú |
      | P1       | 01/03/2009 | La Hủ   | Tiểu học  | không   |
    Khi xét duyệt hộ vào ngày 30/06/2017
    Thì kết quả xét "very_small_ethnic_study_allowance" của "P1" là "chưa xác định"
    Khi xét duyệt hộ vào ngày 01/07/2017
    Thì "P1" đủ điều kiện hưởng "very_small_ethnic_study_allowance" với mức 520.000
    Và "P1" hưởng "very_small_ethnic_study_allowance" theo quy định "nd57_general"

  @threshold
  Tình huống: Học sinh bán trú người Mảng 60%, bạn cùng lớp người Thái không thuộc diện (tháng 9/2024)
    Cho ngày xét là 15/09/2024
    Và hộ "H1" ở xã "Bum Tở" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học | Bán trú |
      | P1       | 01/03/2011 | Mảng    | THCS    | có      |
      | P2       | 01/04/2011 | Thái    | THCS    | có      |
      | P3       | 01/05/2011 | Mảng    | THCS    | không   |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "very_small_ethnic_study_allowance" với mức 1.404.000
    Và "P2" không đủ điều kiện hưởng "very_small_ethnic_study_allowance"
    Và "P3" đủ điều kiện hưởng "very_small_ethnic_study_allowance" với mức 936.000

  Tình huống: Trẻ mẫu giáo người Cống năm 2020: 30% × 1.490.000 = 447.000; sinh viên người Si La: 100% = 1.490.000
    Cho ngày xét là 01/10/2020
    Và hộ "H1" ở xã "Nậm Hàng" có:
      | Khu vực      | Nông thôn |
      | Phân loại hộ | Không     |
    Và các thành viên:
      | Mã người | Ngày sinh  | Dân tộc | Cấp học          |
      | P1       | 01/03/2016 | Cống    | Mầm non          |
      | P2       | 01/03/2000 | Si La   | Cao đẳng/đại học |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "very_small_ethnic_study_allowance" với mức 447.000
    Và "P2" đủ điều kiện hưởng "very_small_ethnic_study_allowance" với mức 1.490.000
