# language: vi
@audit @meritorious
Tính năng: Cộng trợ cấp ưu đãi theo nhiều hồ sơ người có công (khoản 3 Điều 6 Pháp lệnh 02/2020)
  Người thuộc nhiều diện được hưởng trợ cấp của tất cả các diện; Bà mẹ Việt Nam anh hùng không hưởng thêm trợ cấp thân
  nhân liệt sĩ (khoản 1 Điều 18) (POLICIES.md §5.1, A). Từ 01/7/2024 (POLICIES.md §5.2, A): thân nhân 01 liệt sĩ
  2.789.000; tuất nuôi dưỡng 2.231.000; thương binh 41 % 3.667.000.

  Tình huống: Mẹ liệt sĩ sống cô đơn đồng thời là thương binh 41 %: hưởng cả hai
    Cho ngày xét là 15/11/2025
    Và hộ "H1" ở xã "Mường Than" có:
      | area_type           | rural |
      | poverty_list_status | none  |
    Và các thành viên:
      | person_id | date_of_birth | relation_to_head | marital_status | lives_alone | receives_merit_allowance |
      | P1        | 02/02/1936    | head             | widowed        | có          | có                       |
    Và hồ sơ người có công:
      | person_id | merit_category  | martyr_relation | martyr_count | injury_rate |
      | P1        | martyr_relative | parent          | 1            |             |
      | P1        | war_invalid     |                 |              | 41          |
    Khi xét duyệt hộ
    Thì "P1" đủ điều kiện hưởng "merit_monthly_allowance" với mức 8.687.000
