# language: vi
@audit
Tính năng: Kiểm toán theo danh sách chi trả của chương trình (issue 13)
  Trợ cấp xã hội hằng tháng = mức chuẩn trợ giúp xã hội x hệ số (Nghị định 20/2021 Điều 6; mức chuẩn 500.000 đồng từ
  01/7/2024, POLICIES.md §1, tin cậy B; 360.000 đồng trước đó, A). Trợ cấp hưu trí xã hội 500.000 đồng/tháng từ
  01/7/2025 (POLICIES.md §3.4, B). Các số tiền dưới đây tính tay từ các số liệu đó.

  Bối cảnh:
    Cho ngày xét là 15/11/2025
    Và hộ "H1" ở xã "Mường Kim" có:
      | area_type                | rural |
      | poverty_list_status      | poor  |
      | area_extremely_difficult | không |
    Và các thành viên:
      | person_id | date_of_birth | receives_pension | survivor_allowance | disability_level | no_source_of_care | hiv   | has_supporter | fostered | receives_merit_allowance | studying_level | relation_to_head | full_name   |
      | P1        | 10/08/1944    | không            | không              | none             | không             | không | không         | không    | không                    | none           | head             | Cầm Thị Kim |

  Tình huống: Chi trả thiếu: trả theo mức chuẩn năm trước (2,0 x 360.000)
    Cho danh sách chi trả:
      | programme                | person_id | monthly_amount | coefficient |
      | monthly_social_allowance | P1        | 720.000        | 2           |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "monthly_social_allowance" với mức 1.000.000
    Và "P1" thuộc diện "chi trả thiếu" với "monthly_social_allowance", số tiền -280.000

  Tình huống: Chi trả thừa
    Cho danh sách chi trả:
      | programme                | person_id | monthly_amount | coefficient |
      | monthly_social_allowance | P1        | 1.100.000      | 2           |
    Khi xét duyệt hộ
    Thì "P1" thuộc diện "chi trả thừa" với "monthly_social_allowance", số tiền 100.000

  Tình huống: Sai mức hưởng: trả hệ số 1,5 trong khi người từ đủ 80 tuổi được hệ số 2,0
    Cho danh sách chi trả:
      | programme                | person_id | monthly_amount | coefficient |
      | monthly_social_allowance | P1        | 750.000        | 1.5         |
    Khi xét duyệt hộ
    Thì "P1" thuộc diện "sai mức hưởng" với "monthly_social_allowance", số tiền -250.000

  Tình huống: Chi trả cho tháng sau khi đã chết
    Cho hộ "H2" ở xã "Mường Kim" giống hộ "H1" nhưng có:
      | area_type | rural |
    Và thành viên "P2" sinh ngày 02/03/1943 có:
      | receives_pension   | không      |
      | survivor_allowance | không      |
      | has_supporter      | không      |
      | relation_to_head   | head       |
      | date_of_death      | 20/09/2025 |
    Và danh sách chi trả:
      | programme      | person_id | monthly_amount |
      | social_pension | P2        | 500.000        |
    Khi xét duyệt các hộ
    Thì "P2" thuộc diện "chi trả sau khi chết" với "social_pension", số tiền 500.000

  Tình huống: Người trong danh sách không có trong sổ hộ
    Cho danh sách chi trả:
      | programme      | full_name    | birth_year | commune   | monthly_amount |
      | social_pension | Lò Văn Xiêng | 1944       | Mường Kim | 500.000        |
    Khi xét duyệt hộ
    Thì "Lò Văn Xiêng" thuộc diện "không có trong sổ hộ" với "social_pension", số tiền 500.000

  Tình huống: Một người hai lần trong cùng danh sách
    Cho danh sách chi trả:
      | programme                | person_id | monthly_amount | coefficient |
      | monthly_social_allowance | P1        | 1.000.000      | 2           |
      | monthly_social_allowance | P1        | 1.000.000      | 2           |
    Khi xét duyệt hộ
    Thì "P1" thuộc diện "trùng lặp" với "monthly_social_allowance", số tiền 1.000.000
